// Beneficiaries: registration with consent (a guardian's for children), changing one, and the audit trail of both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { birthDateForAge, expectError, expectInvalid, expectJson, isoDay } from '../helpers/api.ts';
import { adultBeneficiaryBody, childBeneficiaryBody, consentBody, cpProfileBody, guardianConsentBody, hydrocephalusProfileBody } from '../helpers/fixtures.ts';
import { healthConsentId, openBeneficiarySuite, registerAs } from '../helpers/beneficiary-suite.ts';
import type { Client, Harness } from '../helpers/harness.ts';
import type { World } from '../helpers/world.ts';

let h: Harness;
let world: World;
let therapist: Client;
let admin: Client;
let technician: Client;
let family: Client;

beforeAll(async () => {
  ({ h, world, therapist, admin, technician, family } = await openBeneficiarySuite());
});
afterAll(() => h.close());

const count = () => h.db.prisma.beneficiary.count();
const register = (body: Record<string, unknown> = adultBeneficiaryBody(), as: Client = therapist) => registerAs(as, body);
/** The audit rows written while answering this response. */
const auditOf = (res: Response) => h.db.prisma.auditLog.findMany({ where: { requestId: res.headers.get('x-request-id') } });

describe('registering a beneficiary', () => {
  it('a therapist registers an adult in their own centre, with the consent given', async () => {
    const body = adultBeneficiaryBody();
    const b = await register(body);
    expect(b).toMatchObject({ fullName: body.fullName, birthDate: body.birthDate, ageYears: 29, sex: 'female', centreId: world.centreA, diagnosis: 'cp' });
    expect(b.consents.map((k: { purpose: string }) => k.purpose).sort()).toEqual(['health_data', 'service']);
    expect(b.consents.every((k: { givenBy: string; withdrawnAt: unknown }) => k.givenBy === 'beneficiary' && k.withdrawnAt === null)).toBe(true);
    const row = await h.db.prisma.beneficiary.findUniqueOrThrow({ where: { id: b.id } });
    expect(row.createdById).toBe(world.user.therapistA);
  });

  it('a therapist may name their own centre, but naming another centre is 404 and creates nothing', async () => {
    expect((await register(adultBeneficiaryBody({ centreId: world.centreA }))).centreId).toBe(world.centreA);
    const before = await count();
    await expectError(await therapist.post('/api/beneficiaries', adultBeneficiaryBody({ centreId: world.centreB })), 404);
    expect(await count()).toBe(before);
  });

  it('an admin must name the centre (422 without it) and may pick any', async () => {
    await expectInvalid(await admin.post('/api/beneficiaries', adultBeneficiaryBody()), ['centreId']);
    expect((await register(adultBeneficiaryBody({ centreId: world.centreB }), admin)).centreId).toBe(world.centreB);
    await expectError(await admin.post('/api/beneficiaries', adultBeneficiaryBody({ centreId: 'nosuchcentre123' })), 422);
  });

  it('a child\'s consent given by the child is refused (422) and nothing is stored', async () => {
    const before = await count();
    const res = await therapist.post('/api/beneficiaries', childBeneficiaryBody({ consent: consentBody({ givenBy: 'beneficiary' }) }));
    await expectInvalid(res, ['consent', 'givenBy']);
    expect(await count()).toBe(before);
  });

  it('a child registered with a named guardian\'s consent is accepted', async () => {
    const b = await register(childBeneficiaryBody());
    expect(b.ageYears).toBe(8);
    expect(b.consents.every((k: { givenBy: string; guardianName: string }) => k.givenBy === 'guardian' && k.guardianName === 'Dewi Kartika')).toBe(true);
  });

  it('the age line is 18: at 17 a guardian must consent, at 18 the person themself may', async () => {
    await expectInvalid(await therapist.post('/api/beneficiaries', adultBeneficiaryBody({ birthDate: birthDateForAge(17) })), ['consent', 'givenBy']);
    expect((await register(adultBeneficiaryBody({ birthDate: birthDateForAge(18) }))).ageYears).toBe(18);
  });

  it('a guardian\'s consent must name the guardian', async () => {
    await expectInvalid(await therapist.post('/api/beneficiaries', childBeneficiaryBody({ consent: consentBody({ givenBy: 'guardian' }) })), [
      'consent',
      'guardianName',
    ]);
  });

  it('a child\'s guardian says how they are related: required, one of the listed values, kept and shown on the record', async () => {
    const noRelation = childBeneficiaryBody({ consent: guardianConsentBody({ guardianRelationship: undefined }) });
    await expectInvalid(await therapist.post('/api/beneficiaries', noRelation), ['consent', 'guardianRelationship']);
    await expectInvalid(await therapist.post('/api/beneficiaries', childBeneficiaryBody({ consent: guardianConsentBody({ guardianRelationship: 'aunt' }) })), ['consent', 'guardianRelationship']);
    await expectInvalid(await therapist.post('/api/beneficiaries', adultBeneficiaryBody({ consent: consentBody({ guardianRelationship: 'mother' }) })), ['consent', 'guardianRelationship']);
    const b = await register(childBeneficiaryBody({ consent: guardianConsentBody({ guardianRelationship: 'grandparent' }) }));
    expect(b.consents.every((k: { guardianRelationship: string }) => k.guardianRelationship === 'grandparent')).toBe(true);
    const later = { purposes: ['photos'], method: 'verbal', givenAt: isoDay(0), givenBy: 'guardian', guardianName: 'Dewi Kartika' };
    await expectInvalid(await therapist.post(`/api/beneficiaries/${b.id}/consents`, later), ['consent', 'guardianRelationship']);
    await expectJson(await therapist.post(`/api/beneficiaries/${b.id}/consents`, { ...later, guardianRelationship: 'legal_guardian' }), 201);
  });

  it.each([
    ['a birth date in the future', { birthDate: isoDay(3) }, ['birthDate']],
    ['a birth date that does not exist', { birthDate: '2001-02-29' }, ['birthDate']],
    ['a consent dated in the future', { consent: consentBody({ givenAt: isoDay(2) }) }, ['consent', 'givenAt']],
    ['a purpose given twice', { consent: consentBody({ purposes: ['service', 'service'] }) }, ['consent', 'purposes']],
    ['no purpose at all', { consent: consentBody({ purposes: [] }) }, ['consent', 'purposes']],
    ['an unknown diagnosis', { diagnosis: 'flu' }, ['diagnosis']],
    ['a blank name', { fullName: '   ' }, ['fullName']],
    ['a name with control characters', { fullName: 'Budi\u0007' }, ['fullName']],
    ['a phone that is not a phone', { phone: 'call me' }, ['phone']],
    ['no consent', { consent: undefined }, ['consent']],
  ])('%s is 422 at its path, and nothing is stored', async (_name, overrides, path) => {
    const before = await count();
    await expectInvalid(await therapist.post('/api/beneficiaries', adultBeneficiaryBody(overrides)), path);
    expect(await count()).toBe(before);
  });
});

