// Withdrawing the health-data consent (UU PDP 27/2022 art. 40) withholds every diagnosis-derived and
// free-text clinical field from everyone but admins, on every route that can return one: the walk
// covers each operation the OpenAPI document says can carry health data, before and after the
// withdrawal, as admin, manager, therapist, technician and the person's family. Admin reads of the
// withheld record are audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cheapAccount, expectJson, isoDay, quickSession } from '../helpers/api.ts';
import { childBeneficiaryBody, cpProfileBody, guardianConsentBody, hydrocephalusProfileBody, unique } from '../helpers/fixtures.ts';
import { type Client, createHarness, type Harness } from '../helpers/harness.ts';
import { healthDataOperations, healthValues } from '../helpers/health-routes.ts';
import { requestInState, stepBody } from '../helpers/pathway.ts';
import { EMAIL, loadWorld, type World } from '../helpers/world.ts';

const SECRET = 'RAHASIA-KLINIS';
const ROLES = ['admin', 'manager', 'therapist', 'technician', 'family'] as const;
type Role = (typeof ROLES)[number];
type Phase = 'before' | 'after';
/** `subject`: whose record the answer is about when it is not the subject's ('new': a person the call creates). */
interface Call { method: string; url: string; body?: unknown; subject?: string }
type Walk = (role: Role, phase: Phase) => Promise<Call>;

let h: Harness;
let world: World;
const as = {} as Record<Role, Client>;
let subject: { id: string; name: string; requestId: string; consentId: string };
const db = () => h.db.prisma;

/** Puts the secret into every free-text clinical field of a request of the subject. */
async function plant(requestId: string) {
  await db().referral.updateMany({ where: { requestId }, data: { reason: `${SECRET} rujukan` } });
  await db().requestTransition.updateMany({ where: { requestId }, data: { note: `${SECRET} langkah` } });
  await db().assessment.updateMany({ where: { requestId }, data: { notes: `${SECRET} asesmen`, goals: `${SECRET} tujuan` } });
  await db().prescription.updateMany({ where: { requestId }, data: { notes: `${SECRET} resep`, accessories: `${SECRET} aksesori` } });
  await db().fundingApproval.updateMany({ where: { requestId }, data: { reason: `${SECRET} dana` } });
  await db().fitting.updateMany({ where: { requestId }, data: { notes: `${SECRET} pas`, adjustments: `${SECRET} setel` } });
  await db().trainingSession.updateMany({ where: { requestId }, data: { notes: `${SECRET} latih` } });
}

beforeAll(async () => {
  h = await createHarness();
  world = await loadWorld(h);
  const [admin, manager, therapist, technician] = await Promise.all([EMAIL.admin, EMAIL.managerA, EMAIL.therapistA, EMAIL.technicianA].map((e) => quickSession(h, e)));
  Object.assign(as, { admin, manager, therapist: therapist!, technician });
  const name = `Laras Penarikan ${unique()}`;
  const b = await expectJson(
    await as.therapist.post('/api/beneficiaries', childBeneficiaryBody({ fullName: name, diagnosis: 'both', diagnosisNotes: `${SECRET} diagnosis`, consent: guardianConsentBody({ purposes: ['service', 'health_data', 'photos'] }) })),
    201,
  );
  await expectJson(await as.therapist.put(`/api/beneficiaries/${b.id}/cp-profile`, cpProfileBody({ contractures: `${SECRET} kontraktur` })));
  await expectJson(await as.therapist.put(`/api/beneficiaries/${b.id}/hydrocephalus-profile`, hydrocephalusProfileBody({ redFlagNotes: `${SECRET} tanda` })));
  const account = await cheapAccount(h, { email: `wali.${unique()}@test.atensi.id` });
  await db().familyLink.create({ data: { userId: account.id, beneficiaryId: b.id, relationship: 'guardian' } });
  as.family = await quickSession(h, account.email);
  const r = await requestInState(h, world.centreA, 'in_use', { beneficiaryId: b.id, therapistId: world.user.therapistA });
  await db().fundingApproval.updateMany({ where: { requestId: r.id }, data: { reason: 'x' } });
  await plant(r.id);
  // A done follow-up with findings, and an open one due long ago (first on every worklist).
  await db().followUp.updateMany({ where: { requestId: r.id }, data: { completedAt: new Date(), findings: `${SECRET} temuan`, pressureInjuryRisk: 'high', fitOk: false } });
  await db().followUp.create({ data: { beneficiaryId: b.id, requestId: r.id, kind: 'routine', dueAt: new Date('2020-01-01T00:00:00Z') } });
  const consent = await db().consent.findFirstOrThrow({ where: { beneficiaryId: b.id, purpose: 'health_data' } });
  subject = { id: b.id, name, requestId: r.id, consentId: consent.id };
});
afterAll(() => h.close());

