// The sign-in limit holds under concurrency: an attempt is counted before its password is checked,
// so of a burst of parallel wrong passwords at most LOGIN_MAX_ATTEMPTS are checked, the rest get
// 429 with Retry-After; refusals are audited as one counted row per key and window.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cheapAccount, expectError, expectJson } from '../helpers/api.ts';
import { unique } from '../helpers/fixtures.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness(); // LOGIN_MAX_ATTEMPTS = 10 (the default)
});
afterAll(() => h.close());

/** A sign-in from a given socket address, as @hono/node-server passes it. */
const loginFrom = (ip: string, email: string, password: string) =>
  h.app.request(
    'http://localhost/api/auth/login',
    { method: 'POST', headers: { origin: 'http://localhost', 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) },
    { incoming: { socket: { remoteAddress: ip } } } as never,
  );

async function burst(n: number, attempt: (i: number) => Response | Promise<Response>) {
  const answers = await Promise.all(Array.from({ length: n }, async (_, i) => attempt(i)));
  const byStatus = new Map<number, Response[]>();
  for (const r of answers) byStatus.set(r.status, [...(byStatus.get(r.status) ?? []), r]);
  return { checked: byStatus.get(401) ?? [], limited: byStatus.get(429) ?? [], other: answers.filter((r) => r.status !== 401 && r.status !== 429) };
}

describe('30 parallel wrong sign-ins for one account', () => {
  it('check at most LOGIN_MAX_ATTEMPTS passwords; the rest are 429 with Retry-After in the one error shape', async () => {
    const a = await cheapAccount(h, { email: `burst.${unique()}@test.atensi.id` });
    const { checked, limited, other } = await burst(30, () => loginFrom('10.9.0.1', a.email, 'wrong-password'));
    console.log(`auth-burst: of 30 parallel wrong sign-ins ${checked.length} were checked (401), ${limited.length} refused (429)`);
    expect(other).toEqual([]);
    expect(checked.length).toBeLessThanOrEqual(h.config.loginMaxAttempts);
    expect(checked.length + limited.length).toBe(30);
    for (const r of limited) {
      const retry = Number(r.headers.get('retry-after'));
      expect(Number.isInteger(retry) && retry > 0 && retry <= h.config.loginWindowMinutes * 60, String(retry)).toBe(true);
      await expectError(r, 429);
    }
    // Every checked attempt is one failure in the audit; the 429s are counted too, each kind in one row.
    const failed = await h.db.prisma.auditLog.findMany({ where: { action: 'auth.login_failed', actorId: a.id } });
    expect(failed).toHaveLength(1);
    expect(failed[0]!.count).toBe(checked.length);
    const blocked = await h.db.prisma.auditLog.findMany({ where: { action: 'auth.login_blocked', actorId: a.id } });
    expect(blocked).toHaveLength(1);
    expect(blocked[0]!.count).toBe(limited.length);
    expect(JSON.parse(blocked[0]!.details!)).toEqual({ reason: 'rate_limited', limit: 'account' });
    // Locked: even the right password is refused now.
    await expectError(await loginFrom('10.9.0.2', a.email, a.password), 429);
  });

  it('a burst that ends in the right password still signs in when it stays under the limit, and gives its point back', async () => {
    const a = await cheapAccount(h, { email: `under.${unique()}@test.atensi.id` });
    const { checked, limited } = await burst(h.config.loginMaxAttempts - 1, () => loginFrom('10.9.1.1', a.email, 'wrong-password'));
    expect(checked).toHaveLength(h.config.loginMaxAttempts - 1);
    expect(limited).toHaveLength(0);
    await expectJson(await loginFrom('10.9.1.1', a.email, a.password));
    // The success cleared the account's count: a full limit of failures is checked again.
    const again = await burst(h.config.loginMaxAttempts, () => loginFrom('10.9.1.1', a.email, 'wrong-password'));
    expect(again.checked).toHaveLength(h.config.loginMaxAttempts);
  });
});

describe('one address spraying accounts in parallel', () => {
  it('checks at most 5 × LOGIN_MAX_ATTEMPTS passwords across all accounts', async () => {
    const accounts = await Promise.all(Array.from({ length: 60 }, (_, i) => cheapAccount(h, { email: `spray${i}.${unique()}@test.atensi.id` })));
    const { checked, limited, other } = await burst(60, (i) => loginFrom('10.9.2.1', accounts[i]!.email, 'wrong-password'));
    console.log(`auth-burst: of 60 parallel wrong sign-ins from one address to 60 accounts ${checked.length} were checked`);
    expect(other).toEqual([]);
    expect(checked.length).toBeLessThanOrEqual(5 * h.config.loginMaxAttempts);
    expect(limited.length).toBe(60 - checked.length);
    // Another address is not affected.
    await expectJson(await loginFrom('10.9.2.2', accounts[59]!.email, accounts[59]!.password));
  });
});
