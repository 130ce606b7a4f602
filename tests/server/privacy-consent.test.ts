// Consent rules for health data (UU PDP 27/2022 art. 20, 25, 26): every path that records clinical
// data needs an active health-data consent — a guardian's for a child — and a withdrawal stops
// further clinical writes (409) and hides the clinical record from everyone but admins.
// Photos: a family member sending one consents on the spot; staff need the photo consent on file.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { birthDateForAge, expectError, expectInvalid, expectJson, isoDay } from '../helpers/api.ts';
import { adultBeneficiaryBody, childBeneficiaryBody, consentBody, cpProfileBody, guardianConsentBody, hydrocephalusProfileBody } from '../helpers/fixtures.ts';
import { type Client, createHarness, type Harness, ORIGIN } from '../helpers/harness.ts';
import { assessBody, hydroBlock, requestInState, stepBody } from '../helpers/pathway.ts';
import { EMAIL, loadWorld, type World } from '../helpers/world.ts';

let h: Harness;
let world: World;
let admin: Client;
let therapist: Client;
let manager: Client;
let technician: Client;
let family: Client;

beforeAll(async () => {
  h = await createHarness();
  world = await loadWorld(h);
  [admin, therapist, manager, technician, family] = await Promise.all([
    h.as(EMAIL.admin), h.as(EMAIL.therapistA), h.as(EMAIL.managerA), h.as(EMAIL.technicianA), h.as(EMAIL.familyA1),
  ]);
});
afterAll(() => h.close());

const db = () => h.db.prisma;
const followUpBody = { findings: 'Kulit baik, kursi pas.', pressureInjuryRisk: 'low', fitOk: true };
const healthConsents = (id: string) => db().consent.findMany({ where: { beneficiaryId: id, purpose: 'health_data' } });

/** A child whose only health-data consent was given by the child (e.g. imported): it must not count. */
async function childWithoutGuardian() {
  return db().beneficiary.create({
    data: {
      centreId: world.centreA, fullName: 'Anak Tanpa Wali', birthDate: new Date(`${birthDateForAge(9)}T00:00:00Z`), sex: 'female', address: 'Jl. Uji 1', diagnosis: 'both',
      consents: { create: ['service', 'health_data'].map((purpose) => ({ purpose, givenBy: 'beneficiary', method: 'verbal', givenAt: new Date() })) },
    },
  });
}

describe('registration', () => {
  it('clinical notes without the health-data purpose are 422 at consent.purposes, and nothing is stored', async () => {
    const before = await db().beneficiary.count();
    await expectInvalid(await therapist.post('/api/beneficiaries', adultBeneficiaryBody({ consent: consentBody({ purposes: ['service'] }) })), ['consent', 'purposes']);
    expect(await db().beneficiary.count()).toBe(before);
  });

  it('without notes, the service consent alone registers the person (the diagnosis category is the eligibility criterion)', async () => {
    const b = await expectJson(await therapist.post('/api/beneficiaries', adultBeneficiaryBody({ diagnosisNotes: null, consent: consentBody({ purposes: ['service'] }) })), 201);
    expect(b).toMatchObject({ healthDataConsent: false, clinicalWithheld: true });
    // The category is stored, but without the health-data consent only an admin sees it.
    expect(b).not.toHaveProperty('diagnosis');
    expect(await db().beneficiary.findUniqueOrThrow({ where: { id: b.id } })).toMatchObject({ diagnosis: 'cp' });
    // …but nothing clinical can be added until the health-data consent is recorded.
    await expectError(await therapist.put(`/api/beneficiaries/${b.id}/cp-profile`, cpProfileBody()), 409);
    await expectError(await therapist.patch(`/api/beneficiaries/${b.id}`, { diagnosisNotes: 'GMFCS IV' }), 409);
  });
});

