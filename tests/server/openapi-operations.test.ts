// The OpenAPI operations (paths, methods, ids, access, parameters, bodies, response codes) match the committed fixture.
// Route declarations are built through shared helpers; this pins what they publish, so a refactor of
// the helpers cannot silently drop a parameter, an error response or an access rule. After a deliberate
// API change, regenerate the fixture: `UPDATE_OPENAPI_FIXTURE=1 npx vitest run tests/server/openapi-operations.test.ts`.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectJson } from '../helpers/api.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

type Operation = {
  operationId?: string; tags?: string[]; summary?: string; security?: unknown; 'x-access'?: unknown;
  parameters?: { in: string; name: string; required?: boolean; schema?: unknown }[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, unknown> }>;
};

const fixture = path.resolve('tests/server/openapi-operations.json');
let h: Harness;
let doc: { paths: Record<string, Record<string, Operation>> };

beforeAll(async () => {
  h = await createHarness();
  doc = await expectJson(await h.anonymous().get('/api/openapi.json'));
});
afterAll(async () => h.close());

/** What a route declaration decides, without the body and response schemas that schemas/ owns. */
function summarise(paths: Record<string, Record<string, Operation>>) {
  const out: Record<string, unknown> = {};
  for (const p of Object.keys(paths).sort()) {
    for (const method of Object.keys(paths[p]!).sort()) {
      const o = paths[p]![method]!;
      out[`${method.toUpperCase()} ${p}`] = {
        operationId: o.operationId,
        tags: o.tags,
        summary: o.summary,
        security: o.security,
        access: o['x-access'],
        parameters: (o.parameters ?? []).map((q) => ({ in: q.in, name: q.name, required: q.required ?? false, schema: q.schema })),
        body: o.requestBody ? { required: o.requestBody.required ?? false, types: Object.keys(o.requestBody.content ?? {}) } : null,
        responses: Object.fromEntries(Object.entries(o.responses).map(([code, r]) => [code, { description: r.description, types: Object.keys(r.content ?? {}) }])),
      };
    }
  }
  return out;
}

describe('the OpenAPI operations', () => {
  it('are the ones in tests/server/openapi-operations.json', () => {
    const now = summarise(doc.paths);
    if (process.env.UPDATE_OPENAPI_FIXTURE === '1') fs.writeFileSync(fixture, `${JSON.stringify(now, null, 1)}\n`);
    const expected = JSON.parse(fs.readFileSync(fixture, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(now)).toEqual(Object.keys(expected));
    for (const key of Object.keys(expected)) expect({ [key]: now[key] }).toEqual({ [key]: expected[key] });
  });
});
