// Family issue reports: reporting (idempotent on clientRequestId), categories per diagnosis, red flags
// (alert, urgent notifications, advice in both languages), scoped lists and views. Triage and the
// comment thread: reports-triage.test.ts; photos: reports-photos*.test.ts; the work-order side:
// reports-work-orders.test.ts.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectInvalid, expectJson } from '../helpers/api.ts';
import { type Client, createHarness, type Harness } from '../helpers/harness.ts';
import { EMAIL, loadWorld, type World } from '../helpers/world.ts';

let h: Harness;
let world: World;
let familyA1: Client;
let familyA2: Client;
let familyB1: Client;
let therapist: Client;
let tech: Client;
let manager: Client;
let admin: Client;
let therapistB: Client;

beforeAll(async () => {
  h = await createHarness();
  world = await loadWorld(h);
  [familyA1, familyA2, familyB1, therapist, tech, manager, admin, therapistB] = await Promise.all([
    h.as(EMAIL.familyA1), h.as(EMAIL.familyA2), h.as(EMAIL.familyB1), h.as(EMAIL.therapistA), h.as(EMAIL.technicianA),
    h.as(EMAIL.managerA), h.as(EMAIL.admin), h.as(EMAIL.therapistB),
  ]);
});
afterAll(() => h.close());

type Detail = Record<string, any>;
const report = (c: Client, body: Record<string, unknown>) => c.post('/api/reports', { clientRequestId: randomUUID(), ...body });
const make = async (c: Client, body: Record<string, unknown>): Promise<Detail> => expectJson(await report(c, body), 201);
const notes = (userId: string, link: string) => h.db.prisma.notification.findMany({ where: { userId, link }, orderBy: { createdAt: 'asc' } });
const a1 = () => world.beneficiaryOf.familyA1;
const a2 = () => world.beneficiaryOf.familyA2;

describe('POST /api/reports', () => {
  it('a family reports a chair problem: the chair in use is attached, the first event written, the centre told, audited', async () => {
    const chair = await h.db.prisma.device.findFirstOrThrow({ where: { beneficiaryId: a1(), status: 'in_use' } });
    const r = await make(familyA1, { beneficiaryId: a1(), category: 'wont_move', description: 'Kursi tidak mau maju sejak pagi' });
    expect(r).toMatchObject({
      beneficiary: { id: a1() }, centreId: world.centreA, deviceId: chair.id, category: 'wont_move', redFlag: false, status: 'new',
      description: 'Kursi tidak mau maju sejak pagi', photoCount: 0, photos: [], comments: [], visit: null, advice: null,
      reportedBy: { id: world.user.familyA1 },
    });
    expect(r.events).toEqual([{ status: 'new', at: r.createdAt, note: null }]);
    expect(r).not.toHaveProperty('workOrderId');
    for (const who of ['therapistA', 'therapistA2', 'technicianA', 'managerA'] as const) {
      const n = await notes(world.user[who], `/reports/${r.id}`);
      expect(n.map((x) => [x.kind, x.urgent]), who).toEqual([['report_new', false]]);
      expect(JSON.parse(n[0]!.params)).toMatchObject({ reportId: r.id, category: 'wont_move' });
    }
    expect(await notes(world.user.familyA1, `/reports/${r.id}`)).toEqual([]);
    expect(await notes(world.user.therapistB, `/reports/${r.id}`)).toEqual([]);
    const audit = await h.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'report.create', entityId: r.id } });
    expect(audit.actorId).toBe(world.user.familyA1);
    expect(audit.details).not.toContain('Kursi');
  });

  it('a resend with the same clientRequestId answers the first report (200) and changes nothing; another person\'s id is a 409', async () => {
    const clientRequestId = randomUUID();
    const body = { beneficiaryId: a1(), category: 'battery_drains', clientRequestId };
    const first = await expectJson(await familyA1.post('/api/reports', body), 201);
    const before = await h.db.prisma.notification.count();
    const again = await expectJson(await familyA1.post('/api/reports', { ...body, description: 'dikirim ulang' }), 200);
    expect(again.id).toBe(first.id);
    expect(again.description).toBeNull();
    expect(await h.db.prisma.issueReport.count({ where: { clientRequestId } })).toBe(1);
    expect(await h.db.prisma.reportEvent.count({ where: { reportId: first.id } })).toBe(1);
    expect(await h.db.prisma.notification.count()).toBe(before);
    await expectError(await familyA2.post('/api/reports', { ...body, beneficiaryId: a2() }), 409);
    await expectError(await therapist.post('/api/reports', body), 409);
  });

  it('asks about headache, vomiting and sleepiness only for hydrocephalus (422 otherwise); refuses bad input', async () => {
    // Family A1's child has cerebral palsy only; family A2's has both.
    for (const category of ['headache', 'vomiting', 'sleepiness']) {
      await expectInvalid(await report(familyA1, { beneficiaryId: a1(), category }), ['category']);
    }
    expect(await h.db.prisma.issueReport.count({ where: { beneficiaryId: a1(), category: { in: ['headache', 'vomiting', 'sleepiness'] } } })).toBe(0);
    await expectInvalid(await report(familyA1, { beneficiaryId: a1(), category: 'on_fire' }), ['category']);
    await expectInvalid(await familyA1.post('/api/reports', { beneficiaryId: a1(), category: 'brakes', clientRequestId: 'not-a-uuid' }), ['clientRequestId']);
    await expectInvalid(await report(familyA1, { beneficiaryId: a1(), category: 'brakes', description: 'x'.repeat(1001) }), ['description']);
    await expectInvalid(await report(familyA1, { beneficiaryId: a1(), category: 'brakes', extra: 1 }), []);
  });

  it('a family cannot report for another family\'s beneficiary (404, nothing written)', async () => {
    await expectError(await report(familyA1, { beneficiaryId: a2(), category: 'brakes' }), 404);
    await expectError(await report(familyA1, { beneficiaryId: world.beneficiaryOf.familyB1, category: 'brakes' }), 404);
    expect(await h.db.prisma.issueReport.count({ where: { reportedById: world.user.familyA1, beneficiaryId: { not: a1() } } })).toBe(0);
  });

  it('staff may log a report for a family, who is then told; technicians may not record clinical signs', async () => {
    const r = await make(therapist, { beneficiaryId: a1(), category: 'seat_fit', description: 'Ibu menelepon: bantalan terlalu tipis' });
    expect(r.reportedBy).toMatchObject({ id: world.user.therapistA });
    expect((await notes(world.user.familyA1, `/reports/${r.id}`)).map((n) => n.kind)).toEqual(['report_status']);
    expect(await notes(world.user.therapistA, `/reports/${r.id}`)).toEqual([]);
    await expectError(await report(tech, { beneficiaryId: a2(), category: 'headache' }), 403);
    await expectError(await report(therapistB, { beneficiaryId: a1(), category: 'brakes' }), 404);
  });
});

