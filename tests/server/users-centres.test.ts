// Centres and user accounts, managed by admins: validation, uniqueness, signing in with a new
// account, family links that open and close a family's access, and managers' view of their staff.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cheapAccount, expectError, expectInvalid, expectJson, quickSession } from '../helpers/api.ts';
import { centreBody, unique, userBody } from '../helpers/fixtures.ts';
import { type Client, createHarness, type Harness } from '../helpers/harness.ts';
import { EMAIL, loadWorld, type World } from '../helpers/world.ts';

let h: Harness;
let world: World;
let admin: Client;
let manager: Client;

beforeAll(async () => {
  h = await createHarness();
  world = await loadWorld(h);
  admin = await h.as(EMAIL.admin);
  manager = await quickSession(h, EMAIL.managerA);
});
afterAll(() => h.close());

const auditOf = (res: Response) => h.db.prisma.auditLog.findMany({ where: { requestId: res.headers.get('x-request-id') } });
const signIn = async (email: string, password: string) => {
  const res = await h.anonymous().post('/api/auth/login', { email, password });
  const body = await expectJson(res.clone());
  const c = h.anonymous();
  c.cookie = res.headers.get('set-cookie')!.split(';')[0];
  return { me: body, client: c };
};

describe('centres', () => {
  it('an admin adds a centre, which then appears in the list, with an audit row', async () => {
    const body = centreBody();
    const res = await admin.post('/api/centres', body);
    const centre = await expectJson(res.clone(), 201);
    expect(centre).toEqual({ id: expect.any(String), ...body });
    const list = await expectJson(await admin.get('/api/centres'));
    expect(list.items).toContainEqual(centre);
    expect((await auditOf(res))[0]).toMatchObject({ action: 'centre.create', actorId: world.user.admin, entityType: 'Centre', entityId: centre.id });
  });

  it('the code is trimmed, and a code already used is 409', async () => {
    const code = `T-${unique().toUpperCase()}`;
    expect((await expectJson(await admin.post('/api/centres', centreBody({ code: `  ${code} ` })), 201)).code).toBe(code);
    await expectError(await admin.post('/api/centres', centreBody({ code })), 409);
    await expectError(await admin.post('/api/centres', centreBody({ code: 'BK-PANGUDI-LUHUR' })), 409);
    expect(await h.db.prisma.centre.count({ where: { code } })).toBe(1);
  });

  it.each(['bk-lowercase', 'A', 'HAS SPACE', 'X'.repeat(41), 'ÄBC', 'A_B', ''])('code "%s" is 422', async (code) => {
    const before = await h.db.prisma.centre.count();
    await expectInvalid(await admin.post('/api/centres', centreBody({ code })), ['code']);
    expect(await h.db.prisma.centre.count()).toBe(before);
  });

  it('a missing name or an unknown field is 422', async () => {
    await expectInvalid(await admin.post('/api/centres', centreBody({ name: undefined })), ['name']);
    await expectError(await admin.post('/api/centres', centreBody({ director: 'Pak Budi' })), 422);
  });

  it('PATCH changes a centre; taking another centre\'s code is 409; an unknown id is 404', async () => {
    const centre = await expectJson(await admin.post('/api/centres', centreBody()), 201);
    const changed = await expectJson(await admin.patch(`/api/centres/${centre.id}`, { name: 'Balai Baru', city: 'Solo' }));
    expect(changed).toMatchObject({ id: centre.id, code: centre.code, name: 'Balai Baru', city: 'Solo' });
    await expectError(await admin.patch(`/api/centres/${centre.id}`, { code: 'BBD-KARTINI' }), 409);
    expect((await h.db.prisma.centre.findUniqueOrThrow({ where: { id: centre.id } })).code).toBe(centre.code);
    await expectError(await admin.patch('/api/centres/nosuchcentre12', { name: 'x' }), 404);
    await expectError(await admin.patch(`/api/centres/${centre.id}`, { code: 'bad code' }), 422);
  });
});

