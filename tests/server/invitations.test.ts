// Accounts by invitation: a one-time link (only its hash stored) that expires, works once, is
// replaced by a new one and withdrawn by disabling; the public routes show only who is invited and
// are rate-limited per address; no password ever appears in an answer or a log line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.ts';
import { createLogger } from '../../core/log/logger.ts';
import { INVITATION_VALID_DAYS } from '../../schemas/invitations.ts';
import { hashToken } from '../../server/src/sessions/sessions.service.ts';
import { expectError, expectJson, parseSetCookie, quickSession } from '../helpers/api.ts';
import { userBody } from '../helpers/fixtures.ts';
import { type Client, createHarness, type Harness } from '../helpers/harness.ts';
import { login, withToken } from '../helpers/sign-in.ts';
import { EMAIL, loadWorld, type World } from '../helpers/world.ts';

const start = new Date();
const clock = fixedClock(start);
const logLines: string[] = [];
const PASSWORD = 'kuda lumping menari di pasar malam';
let h: Harness;
let world: World;
let admin: Client;
let manager: Client;

beforeAll(async () => {
  h = await createHarness({ clock, env: { LOGIN_MAX_ATTEMPTS: '2' }, log: createLogger('debug', (line) => logLines.push(line)) });
  world = await loadWorld(h);
  admin = await quickSession(h, EMAIL.admin);
  manager = await quickSession(h, EMAIL.managerA);
});
afterAll(() => h.close());

const tokenOf = (path: string) => path.split('/').pop()!;
/** A request from one socket address, as @hono/node-server passes it. */
const from = (ip: string, method: 'GET' | 'POST', url: string, body?: unknown) =>
  h.app.request(
    `http://localhost${url}`,
    { method, headers: { origin: 'http://localhost', 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) },
    { incoming: { socket: { remoteAddress: ip } } } as never,
  );
let ipSeq = 0;
const freshIp = () => `10.9.${Math.floor(++ipSeq / 250)}.${ipSeq % 250}`;

async function invite(by: Client, role: string, centreId: string | null, extra: Record<string, unknown> = {}) {
  const body = userBody(role, centreId, extra);
  const answer = await expectJson(await by.post('/api/users', body), 201);
  return { ...answer, email: body.email as string, token: tokenOf(answer.invitation.path) };
}

