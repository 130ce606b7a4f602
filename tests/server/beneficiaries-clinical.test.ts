// Beneficiaries' clinical profiles (CP, hydrocephalus): writable only under an active health-data consent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectInvalid, expectJson, isoDay } from '../helpers/api.ts';
import { adultBeneficiaryBody, childBeneficiaryBody, consentBody, cpProfileBody, hydrocephalusProfileBody } from '../helpers/fixtures.ts';
import { healthConsentId, openBeneficiarySuite, registerAs } from '../helpers/beneficiary-suite.ts';
import type { Client, Harness } from '../helpers/harness.ts';
import type { World } from '../helpers/world.ts';

let h: Harness;
let world: World;
let therapist: Client;

beforeAll(async () => {
  ({ h, world, therapist } = await openBeneficiarySuite());
});
afterAll(() => h.close());

const count = () => h.db.prisma.beneficiary.count();
const register = (body: Record<string, unknown> = adultBeneficiaryBody(), as: Client = therapist) => registerAs(as, body);

describe('clinical profiles need an active health-data consent', () => {
  let b: { id: string; consents: { id: string; purpose: string; withdrawnAt: string | null }[] };
  beforeAll(async () => {
    b = await register(adultBeneficiaryBody({ diagnosis: 'both' }));
  });
  const cp = (body: unknown) => therapist.put(`/api/beneficiaries/${b.id}/cp-profile`, body);
  const hydro = (body: unknown) => therapist.put(`/api/beneficiaries/${b.id}/hydrocephalus-profile`, body);

  it('PUT cp-profile records the profile, and a second PUT replaces it', async () => {
    const first = await expectJson(await cp(cpProfileBody()));
    expect(first.cpProfile).toMatchObject({ gmfcs: 4, type: 'spastic', scoliosis: true, contractures: 'knee flexion 20° both sides' });
    const second = await expectJson(await cp(cpProfileBody({ gmfcs: 2, sittingLevel: 'hands_free', scoliosis: false })));
    expect(second.cpProfile).toMatchObject({ gmfcs: 2, sittingLevel: 'hands_free', scoliosis: false });
    expect(await h.db.prisma.cpProfile.count({ where: { beneficiaryId: b.id } })).toBe(1);
  });

  it.each([0, 6, 2.5, '3', null])('GMFCS %s is 422 and the stored profile is unchanged', async (gmfcs) => {
    await expectInvalid(await cp(cpProfileBody({ gmfcs })), ['gmfcs']);
    expect((await h.db.prisma.cpProfile.findUniqueOrThrow({ where: { beneficiaryId: b.id } })).gmfcs).toBe(2);
  });

  it('a CP profile without its required fields is 422', async () => {
    await expectInvalid(await cp({ gmfcs: 3 }), ['type']);
  });

  it('a hydrocephalus profile with shunt details but no shunt is 422', async () => {
    await expectInvalid(await hydro(hydrocephalusProfileBody({ shuntPresent: false })), ['shuntType']);
    const sideOnly = hydrocephalusProfileBody({ shuntPresent: false, shuntType: null });
    expect((await expectError(await hydro(sideOnly), 422)).issues!.length).toBeGreaterThan(0);
    expect(await h.db.prisma.hydrocephalusProfile.count({ where: { beneficiaryId: b.id } })).toBe(0);
  });

  it('PUT hydrocephalus-profile records it, head circumferences oldest first, and replaces them on the next PUT', async () => {
    const body = hydrocephalusProfileBody();
    const first = await expectJson(await hydro(body));
    expect(first.hydrocephalusProfile).toMatchObject({ shuntPresent: true, shuntType: 'vp', shuntSide: 'right', revisions: 1, occiputSkinRisk: 'high' });
    expect(first.hydrocephalusProfile.headCircumferences).toEqual([...body.headCircumferences].reverse());
    const again = await expectJson(await hydro(hydrocephalusProfileBody({ headCircumferences: [{ measuredAt: isoDay(-5), cm: 51 }] })));
    expect(again.hydrocephalusProfile.headCircumferences).toEqual([{ measuredAt: isoDay(-5), cm: 51 }]);
  });

  it('a head circumference outside 25–80 cm is 422', async () => {
    await expectInvalid(await hydro(hydrocephalusProfileBody({ headCircumferences: [{ measuredAt: isoDay(-1), cm: 10 }] })), ['headCircumferences', 0, 'cm']);
  });

  it('after the health-data consent is withdrawn, clinical writes are 409 and change nothing', async () => {
    const consentId = healthConsentId(b);
    const withdrawn = await expectJson(await therapist.post(`/api/beneficiaries/${b.id}/consents/${consentId}/withdraw`));
    expect(withdrawn.consents.find((k: { id: string }) => k.id === consentId).withdrawnAt).toEqual(expect.any(String));

    const before = await h.db.prisma.cpProfile.findUniqueOrThrow({ where: { beneficiaryId: b.id } });
    const writesBefore = await h.db.prisma.auditLog.count({ where: { action: 'cp_profile.write', entityId: b.id } });
    await expectError(await cp(cpProfileBody({ gmfcs: 5 })), 409);
    await expectError(await hydro(hydrocephalusProfileBody()), 409);
    expect(await h.db.prisma.cpProfile.findUniqueOrThrow({ where: { beneficiaryId: b.id } })).toEqual(before);
    expect(await h.db.prisma.auditLog.count({ where: { action: 'cp_profile.write', entityId: b.id } })).toBe(writesBefore);

    await expectError(await therapist.post(`/api/beneficiaries/${b.id}/consents/${consentId}/withdraw`), 409);
  });

  it('a new health-data consent allows clinical writes again', async () => {
    const res = await therapist.post(`/api/beneficiaries/${b.id}/consents`, consentBody({ purposes: ['health_data'] }));
    b = await expectJson(res, 201);
    expect((await expectJson(await cp(cpProfileBody({ gmfcs: 5 })))).cpProfile.gmfcs).toBe(5);
  });

  it('withdrawing an unknown consent, or another beneficiary\'s, is 404', async () => {
    await expectError(await therapist.post(`/api/beneficiaries/${b.id}/consents/nosuchconsent1/withdraw`), 404);
    const other = await h.db.prisma.consent.findFirstOrThrow({ where: { beneficiaryId: world.beneficiaryOf.familyA1 } });
    await expectError(await therapist.post(`/api/beneficiaries/${b.id}/consents/${other.id}/withdraw`), 404);
    expect((await h.db.prisma.consent.findUniqueOrThrow({ where: { id: other.id } })).withdrawnAt).toBeNull();
  });

  it('for a child only a guardian\'s consent counts', async () => {
    const child = await register(childBeneficiaryBody());
    await expectInvalid(await therapist.post(`/api/beneficiaries/${child.id}/consents`, consentBody({ purposes: ['health_data'] })), ['consent', 'givenBy']);
    // A consent given by the child themself (e.g. from an import) must not unlock clinical writes.
    await h.db.prisma.consent.create({
      data: { beneficiaryId: child.id, givenBy: 'beneficiary', purpose: 'health_data', method: 'verbal', givenAt: new Date() },
    });
    await expectJson(await therapist.post(`/api/beneficiaries/${child.id}/consents/${healthConsentId(child)}/withdraw`));
    const error = await expectError(await therapist.put(`/api/beneficiaries/${child.id}/cp-profile`, cpProfileBody()), 409);
    expect(error.message).toMatch(/guardian/);
    expect(await h.db.prisma.cpProfile.count({ where: { beneficiaryId: child.id } })).toBe(0);
  });
});