describe('red flags', () => {
  it('a shunt sign raises a critical alert and urgent notifications to therapists and the manager at once, and tells the family what to do', async () => {
    const fajarChair = await h.db.prisma.device.findFirstOrThrow({ where: { beneficiaryId: a2(), status: 'in_use' } });
    const r = await make(familyA2, { beneficiaryId: a2(), category: 'headache', description: 'Sakit kepala dan muntah sejak semalam' });
    expect(r).toMatchObject({ redFlag: true, status: 'new', deviceId: fajarChair.id });
    // Bahasa Indonesia by default: cautious, the emergency department now, bring the shunt details.
    expect(r.advice).toMatch(/bisa menjadi tanda/);
    expect(r.advice).toMatch(/IGD/);
    expect(r.advice).toMatch(/shunt/);
    expect(r.advice).toMatch(/Jangan menunggu/);
    const alerts = await h.db.prisma.alert.findMany({ where: { kind: 'red_flag', beneficiaryId: a2() } });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ severity: 'critical', centreId: world.centreA, deviceId: fajarChair.id, clearedAt: null });
    expect(JSON.parse(alerts[0]!.details!)).toEqual({ reportId: r.id, category: 'headache' });
    for (const who of ['therapistA', 'therapistA2', 'managerA'] as const) {
      const n = await notes(world.user[who], `/reports/${r.id}`);
      expect(n.map((x) => [x.kind, x.urgent]), who).toEqual([['report_red_flag', true]]);
    }
    // Technicians see no clinical signs: the report cannot be opened, the list shows it without its
    // sign (reports-red-flag.test.ts), no alert; their notification links to the list, not the report.
    expect(await notes(world.user.technicianA, `/reports/${r.id}`)).toEqual([]);
    await expectError(await tech.get(`/api/reports/${r.id}`), 404);
    const techAlerts = await expectJson(await tech.get('/api/alerts?limit=200'));
    expect(techAlerts.items.map((x: Detail) => x.id)).not.toContain(alerts[0]!.id);
    const therapistAlerts = await expectJson(await therapist.get('/api/alerts?limit=200'));
    expect(therapistAlerts.items.map((x: Detail) => x.id)).toContain(alerts[0]!.id);
  });

  it('gives the advice in the reader\'s language, and a skin sore its own advice', async () => {
    const r = await make(familyA1, { beneficiaryId: a1(), category: 'pain_skin' });
    expect(r.advice).toMatch(/luka tekan/);
    expect(r.advice).toMatch(/puskesmas/);
    expect(r.advice).toMatch(/bisa menjadi tanda/);
    expect(r.advice).not.toMatch(/IGD/);
    await h.db.prisma.user.update({ where: { id: world.user.familyA1 }, data: { locale: 'en' } });
    try {
      const en = await expectJson(await familyA1.get(`/api/reports/${r.id}`));
      expect(en.advice).toMatch(/can be a sign of a pressure sore/);
      expect(en.advice).toMatch(/nearest puskesmas or health facility today/);
      expect(en.advice).toMatch(/Do not sit or lie on the painful area/);
    } finally {
      await h.db.prisma.user.update({ where: { id: world.user.familyA1 }, data: { locale: 'id' } });
    }
    await h.db.prisma.user.update({ where: { id: world.user.familyA2 }, data: { locale: 'en' } });
    try {
      const shunt = await make(familyA2, { beneficiaryId: a2(), category: 'sleepiness' });
      expect(shunt.advice).toMatch(/can be a sign of a problem with the shunt/);
      expect(shunt.advice).toMatch(/emergency department \(IGD\) of the nearest hospital now/);
      expect(shunt.advice).toMatch(/Do not wait for the centre to call/);
    } finally {
      await h.db.prisma.user.update({ where: { id: world.user.familyA2 }, data: { locale: 'id' } });
    }
    const plain = await make(familyA1, { beneficiaryId: a1(), category: 'brakes' });
    expect(plain.advice).toBeNull();
  });
});

