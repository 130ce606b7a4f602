// `npm run contract:gen`: writes docs/schemas/*.json from the Zod schemas (a test fails when the
// committed files are out of date).
import fs from 'node:fs';
import path from 'node:path';
import { contractSchemaFiles, SCHEMA_DIR } from './json-schema.ts';

const dir = path.resolve(SCHEMA_DIR);
fs.mkdirSync(dir, { recursive: true });
for (const [name, text] of contractSchemaFiles()) {
  const file = path.join(dir, name);
  const changed = !fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text;
  if (changed) fs.writeFileSync(file, text);
  process.stdout.write(`${changed ? 'wrote' : 'unchanged'} ${path.join(SCHEMA_DIR, name)}\n`);
}
