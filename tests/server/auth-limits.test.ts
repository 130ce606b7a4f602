// Session expiry (SESSION_TTL_HOURS) and the login rate limit (LOGIN_MAX_ATTEMPTS), each on its own configured server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.ts';
import { cheapAccount, expectError, expectJson, parseSetCookie } from '../helpers/api.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { login, newEmail, withToken } from '../helpers/sign-in.ts';

describe('session expiry', () => {
  const clock = fixedClock(new Date());
  let h: Harness;
  const ttlMs = 2 * 3_600_000;
  beforeAll(async () => {
    h = await createHarness({ clock, env: { SESSION_TTL_HOURS: '2' } });
  });
  afterAll(() => h.close());

  async function signIn() {
    const a = await cheapAccount(h, { email: newEmail('ttl') });
    const res = await login(h.anonymous(), a.email, a.password);
    expect(Number(parseSetCookie(res.headers.get('set-cookie')).attributes.get('max-age'))).toBe(2 * 3600);
    return { id: a.id, client: withToken(h, parseSetCookie(res.headers.get('set-cookie')).value) };
  }

  it('a session unused for longer than SESSION_TTL_HOURS answers 401 and is deleted', async () => {
    const { id, client } = await signIn();
    clock.advance(ttlMs - 60_000);
    await expectJson(await client.get('/api/me'));
    clock.advance(ttlMs + 1000);
    await expectError(await client.get('/api/me'), 401);
    expect(await h.db.prisma.session.count({ where: { userId: id } })).toBe(0);
  });

  it('activity slides the expiry forward', async () => {
    const { client } = await signIn();
    for (let i = 0; i < 3; i++) {
      clock.advance(ttlMs * 0.75);
      await expectJson(await client.get('/api/me'));
    }
    clock.advance(ttlMs + 1000);
    await expectError(await client.get('/api/me'), 401);
  });

  it('a renewed session also renews the cookie, so the browser keeps it as long as the server does', async () => {
    const { client } = await signIn();
    const quiet = await client.get('/api/me');
    expect(quiet.headers.get('set-cookie')).toBeNull();
    clock.advance(ttlMs / 2);
    const renewed = await client.get('/api/me');
    const cookie = parseSetCookie(renewed.headers.get('set-cookie'));
    expect(cookie.name).toBe('atensi_session');
    expect(Number(cookie.attributes.get('max-age'))).toBe(2 * 3600);
  });
});

describe('login rate limit (LOGIN_MAX_ATTEMPTS=3)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ env: { LOGIN_MAX_ATTEMPTS: '3' } });
  });
  afterAll(() => h.close());

  /** A sign-in from a given socket address, as @hono/node-server passes it. */
  const loginFrom = (ip: string, email: string, password: string, headers: Record<string, string> = {}) =>
    h.app.request(
      'http://localhost/api/auth/login',
      { method: 'POST', headers: { origin: 'http://localhost', 'content-type': 'application/json', ...headers }, body: JSON.stringify({ email, password }) },
      { incoming: { socket: { remoteAddress: ip } } } as never,
    );

  it('after 3 failures the 4th attempt gets 429 with Retry-After, even with the right password', async () => {
    const a = await cheapAccount(h, { email: newEmail('limit') });
    for (let i = 0; i < 3; i++) await expectError(await login(h.anonymous(), a.email, 'wrong-password'), 401);
    const res = await login(h.anonymous(), a.email, a.password);
    await expectError(res.clone(), 429);
    const retry = Number(res.headers.get('retry-after'));
    expect(Number.isInteger(retry)).toBe(true);
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(15 * 60);
    expect(await h.db.prisma.session.count({ where: { userId: a.id } })).toBe(0);
    expect(await h.db.prisma.auditLog.count({ where: { action: 'auth.login_blocked', requestId: res.headers.get('x-request-id') } })).toBe(1);
  });

  it('writing the email in another case does not reset the count', async () => {
    const a = await cheapAccount(h, { email: newEmail('case') });
    for (let i = 0; i < 3; i++) await expectError(await login(h.anonymous(), a.email, 'wrong-password'), 401);
    await expectError(await login(h.anonymous(), a.email.toUpperCase(), a.password), 429);
  });

  it('rotating X-Forwarded-For does not bypass it (TRUST_PROXY is off)', async () => {
    expect(h.config.trustProxy).toBe(false);
    const a = await cheapAccount(h, { email: newEmail('xff') });
    for (let i = 0; i < 3; i++) {
      await expectError(await loginFrom('10.1.1.1', a.email, 'wrong-password', { 'x-forwarded-for': `203.0.113.${i + 1}` }), 401);
    }
    await expectError(await loginFrom('10.1.1.1', a.email, a.password, { 'x-forwarded-for': '198.51.100.77' }), 429);
  });

  it('other accounts are not locked out by someone else\'s failures', async () => {
    const b = await cheapAccount(h, { email: newEmail('other') });
    await expectJson(await login(h.anonymous(), b.email, b.password));
  });

  it('a successful sign-in resets the count for that account', async () => {
    const a = await cheapAccount(h, { email: newEmail('reset') });
    for (let i = 0; i < 2; i++) await expectError(await loginFrom('10.2.2.2', a.email, 'wrong-password'), 401);
    await expectJson(await loginFrom('10.2.2.2', a.email, a.password));
    for (let i = 0; i < 2; i++) await expectError(await loginFrom('10.2.2.2', a.email, 'wrong-password'), 401);
    await expectJson(await loginFrom('10.2.2.2', a.email, a.password));
  });

  it('one address spraying many accounts is limited too (5 × LOGIN_MAX_ATTEMPTS failures), other addresses are not', async () => {
    const ip = '10.3.3.3';
    for (let i = 0; i < 15; i++) {
      const victim = await cheapAccount(h, { email: newEmail(`spray${i}`) });
      await expectError(await loginFrom(ip, victim.email, 'wrong-password', { 'x-forwarded-for': `192.0.2.${i}` }), 401);
    }
    const c = await cheapAccount(h, { email: newEmail('after-spray') });
    await expectError(await loginFrom(ip, c.email, c.password), 429);
    await expectJson(await loginFrom('10.4.4.4', c.email, c.password));
  });
});