describe('a child without a guardian\'s consent', () => {
  it('every clinical write path is 409 and records nothing', async () => {
    const child = await childWithoutGuardian();
    const cp = await expectError(await therapist.put(`/api/beneficiaries/${child.id}/cp-profile`, cpProfileBody()), 409);
    expect(cp.message).toMatch(/guardian/);
    await expectError(await therapist.put(`/api/beneficiaries/${child.id}/hydrocephalus-profile`, hydrocephalusProfileBody()), 409);
    await expectError(await therapist.patch(`/api/beneficiaries/${child.id}`, { diagnosisNotes: 'Shunt VP kanan' }), 409);
    expect(await db().cpProfile.count({ where: { beneficiaryId: child.id } })).toBe(0);
    expect(await db().hydrocephalusProfile.count({ where: { beneficiaryId: child.id } })).toBe(0);
    const r = await requestInState(h, world.centreA, 'referred', { beneficiaryId: child.id });
    await expectError(await therapist.post(`/api/requests/${r.id}/transitions`, assessBody({ hydrocephalus: hydroBlock })), 409);
    // Written straight to the database (with the records its steps imply), to reach a follow-up.
    const used = await requestInState(h, world.centreA, 'in_use', { beneficiaryId: child.id });
    const f = await db().followUp.findFirstOrThrow({ where: { requestId: used.id } });
    await expectError(await therapist.post(`/api/follow-ups/${f.id}/complete`, followUpBody), 409);

    expect(await db().assessment.count({ where: { requestId: r.id } })).toBe(0);
    expect((await db().deviceRequest.findUniqueOrThrow({ where: { id: r.id } })).state).toBe('referred');
    expect((await db().followUp.findUniqueOrThrow({ where: { id: f.id } })).completedAt).toBeNull();
    expect((await db().beneficiary.findUniqueOrThrow({ where: { id: child.id } })).diagnosisNotes).toBeNull();
  });

  it('once the guardian consents, the same writes succeed', async () => {
    const child = await childWithoutGuardian();
    await expectJson(await therapist.post(`/api/beneficiaries/${child.id}/consents`, guardianConsentBody({ purposes: ['health_data'] })), 201);
    const b = await expectJson(await therapist.put(`/api/beneficiaries/${child.id}/cp-profile`, cpProfileBody()));
    expect(b).toMatchObject({ healthDataConsent: true, clinicalWithheld: false, cpProfile: { gmfcs: 4 } });
    const r = await requestInState(h, world.centreA, 'referred', { beneficiaryId: child.id });
    await expectJson(await therapist.post(`/api/requests/${r.id}/transitions`, assessBody({ hydrocephalus: hydroBlock })));
  });
});

describe('withdrawing the health-data consent', () => {
  let id: string;
  let request: { id: string };
  let prescribedRequest: { id: string };
  let fittingRequest: { id: string };
  let followUpId: string;

  beforeAll(async () => {
    const b = await expectJson(await therapist.post('/api/beneficiaries', childBeneficiaryBody({ diagnosis: 'both', diagnosisNotes: 'Hidrosefalus dengan shunt VP.' })), 201);
    id = b.id;
    await expectJson(await therapist.put(`/api/beneficiaries/${id}/cp-profile`, cpProfileBody()));
    await expectJson(await therapist.put(`/api/beneficiaries/${id}/hydrocephalus-profile`, hydrocephalusProfileBody()));
    request = await requestInState(h, world.centreA, 'assessed', { beneficiaryId: id });
    prescribedRequest = await requestInState(h, world.centreA, 'assessed', { beneficiaryId: id });
    fittingRequest = await requestInState(h, world.centreA, 'prepared', { beneficiaryId: id });
    const used = await requestInState(h, world.centreA, 'in_use', { beneficiaryId: id });
    followUpId = (await db().followUp.findFirstOrThrow({ where: { requestId: used.id } })).id;
    const [consent] = await healthConsents(id);
    await expectJson(await therapist.post(`/api/beneficiaries/${id}/consents/${consent!.id}/withdraw`));
  });

  it('refuses every further clinical write with 409 and a message that says the consent was withdrawn', async () => {
    const cp = await expectError(await therapist.put(`/api/beneficiaries/${id}/cp-profile`, cpProfileBody({ gmfcs: 2 })), 409);
    expect(cp.message).toMatch(/withdrawn on \d{4}-\d{2}-\d{2}/);
    await expectError(await therapist.put(`/api/beneficiaries/${id}/hydrocephalus-profile`, hydrocephalusProfileBody({ headCircumferences: [{ measuredAt: isoDay(-1), cm: 52 }] })), 409);
    await expectError(await therapist.patch(`/api/beneficiaries/${id}`, { diagnosisNotes: 'Catatan baru' }), 409);
    await expectError(await admin.post(`/api/requests/${prescribedRequest.id}/transitions`, await stepBody(h, 'prescribed')), 409);
    await expectError(await therapist.post(`/api/requests/${fittingRequest.id}/transitions`, await stepBody(h, 'fitted')), 409);
    await expectError(await therapist.post(`/api/follow-ups/${followUpId}/complete`, followUpBody), 409);

    expect((await db().cpProfile.findUniqueOrThrow({ where: { beneficiaryId: id } })).gmfcs).toBe(4);
    expect(await db().headCircumference.count({ where: { profile: { beneficiaryId: id } } })).toBe(2);
    expect(await db().prescription.count({ where: { requestId: prescribedRequest.id } })).toBe(0);
    expect(await db().fitting.count({ where: { requestId: fittingRequest.id } })).toBe(0);
  });

  it('non-clinical work goes on: contact details change, notes can be cleared, funding steps move', async () => {
    expect(await expectJson(await therapist.patch(`/api/beneficiaries/${id}`, { city: 'Cikarang' }))).toMatchObject({ city: 'Cikarang' });
    await expectJson(await therapist.patch(`/api/beneficiaries/${id}`, { diagnosisNotes: null }));
    const approvable = await requestInState(h, world.centreA, 'prescribed', { beneficiaryId: id });
    await expectJson(await manager.post(`/api/requests/${approvable.id}/transitions`, await stepBody(h, 'approved')));
  });

  it('therapists and managers no longer see the clinical record nor the diagnosis category; the consents stay', async () => {
    for (const client of [therapist, manager]) {
      const b = await expectJson(await client.get(`/api/beneficiaries/${id}`));
      for (const key of ['diagnosis', 'reportCategories', 'diagnosisNotes', 'cpProfile', 'hydrocephalusProfile']) expect(b, key).not.toHaveProperty(key);
      expect(b).toMatchObject({ healthDataConsent: false, clinicalWithheld: true });
      expect(b.consents.some((k: { purpose: string; withdrawnAt: string | null }) => k.purpose === 'health_data' && k.withdrawnAt)).toBe(true);
      const r = await expectJson(await client.get(`/api/requests/${request.id}`));
      expect(r).not.toHaveProperty('assessment');
    }
  });

  it('the admin still sees it (for export, erasure and legal retention)', async () => {
    const b = await expectJson(await admin.get(`/api/beneficiaries/${id}`));
    expect(b).toMatchObject({ healthDataConsent: false, clinicalWithheld: false, cpProfile: { gmfcs: 4 } });
    expect(b.hydrocephalusProfile.headCircumferences).toHaveLength(2);
    expect((await expectJson(await admin.get(`/api/requests/${request.id}`))).assessment).toMatchObject({ pressureInjuryRisk: 'medium' });
  });

  it('technicians and families never saw it and still do not', async () => {
    const b = await expectJson(await technician.get(`/api/beneficiaries/${id}`));
    for (const key of ['cpProfile', 'healthDataConsent', 'clinicalWithheld', 'consents']) expect(b, key).not.toHaveProperty(key);
  });

  it('a new guardian consent restores the view and the writes', async () => {
    await expectJson(await therapist.post(`/api/beneficiaries/${id}/consents`, guardianConsentBody({ purposes: ['health_data'] })), 201);
    const b = await expectJson(await therapist.put(`/api/beneficiaries/${id}/cp-profile`, cpProfileBody({ gmfcs: 3 })));
    expect(b).toMatchObject({ clinicalWithheld: false, cpProfile: { gmfcs: 3 } });
    expect(await expectJson(await therapist.get(`/api/requests/${request.id}`))).toHaveProperty('assessment');
  });
});