describe('loading the programme\'s centre list', () => {
  it('adds the missing centres, restores changed ones by code, and changes nothing the second time; audited', async () => {
    const kartini = await h.db.prisma.centre.findUniqueOrThrow({ where: { code: 'BBD-KARTINI' } });
    await h.db.prisma.centre.update({ where: { id: kartini.id }, data: { city: 'Kota Lain' } });
    // A centre re-coded locally: the programme's code is then missing and is added.
    await h.db.prisma.centre.update({ where: { code: 'B-WYATA-GUNA' }, data: { code: 'B-WYATA-GUNA-LOKAL' } });
    const before = await h.db.prisma.centre.count();
    const res = await admin.post('/api/centres/load-programme');
    const first = await expectJson(res.clone());
    expect(first).toMatchObject({ created: 1, updated: 1 });
    expect(first.created + first.updated + first.unchanged).toBe(14);
    expect(await h.db.prisma.centre.count()).toBe(before + 1);
    expect((await h.db.prisma.centre.findUniqueOrThrow({ where: { id: kartini.id } })).city).toBe('Temanggung');
    expect((await auditOf(res))[0]).toMatchObject({ action: 'centre.load_programme', actorId: world.user.admin });
    const second = await expectJson(await admin.post('/api/centres/load-programme'));
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 14 });
    expect(await h.db.prisma.centre.count()).toBe(before + 1);
    await expectError(await manager.post('/api/centres/load-programme'), 403);
  });
});