describe('an invitation link', () => {
  it('stores only the SHA-256 of its token, expires after the set days, and shows only name, role and centre', async () => {
    const inv = await invite(admin, 'therapist', world.centreA, { name: 'Terapis Baru' });
    expect(new Date(inv.invitation.expiresAt).getTime() - clock.now().getTime()).toBe(INVITATION_VALID_DAYS * 86_400_000);
    const row = await h.db.prisma.invitation.findFirstOrThrow({ where: { userId: inv.user.id } });
    expect(row.tokenHash).toBe(hashToken(inv.token));
    expect(JSON.stringify(row)).not.toContain(inv.token);
    const view = await expectJson(await from(freshIp(), 'GET', `/api/invitations/${inv.token}`));
    expect(view).toEqual({ name: 'Terapis Baru', role: 'therapist', centre: { name: expect.any(String) } });
  });

  it('an unknown token is 404; after expiry (mocked clock) it is 410 and cannot be accepted', async () => {
    await expectError(await from(freshIp(), 'GET', `/api/invitations/${'x'.repeat(43)}`), 404);
    const inv = await invite(admin, 'family', null);
    clock.advance(INVITATION_VALID_DAYS * 86_400_000 - 60_000);
    await expectJson(await from(freshIp(), 'GET', `/api/invitations/${inv.token}`));
    clock.advance(120_000);
    await expectError(await from(freshIp(), 'GET', `/api/invitations/${inv.token}`), 410);
    await expectError(await from(freshIp(), 'POST', `/api/invitations/${inv.token}/accept`, { password: PASSWORD }), 410);
    expect((await h.db.prisma.user.findUniqueOrThrow({ where: { id: inv.user.id } })).passwordHash).toBeNull();
    // Back to the present, where the other tests' sessions are still valid.
    clock.set(start);
  });

  it('accepting sets the person\'s own password (scrypt, N ≥ 2^17), signs them in, and works only once', async () => {
    const inv = await invite(admin, 'technician', world.centreB);
    const res = await from(freshIp(), 'POST', `/api/invitations/${inv.token}/accept`, { password: PASSWORD });
    expect(await expectJson(res.clone())).toMatchObject({ id: inv.user.id, role: 'technician' });
    const client = withToken(h, parseSetCookie(res.headers.get('set-cookie')).value);
    expect((await expectJson(await client.get('/api/me'))).email).toBe(inv.email);
    const [scheme, N] = (await h.db.prisma.user.findUniqueOrThrow({ where: { id: inv.user.id } })).passwordHash!.split('$');
    expect(scheme).toBe('scrypt');
    expect(Number(N)).toBeGreaterThanOrEqual(2 ** 17);
    await expectError(await from(freshIp(), 'POST', `/api/invitations/${inv.token}/accept`, { password: 'another long passphrase here' }), 410);
    await expectError(await from(freshIp(), 'GET', `/api/invitations/${inv.token}`), 410);
    await expectJson(await login(h.anonymous(), inv.email, PASSWORD));
    const audit = await h.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'invitation.accept', entityId: inv.user.id } });
    expect(audit.actorId).toBe(inv.user.id);
  });

  it('a weak or short password is 422 and leaves the invitation open', async () => {
    const inv = await invite(admin, 'family', null, { name: 'Siti Aminah' });
    await expectError(await from(freshIp(), 'POST', `/api/invitations/${inv.token}/accept`, { password: 'short' }), 422);
    await expectError(await from(freshIp(), 'POST', `/api/invitations/${inv.token}/accept`, { password: 'password1234' }), 422);
    await expectJson(await from(freshIp(), 'GET', `/api/invitations/${inv.token}`));
  });

  it('re-inviting revokes the older link (410), and a forgotten password is replaced with its sessions ended', async () => {
    const inv = await invite(admin, 'therapist', world.centreA);
    const first = await from(freshIp(), 'POST', `/api/invitations/${inv.token}/accept`, { password: PASSWORD });
    const oldSession = withToken(h, parseSetCookie(first.headers.get('set-cookie')).value);
    const again = await expectJson(await admin.post(`/api/users/${inv.user.id}/invitations`), 201);
    const again2 = await expectJson(await admin.post(`/api/users/${inv.user.id}/invitations`), 201);
    expect(again2.revoked).toBe(1);
    await expectError(await from(freshIp(), 'GET', `/api/invitations/${tokenOf(again.invitation.path)}`), 410);
    await expectJson(await from(freshIp(), 'POST', `/api/invitations/${tokenOf(again2.invitation.path)}/accept`, { password: 'a different long passphrase today' }));
    await expectError(await oldSession.get('/api/me'), 401);
    await expectError(await login(h.anonymous(), inv.email, PASSWORD), 401);
    await expectJson(await login(h.anonymous(), inv.email, 'a different long passphrase today'));
  });

  it('disabling an account revokes its open invitations and ends its sessions; re-inviting it is 409 until enabled', async () => {
    const inv = await invite(admin, 'family', null);
    const session = await quickSession(h, inv.email);
    const res = await admin.patch(`/api/users/${inv.user.id}`, { disabled: true });
    await expectJson(res.clone());
    await expectError(await from(freshIp(), 'GET', `/api/invitations/${inv.token}`), 410);
    await expectError(await session.get('/api/me'), 401);
    expect(await h.db.prisma.invitation.count({ where: { userId: inv.user.id, revokedAt: null } })).toBe(0);
    const audit = await h.db.prisma.auditLog.findFirstOrThrow({ where: { requestId: res.headers.get('x-request-id') } });
    expect(audit).toMatchObject({ action: 'user.disable', entityId: inv.user.id });
    expect(JSON.parse(audit.details!)).toMatchObject({ endedSessions: 1, revokedInvitations: 1 });
    await expectError(await admin.post(`/api/users/${inv.user.id}/invitations`), 409);
    await expectJson(await admin.patch(`/api/users/${inv.user.id}`, { disabled: false }));
    const fresh = await expectJson(await admin.post(`/api/users/${inv.user.id}/invitations`), 201);
    await expectJson(await from(freshIp(), 'GET', `/api/invitations/${tokenOf(fresh.invitation.path)}`));
  });
});

