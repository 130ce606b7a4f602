// Health: anyone learns only whether the service is up; the version and uptime are for admins.
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
