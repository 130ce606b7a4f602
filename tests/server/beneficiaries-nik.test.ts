// The NIK on a beneficiary: validated, unique nationally without leaking other centres' people,
// seen only by clinical staff and the person's family, cleared by anonymising; and the warning
// for the same name and birth date at a centre.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectInvalid, expectJson, quickSession } from '../helpers/api.ts';
import { openBeneficiarySuite, registerAs } from '../helpers/beneficiary-suite.ts';
import { adultBeneficiaryBody, testNik } from '../helpers/fixtures.ts';
import type { Client, Harness } from '../helpers/harness.ts';
import { EMAIL, type World } from '../helpers/world.ts';

let h: Harness;
let world: World;
let therapist: Client;
let admin: Client;
let technician: Client;
let family: Client;
let manager: Client;
let therapistB: Client;

beforeAll(async () => {
  ({ h, world, therapist, admin, technician, family } = await openBeneficiarySuite());
  [manager, therapistB] = await Promise.all([quickSession(h, EMAIL.managerA), quickSession(h, EMAIL.therapistB)]);
});
afterAll(() => h.close());

const count = () => h.db.prisma.beneficiary.count();
/** A name no other test uses, so the same-name warning fires only where a test wants it. */
let names = 0;
const person = (overrides: Record<string, unknown> = {}) => adultBeneficiaryBody({ fullName: `Rina Lestari ${String.fromCharCode(65 + names++)}`, ...overrides });

describe('NIK format', () => {
  it.each([
    ['15 digits', '327501150698001'],
    ['letters', '32750115069800AB'],
    ['no such province', '0075011506980001'],
    ['month 13', '3275011513980001'],
    ['day 32', '3275013206980001'],
  ])('refuses %s (422 on nik) and stores nothing', async (_what, nik) => {
    const before = await count();
    await expectInvalid(await therapist.post('/api/beneficiaries', person({ nik })), ['nik']);
    expect(await count()).toBe(before);
  });

  it('accepts a NIK typed with spaces or dots and stores the 16 digits', async () => {
    const nik = testNik({ female: true });
    const spaced = `${nik.slice(0, 6)} ${nik.slice(6, 12)}.${nik.slice(12)}`;
    const b = await registerAs(therapist, person({ nik: spaced }));
    expect(b.nik).toBe(nik);
    expect((await h.db.prisma.beneficiary.findUniqueOrThrow({ where: { id: b.id } })).nik).toBe(nik);
  });

  it('is optional: a person without a NIK reads back with null', async () => {
    expect((await registerAs(therapist, person())).nik).toBeNull();
  });
});

describe('who sees the NIK', () => {
  it('clinical staff and the linked family see it; technicians do not', async () => {
    const id = world.beneficiaryOf.familyA1;
    const nik = testNik();
    await h.db.prisma.beneficiary.update({ where: { id }, data: { nik } });
    for (const reader of [therapist, manager, admin, family]) {
      expect((await expectJson(await reader.get(`/api/beneficiaries/${id}`))).nik).toBe(nik);
    }
    const asTechnician = await expectJson(await technician.get(`/api/beneficiaries/${id}`));
    expect(asTechnician).not.toHaveProperty('nik');
    expect(JSON.stringify(asTechnician)).not.toContain(nik);
  });
});