describe('report photos', () => {
  let jpeg: Buffer;
  beforeAll(async () => {
    jpeg = await sharp({ create: { width: 24, height: 24, channels: 3, background: '#246' } }).jpeg().toBuffer();
  });
  const upload = (c: Client, reportId: string) =>
    h.app.request(`${ORIGIN}/api/reports/${reportId}/photos`, {
      method: 'POST',
      headers: { origin: ORIGIN, 'sec-fetch-site': 'same-origin', cookie: c.cookie!, 'content-type': 'image/jpeg' },
      body: new Uint8Array(jpeg),
    });
  const reportOf = (beneficiaryId: string) =>
    db().issueReport.create({ data: { beneficiaryId, category: 'brakes', events: { create: { status: 'new' } } } });

  it('a family member sending a photo for their own report consents on the spot (recorded as such)', async () => {
    const beneficiaryId = world.beneficiaryOf.familyA1;
    await db().consent.updateMany({ where: { beneficiaryId, purpose: 'photos', withdrawnAt: null }, data: { withdrawnAt: new Date() } });
    const r = await reportOf(beneficiaryId);
    const res = await upload(family, r.id);
    await expectJson(res.clone(), 201);
    const entry = await db().auditLog.findFirstOrThrow({ where: { requestId: res.headers.get('x-request-id'), action: 'report.photo.add' } });
    expect(JSON.parse(entry.details!)).toMatchObject({ consentBasis: 'uploader' });
  });

  it('staff need an active photo consent on file: 409 without it, 201 once a guardian gives it', async () => {
    const beneficiaryId = world.beneficiaryOf.familyA1;
    const r = await reportOf(beneficiaryId);
    const refused = await expectError(await upload(therapist, r.id), 409);
    expect(refused.message).toMatch(/photos/);
    expect(await db().reportPhoto.count({ where: { reportId: r.id } })).toBe(0);
    await expectJson(await therapist.post(`/api/beneficiaries/${beneficiaryId}/consents`, guardianConsentBody({ purposes: ['photos'] })), 201);
    const res = await upload(technician, r.id);
    await expectJson(res.clone(), 201);
    const entry = await db().auditLog.findFirstOrThrow({ where: { requestId: res.headers.get('x-request-id'), action: 'report.photo.add' } });
    expect(JSON.parse(entry.details!)).toMatchObject({ consentBasis: 'on_file' });
  });
});