describe('managers invite into their own centre', () => {
  it('a therapist, technician or family of their centre, even without naming the centre', async () => {
    const fam = await invite(manager, 'family', null, { familyLink: { beneficiaryId: world.beneficiaryOf.familyA1, relationship: 'guardian' } });
    expect(fam.user).toMatchObject({ role: 'family', centreId: world.centreA, familyLinks: [{ beneficiaryId: world.beneficiaryOf.familyA1, relationship: 'guardian' }] });
    expect((await invite(manager, 'technician', world.centreA)).user.centreId).toBe(world.centreA);
  });

  it('not a manager or admin, not into another centre, not linked to another centre\'s beneficiary', async () => {
    const before = await h.db.prisma.user.count();
    await expectError(await manager.post('/api/users', userBody('manager', world.centreA)), 403);
    await expectError(await manager.post('/api/users', userBody('admin', null)), 403);
    await expectError(await manager.post('/api/users', userBody('therapist', world.centreB)), 403);
    const link = { familyLink: { beneficiaryId: world.beneficiaryOf.familyB1, relationship: 'parent' } };
    await expectError(await manager.post('/api/users', userBody('family', null, link)), 422);
    expect(await h.db.prisma.user.count()).toBe(before);
  });

  it('re-invites their own staff and families, but not another centre\'s (404) or another manager (404)', async () => {
    await expectJson(await manager.post(`/api/users/${world.user.therapistA2}/invitations`), 201);
    await expectJson(await manager.post(`/api/users/${world.user.familyA2}/invitations`), 201);
    await expectError(await manager.post(`/api/users/${world.user.therapistB}/invitations`), 404);
    const otherManager = await h.db.prisma.user.create({ data: { email: `mgr.${Date.now()}@test.atensi.id`, name: 'Kepala Lain', role: 'manager', centreId: world.centreA } });
    await expectError(await manager.post(`/api/users/${otherManager.id}/invitations`), 404);
    await expectError(await manager.patch(`/api/users/${otherManager.id}`, { disabled: true }), 404);
  });
});

describe('the public routes are rate-limited per address like sign-in (LOGIN_MAX_ATTEMPTS=2: 10 per address)', () => {
  it('unknown links count; the 11th try is 429 with Retry-After even for a valid link; other addresses go on', async () => {
    const inv = await invite(admin, 'family', null);
    const ip = '10.77.0.1';
    for (let i = 0; i < 10; i++) await expectError(await from(ip, 'GET', `/api/invitations/unknown-token-${i}`), 404);
    const res = await from(ip, 'GET', `/api/invitations/${inv.token}`);
    await expectError(res.clone(), 429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    await expectError(await from(ip, 'POST', `/api/invitations/${inv.token}/accept`, { password: PASSWORD }), 429);
    await expectJson(await from('10.77.0.2', 'GET', `/api/invitations/${inv.token}`));
  });

  it('valid links do not use up the address\'s tries', async () => {
    const inv = await invite(admin, 'family', null);
    for (let i = 0; i < 15; i++) await expectJson(await from('10.78.0.1', 'GET', `/api/invitations/${inv.token}`));
  });
});

describe('no password or token in any answer or log', () => {
  it('the log holds neither the chosen passwords nor the invitation tokens', async () => {
    const inv = await invite(admin, 'family', null);
    const answer = await (await from(freshIp(), 'POST', `/api/invitations/${inv.token}/accept`, { password: 'rahasia keluarga yang panjang sekali' })).text();
    expect(answer).not.toMatch(/rahasia|scrypt|passwordHash/);
    const all = logLines.join('\n');
    expect(logLines.length).toBeGreaterThan(0);
    expect(all).not.toContain(PASSWORD);
    expect(all).not.toContain('rahasia keluarga');
    expect(all).not.toContain(inv.token);
  });
});