describe('GET /api/reports and /api/reports/{id}', () => {
  let mine: Detail;
  let theirs: Detail;
  let other: Detail;
  beforeAll(async () => {
    mine = await make(familyA1, { beneficiaryId: a1(), category: 'wont_charge' });
    theirs = await make(familyA2, { beneficiaryId: a2(), category: 'brakes' });
    other = await make(familyB1, { beneficiaryId: world.beneficiaryOf.familyB1, category: 'brakes' });
  });
  const ids = async (c: Client, q = '') => ((await expectJson(await c.get(`/api/reports?limit=200${q}`))).items as Detail[]).map((x) => x.id);

  it('families list their own beneficiary\'s reports only, most recent first', async () => {
    const body = await expectJson(await familyA1.get('/api/reports?limit=200'));
    expect(body.items.every((x: Detail) => x.beneficiary.id === a1())).toBe(true);
    expect(body.items[0].id).toBe(mine.id);
    expect(body.total).toBe(await h.db.prisma.issueReport.count({ where: { beneficiaryId: a1() } }));
    const times = body.items.map((x: Detail) => x.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(await ids(familyA1, `&beneficiaryId=${a2()}`)).toEqual([]);
    expect(await ids(familyA1)).not.toContain(theirs.id);
  });

  it('staff list their centre\'s reports, admins every centre\'s; filters by status, open and red flag', async () => {
    const a = await ids(therapist);
    expect(a).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    expect(a).not.toContain(other.id);
    expect(await ids(therapistB)).toContain(other.id);
    expect(await ids(therapistB)).not.toContain(mine.id);
    expect(await ids(admin)).toEqual(expect.arrayContaining([mine.id, theirs.id, other.id]));
    const flagged = (await expectJson(await therapist.get('/api/reports?redFlag=true&limit=200'))).items as Detail[];
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged.every((x) => x.redFlag)).toBe(true);
    expect(await ids(therapist, '&redFlag=false')).toContain(mine.id);
    expect(await ids(therapist, '&open=false')).not.toContain(mine.id);
    expect(await ids(therapist, '&status=new')).toContain(mine.id);
    expect(await ids(therapist, '&status=closed')).not.toContain(mine.id);
    await expectInvalid(await therapist.get('/api/reports?status=lost'), ['status']);
  });

  it('one report: 404 outside the reader\'s scope, the same as a missing one; reads are audited', async () => {
    await expectError(await familyA1.get(`/api/reports/${theirs.id}`), 404);
    await expectError(await familyA1.get(`/api/reports/${other.id}`), 404);
    await expectError(await therapist.get(`/api/reports/${other.id}`), 404);
    const missing = await expectError(await familyA1.get('/api/reports/nosuchreport0'), 404);
    const foreign = await expectError(await familyA1.get(`/api/reports/${theirs.id}`), 404);
    expect(foreign.message).toBe(missing.message);
    await expectJson(await manager.get(`/api/reports/${mine.id}`));
    const audit = await h.db.prisma.auditLog.findFirst({ where: { action: 'report.read', entityId: mine.id, actorId: world.user.managerA } });
    expect(audit).not.toBeNull();
  });
});
