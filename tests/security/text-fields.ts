// Finds the string fields of every write operation in the OpenAPI document (so a new route or field
// is fed hostile text without anyone listing it), and the hostile strings fed to them.
import fc from 'fast-check';
import { textPatterns } from '../../schemas/common.ts';

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};
interface OpenApiDoc {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export type FieldPath = (string | number)[];
export interface StringField {
  path: FieldPath;
  /** A free-text field (schemas/common.ts `text`): accepted values must come back in NFC. */
  text: boolean;
}

export const WRITE_METHODS = ['post', 'put', 'patch', 'delete'] as const;

/** `METHOD /path` of every write operation that takes a JSON body. */
export function writeOperations(doc: OpenApiDoc): { op: string; schema: JsonSchema }[] {
  const out: { op: string; schema: JsonSchema }[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of WRITE_METHODS) {
      const schema = item[method]?.requestBody?.content?.['application/json']?.schema;
      if (schema) out.push({ op: `${method.toUpperCase()} ${path}`, schema });
    }
  }
  return out;
}

/**
 * The string leaves of a request schema, for the body a test will send: of a union, the variant
 * whose `const` fields match the body; arrays through their first element when the body has one.
 */
export function stringFields(doc: OpenApiDoc, schema: JsonSchema, body: unknown, path: FieldPath = []): StringField[] {
  const s = resolve(doc, schema);
  const variants = s.anyOf ?? s.oneOf;
  if (variants) {
    const live = variants.map((v) => resolve(doc, v)).filter((v) => v.type !== 'null');
    const matching = live.filter((v) => matches(doc, v, body));
    return (matching.length ? matching : live).flatMap((v) => stringFields(doc, v, body, path)).filter(uniquePath);
  }
  if (s.allOf) return s.allOf.flatMap((v) => stringFields(doc, v, body, path));
  if (s.enum || s.const !== undefined) return [];
  if (s.type === 'string') return [{ path, text: s.pattern !== undefined && (textPatterns as readonly string[]).includes(s.pattern) }];
  if (s.type === 'object' && s.properties) {
    const obj = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
    return Object.entries(s.properties).flatMap(([k, v]) => stringFields(doc, v, obj[k], [...path, k]));
  }
  if (s.type === 'array' && s.items && Array.isArray(body) && body.length > 0) return stringFields(doc, s.items, body[0], [...path, 0]);
  return [];
}

function resolve(doc: OpenApiDoc, s: JsonSchema): JsonSchema {
  if (!s.$ref) return s;
  const name = s.$ref.replace('#/components/schemas/', '');
  const target = doc.components?.schemas?.[name];
  if (!target) throw new Error(`unresolved ${s.$ref}`);
  return resolve(doc, target);
}

/** A union variant fits a body when every `const` property it declares has that value in the body. */
function matches(doc: OpenApiDoc, variant: JsonSchema, body: unknown): boolean {
  if (variant.type !== 'object' || !variant.properties || !body || typeof body !== 'object') return false;
  return Object.entries(variant.properties).every(([k, v]) => {
    const p = resolve(doc, v);
    return p.const === undefined || (body as Record<string, unknown>)[k] === p.const;
  });
}

function uniquePath(f: StringField, i: number, all: StringField[]): boolean {
  return all.findIndex((g) => g.path.join('\u0000') === f.path.join('\u0000')) === i;
}

/** A copy of the body with the value at `path` replaced (objects made along the way). */
export function withValue(body: unknown, path: FieldPath, value: unknown): unknown {
  const copy = structuredClone(body ?? {}) as Record<string | number, unknown>;
  let at = copy;
  for (const [i, key] of path.entries()) {
    if (i === path.length - 1) at[key] = value;
    else at = (at[key] ??= typeof path[i + 1] === 'number' ? [] : {}) as Record<string | number, unknown>;
  }
  return copy;
}

/** Characters that have broken or fooled text handling somewhere: lone surrogates, controls, unnormalised forms, bidi and zero-width marks. */
const nasty = [
  '\ud800', '\udbff', '\udc00', '\udfff', '\u0000', '\u0007', '\u0008', '\t', '\n', '\r', '\u000b', '\u001b', '\u007f', '\u0085', '\u009f',
  '\u200b', '\u200d', '\u202e', '\u2028', '\ufeff', '\ufffd', '\u0301', 'e\u0301', 'A\u030a', '\u212b', '\u1e9b\u0323', '\uac00', '😀', '👩‍👧',
  '%', '_', '\\', '"', "'", '<', '&', ' ',
];

/** Arbitrary strings, weighted towards the characters above; any code point and any UTF-16 unit can occur. */
export const hostileString = fc
  .array(
    fc.oneof(
      { arbitrary: fc.constantFrom(...nasty), weight: 4 },
      { arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((u) => String.fromCharCode(u)), weight: 1 },
      { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }), weight: 2 },
      { arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 8 }), weight: 3 },
    ),
    { maxLength: 10 },
  )
  .map((parts) => parts.join(''));

/** Always tried first on every field (they count towards numRuns): the four shapes the issue names, plus a name in decomposed form. */
export const hostileExamples = ['\ud800', 'a\u0000b', 'Jose\u0301 Sa\u0301nchez', 'x\u202e\u0007y'];