/** A request of the subject in a state, with the secret planted; therapistA in charge. */
async function freshRequest(state: 'prescribed' | 'assessed') {
  const r = await requestInState(h, world.centreA, state, { beneficiaryId: subject.id, therapistId: world.user.therapistA });
  await plant(r.id);
  return r.id;
}

const photosConsent = () =>
  db().consent.create({ data: { beneficiaryId: subject.id, purpose: 'photos', givenBy: 'guardian', guardianName: 'Wali', method: 'written', givenAt: new Date() } });

/** How to call each operation; the test checks that these cover every health-data operation of the API. */
const walks: Record<string, Walk> = {
  'GET /api/beneficiaries': async () => ({ method: 'GET', url: `/api/beneficiaries?q=${encodeURIComponent(subject.name)}` }),
  'POST /api/beneficiaries': async (_role, phase) => ({
    method: 'POST',
    url: '/api/beneficiaries',
    // After: a person registered without health-data consent is in the same position as one who withdrew it.
    subject: 'new',
    body: childBeneficiaryBody({ fullName: `Baru ${unique()}`, centreId: world.centreA, diagnosisNotes: null, consent: guardianConsentBody({ purposes: phase === 'before' ? ['service', 'health_data'] : ['service'] }) }),
  }),
  'GET /api/beneficiaries/{id}': async () => ({ method: 'GET', url: `/api/beneficiaries/${subject.id}` }),
  'PATCH /api/beneficiaries/{id}': async () => ({ method: 'PATCH', url: `/api/beneficiaries/${subject.id}`, body: { city: 'Bekasi' } }),
  'POST /api/beneficiaries/{id}/consents': async () => ({ method: 'POST', url: `/api/beneficiaries/${subject.id}/consents`, body: guardianConsentBody({ purposes: ['photos'], givenAt: isoDay(0) }) }),
  'POST /api/beneficiaries/{id}/consents/{consentId}/withdraw': async () => ({ method: 'POST', url: `/api/beneficiaries/${subject.id}/consents/${(await photosConsent()).id}/withdraw` }),
  'PUT /api/beneficiaries/{id}/cp-profile': async () => ({ method: 'PUT', url: `/api/beneficiaries/${subject.id}/cp-profile`, body: cpProfileBody({ contractures: `${SECRET} kontraktur` }) }),
  'PUT /api/beneficiaries/{id}/hydrocephalus-profile': async () => ({ method: 'PUT', url: `/api/beneficiaries/${subject.id}/hydrocephalus-profile`, body: hydrocephalusProfileBody({ redFlagNotes: `${SECRET} tanda` }) }),
  'GET /api/beneficiaries/{id}/timeline': async () => ({ method: 'GET', url: `/api/beneficiaries/${subject.id}/timeline` }),
  'GET /api/beneficiaries/{id}/export': async () => ({ method: 'GET', url: `/api/beneficiaries/${subject.id}/export` }),
  'GET /api/beneficiaries/{id}/export?format=html': async () => ({ method: 'GET', url: `/api/beneficiaries/${subject.id}/export?format=html&lang=en` }),
  'GET /api/requests': async () => ({ method: 'GET', url: `/api/requests?beneficiaryId=${subject.id}` }),
  'POST /api/requests': async () => {
    // A person of their own with no open request, in the subject's consent position.
    const other = await requestInState(h, world.centreA, 'in_use');
    const withdrawn = (await db().consent.count({ where: { beneficiaryId: subject.id, purpose: 'health_data', withdrawnAt: null } })) === 0;
    if (withdrawn) await db().consent.updateMany({ where: { beneficiaryId: other.beneficiaryId, purpose: 'health_data' }, data: { withdrawnAt: new Date() } });
    return { method: 'POST', url: '/api/requests', body: { beneficiaryId: other.beneficiaryId, referral: { source: 'self', reason: `${SECRET} rujukan baru` } }, subject: other.beneficiaryId };
  },
  'GET /api/requests/{id}': async () => ({ method: 'GET', url: `/api/requests/${subject.requestId}` }),
  'POST /api/requests/{id}/transitions': async () => ({ method: 'POST', url: `/api/requests/${await freshRequest('prescribed')}/transitions`, body: await stepBody(h, 'approved') }),
  'GET /api/requests/{id}/sizing': async () => ({ method: 'GET', url: `/api/requests/${await freshRequest('assessed')}/sizing` }),
  'GET /api/follow-ups': async () => ({ method: 'GET', url: `/api/follow-ups?status=done&beneficiaryId=${subject.id}` }),
  'POST /api/follow-ups/{id}/complete': async () => {
    const f = await db().followUp.create({ data: { beneficiaryId: subject.id, requestId: subject.requestId, kind: 'routine', dueAt: new Date() } });
    return { method: 'POST', url: `/api/follow-ups/${f.id}/complete`, body: { findings: `${SECRET} temuan baru`, pressureInjuryRisk: 'low', fitOk: true } };
  },
  'GET /api/worklist': async () => ({ method: 'GET', url: '/api/worklist' }),
};

