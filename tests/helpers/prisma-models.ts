// Reads the models of a Prisma schema file (fields with type, optionality and attributes, and the
// block attributes: ids, unique keys, indexes, table names) and lists how two schemas differ.
export interface ModelShape {
  /** Field name → its declaration after the name: type, `?`/`[]` and attributes, spaces collapsed. */
  fields: Map<string, string>;
  /** Block attributes (`@@id`, `@@unique`, `@@index`, `@@map`…), spaces collapsed. */
  attributes: string[];
}

/** Blocks that describe data: models, enums, views and composite types; generator/datasource are not compared. */
const blockStart = /^(model|enum|view|type)\s+(\w+)\s*\{\s*$/;

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Removes a `//` comment that is not inside a string literal. */
function stripComment(line: string): string {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"' && line[i - 1] !== '\\') inString = !inString;
    if (!inString && ch === '/' && line[i + 1] === '/') return line.slice(0, i);
  }
  return line;
}

export function parseModels(schema: string): Map<string, ModelShape> {
  const models = new Map<string, ModelShape>();
  let current: ModelShape | undefined;
  for (const rawLine of schema.split('\n')) {
    const line = collapse(stripComment(rawLine));
    if (!line) continue;
    if (!current) {
      const start = blockStart.exec(line);
      if (start) {
        current = { fields: new Map(), attributes: [] };
        models.set(`${start[1]} ${start[2]}`, current);
      }
      continue;
    }
    if (line === '}') {
      current = undefined;
    } else if (line.startsWith('@@')) {
      current.attributes.push(line);
    } else {
      const [name, ...rest] = line.split(' ');
      current.fields.set(name!, rest.join(' '));
    }
  }
  return models;
}

/** Every difference between two schemas' models, one sentence each naming the model and field. */
export function modelDifferences(a: string, b: string, names: [string, string] = ['first', 'second']): string[] {
  const [left, right] = [parseModels(a), parseModels(b)];
  const out: string[] = [];
  for (const [model, shape] of left) {
    const other = right.get(model);
    if (!other) {
      out.push(`${model} is only in the ${names[0]} schema`);
      continue;
    }
    for (const [field, decl] of shape.fields) {
      const theirs = other.fields.get(field);
      if (theirs === undefined) out.push(`${model}.${field} is only in the ${names[0]} schema`);
      else if (theirs !== decl) out.push(`${model}.${field}: ${names[0]} \`${decl}\`, ${names[1]} \`${theirs}\``);
    }
    for (const field of other.fields.keys()) {
      if (!shape.fields.has(field)) out.push(`${model}.${field} is only in the ${names[1]} schema`);
    }
    const theirs = new Set(other.attributes);
    const ours = new Set(shape.attributes);
    for (const attr of shape.attributes) if (!theirs.has(attr)) out.push(`${model} ${attr} is only in the ${names[0]} schema`);
    for (const attr of other.attributes) if (!ours.has(attr)) out.push(`${model} ${attr} is only in the ${names[1]} schema`);
  }
  for (const model of right.keys()) if (!left.has(model)) out.push(`${model} is only in the ${names[1]} schema`);
  return out;
}