describe('changing a beneficiary', () => {
  let id: string;
  let birthDate: string;
  beforeAll(async () => {
    ({ id, birthDate } = await register());
  });

  it('PATCH with an empty object changes nothing and answers 200', async () => {
    const before = await h.db.prisma.beneficiary.findUniqueOrThrow({ where: { id } });
    const b = await expectJson(await therapist.patch(`/api/beneficiaries/${id}`, {}));
    expect(b).toMatchObject({ fullName: before.fullName, address: before.address, city: before.city });
  });

  it('PATCH changes only the fields given; null clears an optional one', async () => {
    const b = await expectJson(await therapist.patch(`/api/beneficiaries/${id}`, { fullName: 'Wulan Sari Utami', city: null }));
    expect(b).toMatchObject({ fullName: 'Wulan Sari Utami', city: null, address: 'Jl. Merpati No. 7, Bekasi Utara' });
  });

  it('PATCH with an unknown field, or a birth date in the future, is 422 and changes nothing', async () => {
    await expectError(await therapist.patch(`/api/beneficiaries/${id}`, { nickname: 'Wulan' }), 422);
    await expectError(await therapist.patch(`/api/beneficiaries/${id}`, { centreId: world.centreB }), 422);
    await expectError(await therapist.patch(`/api/beneficiaries/${id}`, { birthDate: isoDay(10) }), 422);
    const row = await h.db.prisma.beneficiary.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ fullName: 'Wulan Sari Utami', centreId: world.centreA });
    expect(row.birthDate.toISOString().slice(0, 10)).toBe(birthDate);
  });
});

