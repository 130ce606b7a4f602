// Sign-in, sessions and sign-out: the cookie, server-side session storage, disabling an account and stored passwords.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cheapAccount, expectError, expectJson, parseSetCookie, rawRequest } from '../helpers/api.ts';
import { type Client, createHarness, type Harness } from '../helpers/harness.ts';
import { login, newEmail, withToken } from '../helpers/sign-in.ts';
import { EMAIL } from '../helpers/world.ts';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const passwordOf = (h: Harness, email: string) => h.creds.users.find((u) => u.email === email)!.password;
const auditRows = (h: Harness, action: string, requestId?: string | null) =>
  h.db.prisma.auditLog.findMany({ where: { action, ...(requestId ? { requestId } : {}) } });

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
        const parts = (u.passwordHash ?? '').split('$');
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
