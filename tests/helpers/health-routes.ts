// Finds, in the OpenAPI document, every operation whose success answer can carry a person's health
// data, so the consent-withdrawal walk cannot miss a route added later.

/** Properties that hold diagnosis-derived or clinical content wherever they appear in an answer. */
export const HEALTH_KEYS = [
  'diagnosis', 'beneficiaryDiagnosis', 'diagnosisNotes', 'cpProfile', 'hydrocephalusProfile', 'headCircumferences',
  'assessment', 'assessments', 'measurements', 'findings', 'pressureInjuryRisk', 'fitOk', 'sizeOk', 'postureOk',
  'pressureOk', 'movementOk', 'adjustments', 'accessories', 'reportCategories', 'referral', 'prescription', 'fittings',
] as const;

type Schema = {
  $ref?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: Schema | boolean;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
};
type Doc = { paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> }>>; components?: { schemas?: Record<string, Schema> } };

/** Whether a schema (following $refs) has a health property, or a pathway move's note (`to` + `note`). */
function carriesHealth(doc: Doc, schema: Schema | undefined, seen = new Set<string>()): boolean {
  if (!schema || typeof schema !== 'object') return false;
  if (schema.$ref) {
    if (seen.has(schema.$ref)) return false;
    seen.add(schema.$ref);
    return carriesHealth(doc, doc.components?.schemas?.[schema.$ref.replace('#/components/schemas/', '')], seen);
  }
  const props = schema.properties ?? {};
  if (Object.keys(props).some((k) => (HEALTH_KEYS as readonly string[]).includes(k))) return true;
  if ('note' in props && 'to' in props) return true;
  const children = [
    ...Object.values(props),
    schema.items,
    typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined,
    ...(schema.anyOf ?? []),
    ...(schema.oneOf ?? []),
    ...(schema.allOf ?? []),
  ];
  return children.some((s) => carriesHealth(doc, s, seen));
}

/**
 * `METHOD /path` of every operation whose 2xx JSON answer can carry health data. Free-form answers
 * (the personal-data export is a record of unknown values) are named in `freeForm` by the caller.
 */
export function healthDataOperations(doc: Doc, freeForm: readonly string[]): string[] {
  const out = new Set<string>(freeForm);
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      for (const [status, res] of Object.entries(op.responses ?? {})) {
        if (!status.startsWith('2')) continue;
        if (carriesHealth(doc, res.content?.['application/json']?.schema)) out.add(`${method.toUpperCase()} ${path}`);
      }
    }
  }
  return [...out].sort();
}

/**
 * Health keys anywhere in an answer, as paths: those with a value (not null, not an empty list), or
 * with `present`, every one sent at all.
 */
export function healthValues(value: unknown, allowed: readonly string[] = [], present = false, path = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => healthValues(v, allowed, present, `${path}[${i}]`));
  if (!value || typeof value !== 'object') return [];
  const found: string[] = [];
  for (const [k, v] of Object.entries(value)) {
    const filled = present || (v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0));
    if (filled && (HEALTH_KEYS as readonly string[]).includes(k) && !allowed.includes(k)) found.push(`${path}.${k}`);
    found.push(...healthValues(v, allowed, present, `${path}.${k}`));
  }
  return found;
}
