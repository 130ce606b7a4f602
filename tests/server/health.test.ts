// Health: anyone learns whether the service is up (liveness) and ready (database, migrations);
// the version and uptime are for admins.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectJson } from '../helpers/api.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { EMAIL } from '../helpers/world.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe('GET /api/health', () => {
  it('answers only ok without a session: no version, no uptime', async () => {
    expect(await expectJson(await h.anonymous().get('/api/health'))).toEqual({ status: 'ok' });
  });

  it('answers only ok to a signed-in admin too (the details have their own route)', async () => {
    expect(await expectJson(await (await h.as(EMAIL.admin)).get('/api/health'))).toEqual({ status: 'ok' });
  });

  it('answers an unknown API path with 404 in the one error shape', async () => {
    const res = await h.anonymous().get('/api/no-such-thing');
    expect(res.status).toBe(404);
    const body = await res.json();
    expect(body.error.code).toBe('not_found');
    expect(body.error.requestId).toBeTruthy();
  });
});

describe('GET /api/health/details', () => {
  it('gives admins the version and uptime', async () => {
    const body = await expectJson(await (await h.as(EMAIL.admin)).get('/api/health/details'));
    expect(body).toEqual({ status: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+/), uptimeSeconds: expect.any(Number) });
  });

  it('is 401 without a session and 403 for other roles', async () => {
    await expectError(await h.anonymous().get('/api/health/details'), 401);
    await expectError(await (await h.as(EMAIL.technicianA)).get('/api/health/details'), 403);
  });
});

describe('GET /api/health/ready', () => {
  const ready = () => h.anonymous().get('/api/health/ready');
  const notReady = async (checks: Record<string, string>, failed: string) => {
    const res = await ready();
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body.error).toEqual({ code: 'unavailable', message: `not ready: ${failed}`, requestId: expect.any(String), details: { reason: 'not_ready', checks } });
    // Liveness is not readiness: the process still answers.
    expect((await h.anonymous().get('/api/health')).status).toBe(200);
  };

  it('is 200 with each check when the database answers and every migration is applied', async () => {
    expect(await expectJson(await ready())).toEqual({ status: 'ready', checks: { database: 'ok', migrations: 'ok' } });
  });

  it('is 503 naming migrations while a committed migration is not applied', async () => {
    const last = h.db.raw.prepare('SELECT * FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1').get() as Record<string, unknown>;
    h.db.raw.prepare('DELETE FROM _prisma_migrations WHERE id = ?').run(last.id);
    try {
      await notReady({ database: 'ok', migrations: 'failed' }, 'migrations');
    } finally {
      const cols = Object.keys(last);
      h.db.raw.prepare(`INSERT INTO _prisma_migrations (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...cols.map((c) => last[c]));
    }
    expect((await ready()).status).toBe(200);
  });

  it('is 503 naming the database when the file on disk no longer reads as a database', async () => {
    // Tests run as root, whom file modes do not stop; a damaged header is unreadable for everyone.
    const fd = fs.openSync(h.config.databaseFile, 'r+');
    const header = Buffer.alloc(16);
    fs.readSync(fd, header, 0, 16, 0);
    fs.writeSync(fd, Buffer.alloc(16, 0x58), 0, 16, 0);
    try {
      await notReady({ database: 'failed', migrations: 'failed' }, 'database, migrations');
    } finally {
      fs.writeSync(fd, header, 0, 16, 0);
      fs.closeSync(fd);
    }
    expect((await ready()).status).toBe(200);
  });
});
