// A person's own sessions and password: the session list (device, last seen, this device), ending
// one, signing out everywhere, changing the password (strength check, ends the other sessions), and
// an admin disabling or resetting an account ending all of its sessions. Every write is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIN_PASSWORD_SCORE } from '../../schemas/password.ts';
import { passwordStrength } from '../../schemas/password-strength.ts';
import { cheapAccount, expectError, expectInvalid, expectJson } from '../helpers/api.ts';
import { unique } from '../helpers/fixtures.ts';
import { type Client, createHarness, type Harness } from '../helpers/harness.ts';
import { EMAIL } from '../helpers/world.ts';

const ANDROID_PHONE = 'Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36';
const WINDOWS_FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0';
const STRONG = 'sapu lidi kuning menyapu halaman sekolah';

let h: Harness;
let admin: Client;
beforeAll(async () => {
  h = await createHarness();
  admin = await h.as(EMAIL.admin);
});
afterAll(() => h.close());

/** A fresh account and a signed-in client for it, sending this User-Agent. */
async function signedIn(account: { email: string; password: string }, userAgent?: string): Promise<Client> {
  const res = await h.anonymous().post('/api/auth/login', { email: account.email, password: account.password });
  expect(res.status).toBe(200);
  const c = h.anonymous();
  c.cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  if (userAgent) {
    const plain = c.request.bind(c);
    c.request = (method, url, body, headers = {}) => plain(method, url, body, { 'user-agent': userAgent, ...headers });
  }
  return c;
}
const newAccount = (role = 'family') => cheapAccount(h, { email: `account.${unique()}@test.atensi.id`, role, name: 'Wulan Sari' });
const audits = (action: string, entityId: string) => h.db.prisma.auditLog.findMany({ where: { action, entityId } });
const signedOut = async (c: Client) => expect((await c.get('/api/me')).status).toBe(401);