const walked: string[] = [];
const failures: string[] = [];

async function walk(phase: Phase) {
  failures.length = 0;
  for (const [op, how] of Object.entries(walks)) {
    for (const role of ROLES) {
      const call = await how(role, phase);
      const res = await as[role].request(call.method, call.url, call.body);
      const text = await res.text();
      const where = `${phase} ${role} ${op} → ${res.status}`;
      walked.push(where);
      expect(res.status, where).toBeLessThan(500);
      // The request list carries no health data; it is walked because lists were named in the finding.
      const carries = op !== 'GET /api/requests';
      const full = role === 'admin' || (phase === 'before' && (role === 'manager' || role === 'therapist'));
      const json = res.headers.get('content-type')?.includes('json') && res.status < 300 ? JSON.parse(text) : undefined;
      if (!full) {
        if (text.includes(SECRET)) failures.push(`${where}: clinical text`);
        const allowed = role === 'family' ? ['reportCategories'] : ['referral', 'prescription', 'fittings'];
        const leaked = json === undefined ? [] : healthValues(json, allowed);
        if (leaked.length) failures.push(`${where}: ${leaked.slice(0, 4).join(', ')}`);
      } else if (carries && res.status < 300 && json !== undefined && healthValues(json, [], true).length === 0 && !text.includes(SECRET)) {
        // The walk must reach the data, or its absence after the withdrawal would prove nothing.
        failures.push(`${where}: a full reader got no health data`);
      }
      if (role === 'admin') {
        const rows = await db().auditLog.findMany({ where: { requestId: res.headers.get('x-request-id'), action: 'health_data.read_withheld' } });
        const expected = phase === 'after' && res.status < 300 && carries;
        if (expected !== rows.length > 0) failures.push(`${where}: ${rows.length} read_withheld audit rows`);
        if (expected && call.subject !== 'new' && !rows.some((r) => r.entityId === (call.subject ?? subject.id))) failures.push(`${where}: audit row names the wrong person`);
      }
    }
  }
}

describe('health data after the consent is withdrawn, on every route that returns it', () => {
  it('the walk covers every operation the OpenAPI document says can return health data', async () => {
    const doc = await expectJson(await h.anonymous().get('/api/openapi.json'));
    const ops = healthDataOperations(doc, ['GET /api/beneficiaries/{id}/export']);
    const missing = ops.filter((op) => !(op in walks));
    expect(missing, 'walk these too').toEqual([]);
    console.log(`OpenAPI operations that can return health data (${ops.length}):\n  ${ops.join('\n  ')}`);
    console.log(`consent-withdrawal walk (${Object.keys(walks).length} calls × ${ROLES.join(', ')} × before/after):\n  ${Object.keys(walks).join('\n  ')}`);
  });

  it('before the withdrawal clinical staff see the record and nobody else does; no audit of withheld reads', async () => {
    await walk('before');
    expect(failures).toEqual([]);
  });

  it('after it, only admins see anything clinical, and each admin read is audited', async () => {
    await expectJson(await as.therapist.post(`/api/beneficiaries/${subject.id}/consents/${subject.consentId}/withdraw`));
    await walk('after');
    expect(failures).toEqual([]);
    expect(walked.length).toBe(Object.keys(walks).length * ROLES.length * 2);
  });

  it('a search by diagnosis no longer finds the person, except for admins', async () => {
    const q = `/api/beneficiaries?diagnosis=both&q=${encodeURIComponent(subject.name)}`;
    for (const role of ['manager', 'therapist'] as const) expect((await expectJson(await as[role].get(q))).total, role).toBe(0);
    expect((await expectJson(await as.admin.get(q))).total).toBe(1);
    await expectJson(await as.therapist.post(`/api/beneficiaries/${subject.id}/consents`, guardianConsentBody({ purposes: ['health_data'], givenAt: isoDay(0) })), 201);
    expect((await expectJson(await as.therapist.get(q))).total).toBe(1);
  });
});
