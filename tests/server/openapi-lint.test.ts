// The published OpenAPI document passes `redocly lint` with its recommended rules, with no error and
// no warning: every operation has a unique operationId (derived in defineRoute) and there are servers.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineRoute, operationIdFor } from '../../server/src/http/route.ts';
import { expectJson } from '../helpers/api.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

let h: Harness;
let doc: { servers?: unknown[]; paths: Record<string, Record<string, { operationId?: string }>> };
let dir: string;

beforeAll(async () => {
  h = await createHarness();
  doc = await expectJson(await h.anonymous().get('/api/openapi.json'));
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atensi-openapi-'));
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await h.close();
});

describe('the OpenAPI document', () => {
  it('is clean under redocly lint (recommended rules): 0 errors, 0 warnings', () => {
    const file = path.join(dir, 'openapi.json');
    fs.writeFileSync(file, JSON.stringify(doc));
    const cli = path.resolve('node_modules/@redocly/cli/bin/cli.js');
    // Offline: no telemetry, no update check.
    const run = spawnSync(process.execPath, [cli, 'lint', '--extends=recommended', '--format=json', file], {
      cwd: dir, encoding: 'utf8', timeout: 120_000,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', CI: 'true' },
    });
    const report = JSON.parse(run.stdout) as { totals: { errors: number; warnings: number }; problems: { ruleId: string; message: string }[] };
    expect(report.problems.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    expect(run.status).toBe(0);
  });

  it('gives every operation its own operationId, and names it from method and path', () => {
    const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((o) => o.operationId));
    expect(ids.length).toBeGreaterThan(60);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z0-9]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.paths['/api/reports/{id}/photos/{photoId}']?.get?.operationId).toBe('getReportsByIdPhotosByPhotoId');
    expect(operationIdFor('post', '/api/work-orders/{id}')).toBe('postWorkOrdersById');
    expect(doc.servers).toEqual([expect.objectContaining({ url: '/' })]);
  });

  it('refuses a second route with the same operationId', () => {
    const config = { method: 'get', path: '/api/test-only/{id}', responses: { 200: { description: 'ok' } } } as const;
    defineRoute(['admin'], config);
    expect(() => defineRoute(['admin'], { ...config, path: '/api/test-only/{other}', operationId: 'getTestOnlyById' })).toThrow(/already taken/);
  });
});