describe('the audit trail', () => {
  it('every write records the actor, the beneficiary, the centre and the request', async () => {
    const createRes = await therapist.post('/api/beneficiaries', adultBeneficiaryBody());
    const b = await expectJson(createRes.clone(), 201);
    const base = `/api/beneficiaries/${b.id}`;
    const writes: [string, Response][] = [['beneficiary.create', createRes]];
    writes.push(['beneficiary.update', await therapist.patch(base, { city: 'Cikarang' })]);
    writes.push(['cp_profile.write', await therapist.put(`${base}/cp-profile`, cpProfileBody())]);
    writes.push(['hydrocephalus_profile.write', await therapist.put(`${base}/hydrocephalus-profile`, hydrocephalusProfileBody())]);
    writes.push(['consent.create', await therapist.post(`${base}/consents`, guardianConsentBody({ purposes: ['photos'] }))]);
    writes.push(['consent.withdraw', await therapist.post(`${base}/consents/${healthConsentId(b)}/withdraw`)]);

    for (const [action, res] of writes) {
      expect(res.status, action).toBeLessThan(300);
      const rows = await auditOf(res);
      expect(rows.map((r) => r.action), action).toEqual([action]);
      expect(rows[0]).toMatchObject({
        actorId: world.user.therapistA,
        actorRole: 'therapist',
        entityType: 'Beneficiary',
        entityId: b.id,
        centreId: world.centreA,
      });
      // Audit details hold ids and field names, never the personal data itself.
      expect(rows[0]!.details ?? '').not.toMatch(/Wulan|Merpati|Cikarang|Dewi Kartika/);
    }
  });

  it('reading a beneficiary\'s detail records beneficiary.read, noting whether clinical detail was shown', async () => {
    const id = world.beneficiaryOf.familyA1;
    const cases: [Client, string, boolean][] = [
      [therapist, 'therapist', true],
      [technician, 'technician', false],
      [family, 'family', false],
    ];
    for (const [client, role, clinical] of cases) {
      const res = await client.get(`/api/beneficiaries/${id}`);
      await expectJson(res.clone());
      const [row] = await auditOf(res);
      expect(row, role).toMatchObject({ action: 'beneficiary.read', actorRole: role, entityType: 'Beneficiary', entityId: id, centreId: world.centreA });
      expect(JSON.parse(row!.details!)).toEqual({ clinical });
    }
  });

  it('a refused write records nothing', async () => {
    const res = await technician.patch(`/api/beneficiaries/${world.beneficiaryOf.familyA1}`, { city: 'X' });
    await expectError(res.clone(), 403);
    expect(await auditOf(res)).toEqual([]);
  });
});

describe('fixes pinned by review', () => {
  it('search treats % and _ as nothing, not as LIKE wildcards', async () => {
    const all = await expectJson(await therapist.get('/api/beneficiaries?limit=200'));
    const riz = all.items.find((b: { fullName: string }) => b.fullName === 'Rizky Pratama');
    expect(riz).toBeTruthy();
    // As a wildcard, "R_zky" would match "Rizky"; ignored, it looks for "Rzky", which no one is called.
    const res = await expectJson(await therapist.get('/api/beneficiaries?q=R_zky'));
    expect(res.items).toEqual([]);
    const literal = await expectJson(await therapist.get('/api/beneficiaries?q=Riz%25ky'));
    expect(literal.items.map((b: { id: string }) => b.id)).toEqual([riz.id]);
  });

  it('a consent dated before the birth date is refused and nothing is created', async () => {
    const before = await count();
    const body = adultBeneficiaryBody();
    const res = await therapist.post('/api/beneficiaries', { ...body, consent: { ...body.consent, givenAt: '1950-01-01' } });
    await expectInvalid(res, ['consent', 'givenAt']);
    expect(await count()).toBe(before);
  });
});
