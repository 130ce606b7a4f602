// The sign-in limits' database store: counts made through one connection are seen through another
// (as by another API process), and a database busy past its timeout counts in the process for
// that call instead of failing the sign-in with a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { openRaw } from '../../core/db/client.ts';
import { sqliteLimiters } from '../../server/src/sessions/limiter-store.ts';
import { take } from '../../server/src/sessions/login-limit.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const limit = { keyPrefix: 'test-limit', points: 3, duration: 60 };

describe('sign-in limits in the database', () => {
  it('two connections (two processes) share one count, kept in the RateLimit table', async () => {
    const other = openRaw(h.config.databaseFile);
    const [a, b] = [sqliteLimiters(h.db.raw)(limit), sqliteLimiters(other)(limit)];
    expect(await take(a, 'shared')).toBeNull();
    expect(await take(b, 'shared')).toBeNull();
    expect(await take(a, 'shared')).toBeNull();
    const wait = await take(b, 'shared');
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    expect(h.db.raw.prepare('SELECT points FROM "RateLimit" WHERE key = ?').get('test-limit:shared')).toEqual({ points: 4 });
    other.close();
  });

  it('a database busy past its timeout counts in the process for that call, without an error', async () => {
    const busy = openRaw(h.config.databaseFile);
    const impatient = openRaw(h.config.databaseFile);
    impatient.pragma('busy_timeout = 0');
    const limiter = sqliteLimiters(impatient)({ ...limit, keyPrefix: 'busy-limit' });
    busy.prepare('BEGIN IMMEDIATE').run();
    try {
      const counted = await limiter.consume('k');
      expect(counted).toBeInstanceOf(RateLimiterRes);
      expect(counted.remainingPoints).toBe(2);
      expect(h.db.raw.prepare('SELECT count(*) AS n FROM "RateLimit" WHERE key = ?').get('busy-limit:k')).toEqual({ n: 0 });
    } finally {
      busy.prepare('ROLLBACK').run();
      busy.close();
      impatient.close();
    }
  });
});
