// Sign-in, sessions and sign-out: the cookie, server-side session storage, expiry, disabling an
// account, the login rate limit and how passwords are stored.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.ts';
import { cheapAccount, expectError, expectJson, parseSetCookie, rawRequest } from '../helpers/api.ts';
import { unique } from '../helpers/fixtures.ts';
import { type Client, createHarness, type Harness } from '../helpers/harness.ts';
import { EMAIL } from '../helpers/world.ts';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const newEmail = (what: string) => `${what}.${unique()}@test.atensi.id`;
const passwordOf = (h: Harness, email: string) => h.creds.users.find((u) => u.email === email)!.password;
const login = (c: Client, email: string, password: string) => c.post('/api/auth/login', { email, password });
const auditRows = (h: Harness, action: string, requestId?: string | null) =>
  h.db.prisma.auditLog.findMany({ where: { action, ...(requestId ? { requestId } : {}) } });

/** A plain-HTTP localhost client carrying this session token. */
function withToken(h: Harness, token: string): Client {
  const c = h.anonymous();
  c.cookie = `atensi_session=${token}`;
  return c;
}

describe('auth', () => {
  let h: Harness;
  let admin: Client;
  beforeAll(async () => {
    h = await createHarness();
    admin = await h.as(EMAIL.admin);
  });
  afterAll(() => h.close());

  describe('signing in on http://localhost', () => {
    let res: Response;
    let token: string;
    beforeAll(async () => {
      res = await login(h.anonymous(), EMAIL.familyA1, passwordOf(h, EMAIL.familyA1));
    });

    it('answers 200 with the signed-in user, and nothing secret', async () => {
      const me = await expectJson(res.clone());
      expect(me).toMatchObject({ email: EMAIL.familyA1, role: 'family' });
      expect(me.beneficiaryIds).toHaveLength(1);
      expect(JSON.stringify(me)).not.toMatch(/passwordHash|scrypt\$/);
    });

    it('sets an HttpOnly, SameSite=Lax, Path=/ cookie named atensi_session (no Secure on plain-HTTP loopback)', () => {
      const cookie = parseSetCookie(res.headers.get('set-cookie'));
      expect(cookie.name).toBe('atensi_session');
      expect(cookie.attributes.get('httponly')).toBe(true);
      expect(cookie.attributes.get('samesite')).toBe('Lax');
      expect(cookie.attributes.get('path')).toBe('/');
      expect(cookie.attributes.has('domain')).toBe(false);
      expect(Number(cookie.attributes.get('max-age'))).toBe(h.config.sessionTtlHours * 3600);
      token = cookie.value;
    });

    it('gives a random 256-bit token and stores only its SHA-256', async () => {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const user = await h.db.prisma.user.findUniqueOrThrow({ where: { email: EMAIL.familyA1 } });
      const sessions = await h.db.prisma.session.findMany({ where: { userId: user.id } });
      const mine = sessions.find((s) => s.tokenHash === sha256(token));
      expect(mine).toBeDefined();
      expect(mine!.tokenHash).not.toBe(token);
      expect(sessions.some((s) => JSON.stringify(s).includes(token))).toBe(false);
      expect(user.lastLoginAt).not.toBeNull();
    });

    it('records auth.login in the audit log with the actor and the request id', async () => {
      const [row] = await auditRows(h, 'auth.login', res.headers.get('x-request-id'));
      const user = await h.db.prisma.user.findUniqueOrThrow({ where: { email: EMAIL.familyA1 } });
      expect(row).toMatchObject({ actorId: user.id, actorRole: 'family', centreId: user.centreId });
    });

    it('the cookie then identifies the user on /api/me', async () => {
      const me = await expectJson(await withToken(h, token).get('/api/me'));
      expect(me.email).toBe(EMAIL.familyA1);
    });

    it('accepts the email in any case and with surrounding spaces', async () => {
      const a = await cheapAccount(h, { email: newEmail('case') });
      await expectJson(await login(h.anonymous(), `  ${a.email.toUpperCase()} `, a.password));
    });

    it('answers 422 when the password is missing', async () => {
      await expectError(await h.anonymous().post('/api/auth/login', { email: EMAIL.familyA1 }), 422);
    });
  });

  describe('signing in on a public HTTPS origin', () => {
    const origin = 'https://atensi.example';
    const headers = { origin, 'sec-fetch-site': 'same-origin' };
    let a: Awaited<ReturnType<typeof cheapAccount>>;
    let res: Response;
    beforeAll(async () => {
      a = await cheapAccount(h, { email: newEmail('https') });
      res = await rawRequest(h, `${origin}/api/auth/login`, { headers, body: { email: a.email, password: a.password } });
    });

    it('sets a __Host- cookie: Secure, HttpOnly, SameSite=Lax, Path=/ and no Domain', async () => {
      await expectJson(res.clone());
      const cookie = parseSetCookie(res.headers.get('set-cookie'));
      expect(cookie.name).toBe('__Host-atensi_session');
      expect(cookie.attributes.get('secure')).toBe(true);
      expect(cookie.attributes.get('httponly')).toBe(true);
      expect(cookie.attributes.get('samesite')).toBe('Lax');
      expect(cookie.attributes.get('path')).toBe('/');
      expect(cookie.attributes.has('domain')).toBe(false);
    });

    it('reads the session from the __Host- cookie only', async () => {
      const token = parseSetCookie(res.headers.get('set-cookie')).value;
      const me = await rawRequest(h, `${origin}/api/me`, { headers: { ...headers, cookie: `__Host-atensi_session=${token}` } });
      expect((await expectJson(me)).email).toBe(a.email);
      // Without the prefix a sibling subdomain or plain-HTTP page could have planted the cookie.
      await expectError(await rawRequest(h, `${origin}/api/me`, { headers: { ...headers, cookie: `atensi_session=${token}` } }), 401);
      await expectError(await h.anonymous().request('GET', '/api/me', undefined, { cookie: `__Host-atensi_session=${token}` }), 401);
    });

    it('signing out clears the __Host- cookie', async () => {
      const token = parseSetCookie(res.headers.get('set-cookie')).value;
      const out = await rawRequest(h, `${origin}/api/auth/logout`, { method: 'POST', headers: { ...headers, cookie: `__Host-atensi_session=${token}` } });
      await expectJson(out);
      const cleared = parseSetCookie(out.headers.get('set-cookie'));
      expect(cleared.name).toBe('__Host-atensi_session');
      expect(cleared.value).toBe('');
      expect(cleared.attributes.get('max-age')).toBe('0');
      expect(cleared.attributes.get('secure')).toBe(true);
    });
  });

  describe('failed sign-in', () => {
    it('a wrong password and an unknown email get the same 401 and message', async () => {
      const wrong = await expectError(await login(h.anonymous(), EMAIL.familyA2, 'not-the-password-1'), 401);
      const unknown = await expectError(await login(h.anonymous(), 'nobody.here@demo.atensi.id', 'not-the-password-1'), 401);
      expect(wrong.message).toBe(unknown.message);
      expect(wrong.message).toBe('email or password is wrong');
    });

    it('records auth.login_failed with a reason, never the email or password tried', async () => {
      const user = await h.db.prisma.user.findUniqueOrThrow({ where: { email: EMAIL.familyA2 } });
      const rows = await auditRows(h, 'auth.login_failed');
      const wrong = rows.find((r) => r.actorId === user.id);
      expect(JSON.parse(wrong!.details!)).toEqual({ reason: 'wrong_password' });
      const unknown = rows.find((r) => r.actorId === null);
      expect(JSON.parse(unknown!.details!)).toEqual({ reason: 'unknown_account' });
      for (const r of rows) expect(JSON.stringify(r)).not.toMatch(/nobody\.here|not-the-password|bambang/);
    });
  });

  describe('/api/me', () => {
    let c: Client;
    let a: Awaited<ReturnType<typeof cheapAccount>>;
    beforeAll(async () => {
      a = await cheapAccount(h, { email: newEmail('me') });
      const res = await login(h.anonymous(), a.email, a.password);
      c = withToken(h, parseSetCookie(res.headers.get('set-cookie')).value);
    });

    it('answers 401 without a session', async () => {
      await expectError(await h.anonymous().get('/api/me'), 401);
    });

    it('PATCH changes the locale, which persists', async () => {
      expect((await expectJson(await c.patch('/api/me', { locale: 'en' }))).locale).toBe('en');
      expect((await expectJson(await c.get('/api/me'))).locale).toBe('en');
      expect((await h.db.prisma.user.findUniqueOrThrow({ where: { id: a.id } })).locale).toBe('en');
      const [row] = await h.db.prisma.auditLog.findMany({ where: { action: 'user.update_self', actorId: a.id } });
      expect(JSON.parse(row!.details!)).toEqual({ fields: ['locale'] });
    });

    it('PATCH rejects an unknown locale and any attempt to change role or centre', async () => {
      await expectInvalidPatch(c, { locale: 'fr' }, ['locale']);
      await expectInvalidPatch(c, { role: 'admin' }, []);
      await expectInvalidPatch(c, { centreId: 'cmzzzzzzzzzzzzzzzz' }, []);
      const u = await h.db.prisma.user.findUniqueOrThrow({ where: { id: a.id } });
      expect(u.role).toBe('family');
      expect(u.centreId).toBeNull();
    });

    it('PATCH without a session answers 401', async () => {
      await expectError(await h.anonymous().patch('/api/me', { locale: 'en' }), 401);
    });
  });

  describe('ending sessions', () => {
    it('signing out ends the session on the server and clears the cookie', async () => {
      const a = await cheapAccount(h, { email: newEmail('logout') });
      const token = parseSetCookie((await login(h.anonymous(), a.email, a.password)).headers.get('set-cookie')).value;
      const c = withToken(h, token);
      await expectJson(await c.get('/api/me'));
      const out = await c.post('/api/auth/logout');
      expect(await expectJson(out)).toEqual({ ok: true });
      const cleared = parseSetCookie(out.headers.get('set-cookie'));
      expect(cleared).toMatchObject({ name: 'atensi_session', value: '' });
      expect(cleared.attributes.get('max-age')).toBe('0');
      // The old cookie is useless even if the browser kept it.
      await expectError(await c.get('/api/me'), 401);
      expect(await h.db.prisma.session.count({ where: { userId: a.id } })).toBe(0);
      expect(await h.db.prisma.auditLog.count({ where: { action: 'auth.logout', actorId: a.id } })).toBe(1);
    });

    it('signing out without a session is harmless', async () => {
      expect(await expectJson(await h.anonymous().post('/api/auth/logout'))).toEqual({ ok: true });
    });

    it('a tampered or garbage cookie means signed out (401), never a server error', async () => {
      const a = await cheapAccount(h, { email: newEmail('tamper') });
      const token = parseSetCookie((await login(h.anonymous(), a.email, a.password)).headers.get('set-cookie')).value;
      const flipped = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
      const values = [flipped, 'garbage', '', 'x'.repeat(5000), '%E0%A4%A', '"quoted"', `${token}x`, token.toUpperCase(), "' OR 1=1 --"];
      for (const v of values) {
        const c = h.anonymous();
        c.cookie = `atensi_session=${v}`;
        await expectError(await c.get('/api/me'), 401);
      }
      // The real token still works: only the tampered copies were refused.
      await expectJson(await withToken(h, token).get('/api/me'));
    });

    it('disabling an account ends its sessions and blocks sign-in; enabling lets it back in', async () => {
      const a = await cheapAccount(h, { email: newEmail('disable'), role: 'technician', centreId: (await h.db.prisma.centre.findFirstOrThrow()).id });
      const token = parseSetCookie((await login(h.anonymous(), a.email, a.password)).headers.get('set-cookie')).value;
      await expectJson(await withToken(h, token).get('/api/me'));

      const disabled = await expectJson(await admin.patch(`/api/users/${a.id}`, { disabled: true }));
      expect(disabled.disabled).toBe(true);
      await expectError(await withToken(h, token).get('/api/me'), 401);
      expect(await h.db.prisma.session.count({ where: { userId: a.id } })).toBe(0);
      expect(await h.db.prisma.auditLog.count({ where: { action: 'user.disable', entityId: a.id } })).toBe(1);

      const refused = await expectError(await login(h.anonymous(), a.email, a.password), 401);
      expect(refused.message).toBe('email or password is wrong');
      const failed = await h.db.prisma.auditLog.findMany({ where: { action: 'auth.login_failed', actorId: a.id } });
      expect(failed.map((r) => JSON.parse(r.details!).reason)).toEqual(['disabled']);

      await expectJson(await admin.patch(`/api/users/${a.id}`, { disabled: false }));
      await expectJson(await login(h.anonymous(), a.email, a.password));
    });
  });

  describe('stored passwords', () => {
    it('every demo account\'s hash is scrypt with N ≥ 2^17, r ≥ 8, a 16-byte salt and a 32-byte key, salts unique', async () => {
      const demoEmails = h.creds.users.map((u) => u.email);
      const users = await h.db.prisma.user.findMany({ where: { email: { in: demoEmails } } });
      expect(users).toHaveLength(demoEmails.length);
      const salts = new Set<string>();
      for (const u of users) {
        const parts = u.passwordHash.split('$');
        expect(parts, u.email).toHaveLength(6);
        const [scheme, N, r, p, salt, key] = parts as [string, string, string, string, string, string];
        expect(scheme).toBe('scrypt');
        expect(Number(N)).toBeGreaterThanOrEqual(2 ** 17);
        expect(Number(r)).toBeGreaterThanOrEqual(8);
        expect(Number(p)).toBeGreaterThanOrEqual(1);
        expect(Buffer.from(salt, 'base64url').length).toBeGreaterThanOrEqual(16);
        expect(Buffer.from(key, 'base64url').length).toBeGreaterThanOrEqual(32);
        expect(u.passwordHash).not.toContain(passwordOf(h, u.email));
        salts.add(salt);
      }
      expect(salts.size).toBe(users.length);
    });
  });
});

async function expectInvalidPatch(c: Client, body: unknown, path: string[]) {
  const error = await expectError(await c.patch('/api/me', body), 422);
  expect(error.issues!.map((i) => i.path)).toContainEqual(path);
}

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