describe('a NIK already registered', () => {
  it('at the caller\'s own centre: 409 duplicate_nik naming the existing record, nothing created', async () => {
    const nik = testNik();
    const first = await registerAs(therapist, person({ nik }));
    const before = await count();
    const error = await expectError(await therapist.post('/api/beneficiaries', person({ nik })), 409);
    expect(error.details).toEqual({ reason: 'duplicate_nik', beneficiaryId: first.id });
    expect(await count()).toBe(before);
  });

  it('at another centre: 409 duplicate_nik_elsewhere, without the record\'s id, name or centre', async () => {
    const nik = testNik();
    const elsewhere = await registerAs(therapistB, person({ nik, fullName: 'Yohana Siahaan' }));
    const error = await expectError(await therapist.post('/api/beneficiaries', person({ nik })), 409);
    expect(error.details).toEqual({ reason: 'duplicate_nik_elsewhere' });
    expect(error.message).toMatch(/another centre/);
    expect(JSON.stringify(error)).not.toContain(elsewhere.id);
    expect(JSON.stringify(error)).not.toContain('Yohana');
    // The admin may open every record, so is told which one.
    const asAdmin = await expectError(await admin.post('/api/beneficiaries', person({ nik, centreId: world.centreA })), 409);
    expect(asAdmin.details).toEqual({ reason: 'duplicate_nik', beneficiaryId: elsewhere.id });
  });

  it('confirming a possible duplicate does not get past a NIK that is taken', async () => {
    const nik = testNik();
    await registerAs(therapistB, person({ nik }));
    const error = await expectError(await therapist.post('/api/beneficiaries', person({ nik, confirmDuplicate: true })), 409);
    expect(error.details?.reason).toBe('duplicate_nik_elsewhere');
  });

  it('changing a record to another\'s NIK is 409; keeping its own NIK is fine', async () => {
    const nik = testNik();
    const a = await registerAs(therapist, person({ nik }));
    const b = await registerAs(therapist, person());
    const error = await expectError(await therapist.patch(`/api/beneficiaries/${b.id}`, { nik }), 409);
    expect(error.details).toEqual({ reason: 'duplicate_nik', beneficiaryId: a.id });
    expect((await h.db.prisma.beneficiary.findUniqueOrThrow({ where: { id: b.id } })).nik).toBeNull();
    expect((await expectJson(await therapist.patch(`/api/beneficiaries/${a.id}`, { nik, city: 'Bekasi' }))).nik).toBe(nik);
    const other = testNik();
    expect((await expectJson(await therapist.patch(`/api/beneficiaries/${b.id}`, { nik: other }))).nik).toBe(other);
    await expectInvalid(await therapist.patch(`/api/beneficiaries/${b.id}`, { nik: '123' }), ['nik']);
  });

  it('anonymising clears the NIK, which can then be registered again', async () => {
    const nik = testNik();
    const b = await registerAs(therapist, person({ nik }));
    await expectJson(await admin.post(`/api/beneficiaries/${b.id}/anonymise`, { reason: 'asked by the family to remove', confirmName: b.fullName }));
    expect((await h.db.prisma.beneficiary.findUniqueOrThrow({ where: { id: b.id } })).nik).toBeNull();
    expect((await registerAs(therapist, person({ nik }))).nik).toBe(nik);
  });
});

describe('the same name and birth date at a centre', () => {
  it('is a 409 possible_duplicate naming the record (case, accents and spaces ignored) until confirmed', async () => {
    const first = await registerAs(therapist, person({ fullName: 'Dédi  Kurniawan' }));
    const before = await count();
    const again = person({ fullName: 'dedi kurniawan', birthDate: first.birthDate });
    const error = await expectError(await therapist.post('/api/beneficiaries', again), 409);
    expect(error.details).toEqual({ reason: 'possible_duplicate', beneficiaryId: first.id });
    expect(await count()).toBe(before);
    const res = await therapist.post('/api/beneficiaries', { ...again, confirmDuplicate: true });
    const second = await expectJson(res, 201);
    expect(second.id).not.toBe(first.id);
    const audit = await h.db.prisma.auditLog.findFirstOrThrow({ where: { requestId: res.headers.get('x-request-id'), action: 'beneficiary.create' } });
    expect(JSON.parse(audit.details!)).toMatchObject({ confirmedDuplicate: true });
  });

  it('is no warning for another birth date, or at another centre', async () => {
    const first = await registerAs(therapist, person({ fullName: 'Agus Salim' }));
    expect((await registerAs(therapist, person({ fullName: 'Agus Salim', birthDate: '2001-02-03' }))).id).not.toBe(first.id);
    expect((await registerAs(therapistB, person({ fullName: 'Agus Salim', birthDate: first.birthDate }))).centreId).toBe(world.centreB);
  });

  it('a birth date in the future is refused (422) before any duplicate check', async () => {
    await expectError(await therapist.post('/api/beneficiaries', person({ birthDate: '2999-01-01' })), 422);
  });
});