describe('the session list', () => {
  it('lists only the person\'s own sessions, names each device in plain words and marks this device', async () => {
    const a = await newAccount();
    const phone = await signedIn(a, ANDROID_PHONE);
    const laptop = await signedIn(a, WINDOWS_FIREFOX);
    await expectJson(await laptop.get('/api/me'));
    await signedIn(await newAccount()); // someone else's session
    const list = await expectJson(await phone.get('/api/me/sessions'));
    expect(list.items).toHaveLength(2);
    const mine = list.items.find((s: { current: boolean }) => s.current);
    expect(mine.device).toEqual({ kind: 'phone', browser: 'Chrome', os: 'Android' });
    expect(list.items.find((s: { current: boolean }) => !s.current).device).toEqual({ kind: 'computer', browser: 'Firefox', os: 'Windows' });
    expect(Date.parse(mine.lastSeenAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(JSON.stringify(list)).not.toMatch(/tokenHash|Mozilla/);
  });

  it('ends one of the person\'s other sessions (audited); another person\'s session id is 404 and stays', async () => {
    const a = await newAccount();
    const here = await signedIn(a);
    const there = await signedIn(a);
    const other = await signedIn(await newAccount());
    const otherId = (await expectJson(await other.get('/api/me/sessions'))).items[0].id;
    await expectError(await here.delete(`/api/me/sessions/${otherId}`), 404);
    await expectJson(await other.get('/api/me'));

    const thereId = (await expectJson(await there.get('/api/me/sessions'))).items.find((s: { current: boolean }) => s.current).id;
    await expectJson(await here.delete(`/api/me/sessions/${thereId}`));
    await signedOut(there);
    await expectJson(await here.get('/api/me'));
    expect(await audits('session.end', thereId)).toHaveLength(1);
    await expectError(await here.delete(`/api/me/sessions/${thereId}`), 404);
  });

  it('signs out everywhere: every session of the account ends, this one included, and the cookie is cleared', async () => {
    const a = await newAccount();
    const here = await signedIn(a);
    const there = await signedIn(a);
    const bystander = await signedIn(await newAccount());
    const res = await here.post('/api/me/sessions/sign-out-everywhere');
    expect(res.headers.get('set-cookie')).toMatch(/atensi_session=;.*Max-Age=0/i);
    expect(await expectJson(res)).toEqual({ ok: true, endedSessions: 2 });
    await signedOut(here);
    await signedOut(there);
    await expectJson(await bystander.get('/api/me'));
    expect(await audits('auth.sign_out_everywhere', a.id)).toHaveLength(1);
  });
});

describe('changing the password', () => {
  it('refuses a weak new password with the reason, and a wrong current one', async () => {
    const a = await newAccount();
    const c = await signedIn(a);
    const common = await expectInvalid(await c.post('/api/me/password', { currentPassword: a.password, newPassword: 'password1234' }), ['newPassword']);
    expect(common[0]).toMatchObject({ code: 'password_common', message: expect.stringMatching(/common/) });
    const pattern = await expectInvalid(await c.post('/api/me/password', { currentPassword: a.password, newPassword: 'qwertyuiopasdf' }), ['newPassword']);
    expect(pattern[0]!.code).toMatch(/^password_(pattern|common)$/);
    const own = await expectInvalid(await c.post('/api/me/password', { currentPassword: a.password, newPassword: 'wulansari1234' }), ['newPassword']);
    expect(own[0]!.code).toBe('password_common');
    await expectInvalid(await c.post('/api/me/password', { currentPassword: 'salah-sekali-ini', newPassword: STRONG }), ['currentPassword']);
    expect(await audits('user.password_change', a.id)).toHaveLength(0);
  });

  it('accepts a strong one, ends the other sessions, keeps this one, and the new password signs in', async () => {
    const a = await newAccount();
    const here = await signedIn(a);
    const there = await signedIn(a);
    const third = await signedIn(a);
    expect(await expectJson(await here.post('/api/me/password', { currentPassword: a.password, newPassword: STRONG }))).toEqual({ ok: true, endedSessions: 2 });
    await expectJson(await here.get('/api/me'));
    await signedOut(there);
    await signedOut(third);
    expect((await h.anonymous().post('/api/auth/login', { email: a.email, password: a.password })).status).toBe(401);
    await signedIn({ email: a.email, password: STRONG });
    const [row] = await audits('user.password_change', a.id);
    expect(JSON.parse(row!.details!)).toEqual({ endedSessions: 2 });
    expect(JSON.stringify(row)).not.toContain(STRONG);
  });

  it('pauses after five wrong current passwords (429 with Retry-After)', async () => {
    const a = await newAccount();
    const c = await signedIn(a);
    for (let i = 0; i < 5; i++) await expectError(await c.post('/api/me/password', { currentPassword: `salah-${i}`, newPassword: STRONG }), 422);
    const res = await c.post('/api/me/password', { currentPassword: a.password, newPassword: STRONG });
    await expectError(res, 429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('uses one minimum score, shared with the web', () => {
    expect(MIN_PASSWORD_SCORE).toBe(3);
    expect(passwordStrength(STRONG).ok).toBe(true);
    expect(passwordStrength('password1234')).toMatchObject({ ok: false, weakness: 'common' });
    expect(passwordStrength('short')).toMatchObject({ ok: false, weakness: 'too_short' });
  });
});

describe('an admin ending someone\'s sessions', () => {
  it('disabling an account ends all of its sessions at once (audited with the count)', async () => {
    const a = await newAccount();
    const one = await signedIn(a);
    const two = await signedIn(a);
    await expectJson(await admin.patch(`/api/users/${a.id}`, { disabled: true }));
    await signedOut(one);
    await signedOut(two);
    expect(await h.db.prisma.session.count({ where: { userId: a.id } })).toBe(0);
    expect(JSON.parse((await audits('user.disable', a.id))[0]!.details!)).toMatchObject({ endedSessions: 2 });
  });

  it('no one types or receives a password for someone else: create and change refuse one, and there is no reset', async () => {
    const centreId = (await h.db.prisma.centre.findFirstOrThrow()).id;
    const body = { email: `typed.${unique()}@test.atensi.id`, name: 'Budi Santoso', role: 'technician', centreId };
    expect((await admin.post('/api/users', { ...body, password: STRONG })).status).toBe(422);
    const a = await newAccount('technician');
    expect((await admin.patch(`/api/users/${a.id}`, { password: STRONG })).status).toBe(422);
    expect((await admin.post(`/api/users/${a.id}/reset-password`)).status).toBe(404);
    // The account is made without a password and answers with a one-time invitation path instead.
    const created = await expectJson(await admin.post('/api/users', body), 201);
    expect(created.invitation.path).toMatch(/^\/invite\/[A-Za-z0-9_-]{20,}$/);
    expect(JSON.stringify(created)).not.toMatch(/password/i);
    expect((await h.db.prisma.user.findUniqueOrThrow({ where: { email: body.email } })).passwordHash).toBeNull();
  });
});