describe('user accounts', () => {
  const created: Record<string, { id: string; email: string; path: string }> = {};

  it('an admin creates an account of each role, with the right centre, an invitation link and no password', async () => {
    const plan: [string, string | null][] = [
      ['manager', world.centreA],
      ['therapist', world.centreA],
      ['technician', world.centreB],
      ['family', world.centreA],
      ['admin', null],
    ];
    const results = await Promise.all(
      plan.map(async ([role, centreId]) => {
        const body = userBody(role, centreId);
        const res = await admin.post('/api/users', body);
        return { role, centreId, body, res, answer: await expectJson(res.clone(), 201) };
      }),
    );
    for (const { role, centreId, body, res, answer } of results) {
      const { user, invitation } = answer;
      expect(user).toMatchObject({ email: body.email, role, centreId, locale: 'id', disabled: false, lastLoginAt: null, familyLinks: [] });
      expect(invitation.path).toMatch(/^\/invite\/[A-Za-z0-9_-]{43}$/);
      expect(JSON.stringify(answer)).not.toMatch(/password|scrypt/i);
      expect((await h.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBeNull();
      expect((await auditOf(res))[0]).toMatchObject({ action: 'user.create', actorId: world.user.admin, entityId: user.id });
      created[role] = { id: user.id, email: body.email, path: invitation.path };
    }
  });

  it('a password in the body is refused: no one sets a password for someone else', async () => {
    await expectError(await admin.post('/api/users', userBody('therapist', world.centreA, { password: 'panjang-sekali-kata-sandi' })), 422);
    await expectError(await admin.post(`/api/users/${created.therapist!.id}/reset-password`), 404);
  });

  it('the new therapist accepts the invitation and works in their centre', async () => {
    const token = created.therapist!.path.split('/').pop();
    const res = await h.anonymous().post(`/api/invitations/${token}/accept`, { password: 'kuda lumping menari di pasar malam' });
    expect(await expectJson(res.clone())).toMatchObject({ role: 'therapist', centre: { id: world.centreA } });
    const { client } = await signIn(created.therapist!.email, 'kuda lumping menari di pasar malam');
    const list = await expectJson(await client.get('/api/beneficiaries?limit=200'));
    expect(list.items.map((b: { id: string }) => b.id).sort()).toEqual([...world.beneficiariesA].sort());
  });

  it.each(['manager', 'therapist', 'technician'])('a %s without a centre is 422', async (role) => {
    await expectInvalid(await admin.post('/api/users', userBody(role, null)), ['centreId']);
  });

  it('an admin with a centre is 422', async () => {
    await expectInvalid(await admin.post('/api/users', userBody('admin', world.centreA)), ['centreId']);
  });

  it('an email already used, in any letter case, is 409', async () => {
    const before = await h.db.prisma.user.count();
    await expectError(await admin.post('/api/users', userBody('therapist', world.centreA, { email: EMAIL.therapistA.toUpperCase() })), 409);
    expect(await h.db.prisma.user.count()).toBe(before);
  });

  it.each([
    ['an email that is not one', { email: 'not-an-email' }, ['email']],
    ['an unknown role', { role: 'superadmin' }, ['role']],
    ['an unknown locale', { locale: 'fr' }, ['locale']],
    ['a centre that does not exist', { centreId: 'nosuchcentre12' }, ['centreId']],
    ['a family link on a staff account', { familyLink: { beneficiaryId: 'nosuchbeneficiary', relationship: 'parent' } }, ['familyLink']],
  ])('%s is 422', async (_name, overrides, path) => {
    const before = await h.db.prisma.user.count();
    await expectInvalid(await admin.post('/api/users', userBody('therapist', world.centreA, overrides)), path);
    expect(await h.db.prisma.user.count()).toBe(before);
  });

  it('PATCH changes name, locale and phone, but not role, email or password', async () => {
    const id = created.technician!.id;
    const user = await expectJson(await admin.patch(`/api/users/${id}`, { name: 'Teknisi Baru', locale: 'en', phone: '+62 811 1234 5678' }));
    expect(user).toMatchObject({ name: 'Teknisi Baru', locale: 'en', phone: '+62 811 1234 5678', role: 'technician' });
    await expectError(await admin.patch(`/api/users/${id}`, { role: 'admin' }), 422);
    await expectError(await admin.patch(`/api/users/${id}`, { email: 'x@test.atensi.id' }), 422);
    await expectError(await admin.patch(`/api/users/${id}`, { password: 'a-brand-new-passphrase' }), 422);
    const row = await h.db.prisma.user.findUniqueOrThrow({ where: { id } });
    expect(row.role).toBe('technician');
    expect(row.passwordHash).toBeNull();
    await expectError(await admin.patch('/api/users/nosuchuser1234', { name: 'x' }), 404);
  });

  it('an admin cannot disable their own account', async () => {
    await expectError(await admin.patch(`/api/users/${world.user.admin}`, { disabled: true }), 409);
    expect((await h.db.prisma.user.findUniqueOrThrow({ where: { id: world.user.admin } })).disabled).toBe(false);
  });
});

describe('family links', () => {
  let fam: Awaited<ReturnType<typeof cheapAccount>>;
  let famClient: Client;
  let galang: string;
  let bagusB: string;

  beforeAll(async () => {
    fam = await cheapAccount(h, { email: `family.${unique()}@test.atensi.id` });
    famClient = (await signIn(fam.email, fam.password)).client;
    galang = (await h.db.prisma.beneficiary.findFirstOrThrow({ where: { fullName: 'Galang Ramadhan' } })).id;
    bagusB = world.beneficiaryOf.familyB1;
  });

  it('before any link, a family sees no beneficiary and no centre', async () => {
    expect(await expectJson(await famClient.get('/api/beneficiaries'))).toEqual({ items: [], total: 0 });
    await expectError(await famClient.get(`/api/beneficiaries/${galang}`), 404);
    expect((await expectJson(await famClient.get('/api/centres'))).items).toEqual([]);
  });

  it('an admin links the family to a beneficiary, who they can then see at once', async () => {
    const res = await admin.post(`/api/users/${fam.id}/family-links`, { beneficiaryId: galang, relationship: 'parent' });
    const user = await expectJson(res.clone(), 201);
    expect(user.familyLinks).toEqual([{ beneficiaryId: galang, beneficiaryName: 'Galang Ramadhan', relationship: 'parent' }]);
    expect((await auditOf(res))[0]).toMatchObject({ action: 'family_link.create', entityType: 'Beneficiary', entityId: galang, centreId: world.centreA });

    const list = await expectJson(await famClient.get('/api/beneficiaries'));
    expect(list.items.map((b: { id: string }) => b.id)).toEqual([galang]);
    expect((await expectJson(await famClient.get(`/api/beneficiaries/${galang}`))).fullName).toBe('Galang Ramadhan');
    expect((await expectJson(await famClient.get('/api/me'))).beneficiaryIds).toEqual([galang]);
    expect((await expectJson(await famClient.get('/api/centres'))).items.map((c: { id: string }) => c.id)).toEqual([world.centreA]);
  });

  it('linking the same pair again is 409', async () => {
    await expectError(await admin.post(`/api/users/${fam.id}/family-links`, { beneficiaryId: galang, relationship: 'guardian' }), 409);
    expect(await h.db.prisma.familyLink.count({ where: { userId: fam.id } })).toBe(1);
  });

  it('linking a staff account is 409; an unknown beneficiary 422; an unknown user 404; a bad relationship 422', async () => {
    await expectError(await admin.post(`/api/users/${world.user.therapistA2}/family-links`, { beneficiaryId: galang, relationship: 'parent' }), 409);
    await expectInvalid(await admin.post(`/api/users/${fam.id}/family-links`, { beneficiaryId: 'nosuchbeneficiary', relationship: 'parent' }), ['beneficiaryId']);
    await expectError(await admin.post('/api/users/nosuchuser1234/family-links', { beneficiaryId: galang, relationship: 'parent' }), 404);
    await expectInvalid(await admin.post(`/api/users/${fam.id}/family-links`, { beneficiaryId: bagusB, relationship: 'neighbour' }), ['relationship']);
    expect(await h.db.prisma.familyLink.count({ where: { userId: world.user.therapistA2 } })).toBe(0);
  });

  it('a second link, even in another centre, adds to what the family sees', async () => {
    await expectJson(await admin.post(`/api/users/${fam.id}/family-links`, { beneficiaryId: bagusB, relationship: 'guardian' }), 201);
    const list = await expectJson(await famClient.get('/api/beneficiaries'));
    expect(list.items.map((b: { id: string }) => b.id).sort()).toEqual([galang, bagusB].sort());
  });

  it('unlinking removes access at once; unlinking again is 404', async () => {
    const res = await admin.delete(`/api/users/${fam.id}/family-links/${galang}`);
    expect(await expectJson(res.clone())).toEqual({ ok: true });
    expect((await auditOf(res))[0]).toMatchObject({ action: 'family_link.delete', entityId: galang, centreId: world.centreA });
    await expectError(await famClient.get(`/api/beneficiaries/${galang}`), 404);
    const list = await expectJson(await famClient.get('/api/beneficiaries'));
    expect(list.items.map((b: { id: string }) => b.id)).toEqual([bagusB]);
    await expectError(await admin.delete(`/api/users/${fam.id}/family-links/${galang}`), 404);
  });
});

describe('a manager sees their own centre\'s staff and families only', () => {
  it('the list holds centre A\'s staff, including new ones, and nobody else', async () => {
    // Created directly: this is about scope, not creation (which costs a password hash).
    const newA = await cheapAccount(h, { email: `tech.a.${unique()}@test.atensi.id`, role: 'technician', centreId: world.centreA });
    const newB = await cheapAccount(h, { email: `tech.b.${unique()}@test.atensi.id`, role: 'technician', centreId: world.centreB });
    const list = await expectJson(await manager.get('/api/users'));
    const ids = list.items.map((u: { id: string }) => u.id);
    expect(ids).toContain(newA.id);
    expect(ids).not.toContain(newB.id);
    expect(ids).toContain(world.user.familyA1);
    for (const u of list.items) {
      expect(u.centreId).toBe(world.centreA);
      expect(['manager', 'therapist', 'technician', 'family']).toContain(u.role);
    }
    expect(JSON.stringify(list)).not.toMatch(/passwordHash|scrypt/);
  });

  it('filters stay inside the scope', async () => {
    const therapists = await expectJson(await manager.get('/api/users?role=therapist'));
    expect(therapists.items.length).toBeGreaterThanOrEqual(2);
    expect(therapists.items.every((u: { role: string; centreId: string }) => u.role === 'therapist' && u.centreId === world.centreA)).toBe(true);
    expect((await expectJson(await manager.get(`/api/users?centreId=${world.centreB}`))).items).toEqual([]);
    expect((await expectJson(await manager.get('/api/users?role=admin'))).items).toEqual([]);
  });

  it('one of their staff or families is readable; another centre\'s staff or family, or an admin, is 404', async () => {
    expect((await expectJson(await manager.get(`/api/users/${world.user.therapistA}`))).email).toBe(EMAIL.therapistA);
    expect((await expectJson(await manager.get(`/api/users/${world.user.familyA1}`))).role).toBe('family');
    await expectError(await manager.get(`/api/users/${world.user.therapistB}`), 404);
    await expectError(await manager.get(`/api/users/${world.user.familyB1}`), 404);
    await expectError(await manager.get(`/api/users/${world.user.admin}`), 404);
  });
});
