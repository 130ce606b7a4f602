// What each role sees of requests, follow-ups and the worklist: families and technicians get state,
// dates and appointments but no clinical detail; lists hold only what is in scope and filter as asked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectJson, quickSession } from '../helpers/api.ts';
import { type Client, createHarness, type Harness } from '../helpers/harness.ts';
import { EMAIL, loadWorld, type World } from '../helpers/world.ts';

let h: Harness;
let world: World;
let as: Record<'admin' | 'manager' | 'therapist' | 'technician' | 'family', Client>;
let ownRequest: string;

beforeAll(async () => {
  h = await createHarness();
  world = await loadWorld(h);
  const s = (email: string) => quickSession(h, email);
  const [admin, manager, therapist, technician, family] = await Promise.all([s(EMAIL.admin), s(EMAIL.managerA), s(EMAIL.therapistA), s(EMAIL.technicianA), s(EMAIL.familyA1)]);
  as = { admin, manager, therapist, technician, family };
  ownRequest = (await h.db.prisma.deviceRequest.findFirstOrThrow({ where: { beneficiaryId: world.beneficiaryOf.familyA1 } })).id;
});
afterAll(() => h.close());

const clinicalKeys = ['referral', 'assessment', 'prescription', 'funding', 'fittings', 'trainings', 'beneficiaryDiagnosis'];
const ids = (body: { items: { id: string }[] }) => body.items.map((x) => x.id).sort();

describe('one request', () => {
  it('a therapist gets every step record (the control for the checks below)', async () => {
    const r = await expectJson(await as.therapist.get(`/api/requests/${ownRequest}`));
    for (const key of clinicalKeys) expect(r, key).toHaveProperty(key);
    expect(r.assessment.measurements.hipWidthMm).toBeGreaterThan(0);
    expect(r.timeline[0]).toHaveProperty('note');
    expect(r.followUps[0]).toHaveProperty('findings');
  });

  it('a technician gets state, dates, device and who moved it, but no clinical key or note', async () => {
    const r = await expectJson(await as.technician.get(`/api/requests/${ownRequest}`));
    for (const key of clinicalKeys) expect(r, key).not.toHaveProperty(key);
    expect(r.state).toBe('in_use');
    expect(r.device.serial).toMatch(/^ATM-/);
    expect(r.timeline.every((t: object) => 'by' in t && !('note' in t))).toBe(true);
    expect(r.followUps.every((f: object) => !('findings' in f) && !('pressureInjuryRisk' in f))).toBe(true);
    expect(r.allowedTransitions).toEqual([]);
  });

  it('a family gets only what a family needs: state, dates, the chair, appointments', async () => {
    const r = await expectJson(await as.family.get(`/api/requests/${ownRequest}`));
    // Anything new shown to families must be added here on purpose.
    const allowed = ['id', 'state', 'beneficiary', 'centreId', 'centreName', 'createdAt', 'updatedAt', 'stateSince', 'expectedAt', 'deliveredAt', 'appointmentAt', 'appointmentType', 'nextFollowUpAt', 'device', 'timeline', 'followUps', 'allowedTransitions'];
    expect(Object.keys(r).filter((k) => !allowed.includes(k))).toEqual([]);
    expect(r.timeline.every((t: object) => Object.keys(t).sort().join() === 'at,from,to')).toBe(true);
    expect(r.followUps.every((f: object) => Object.keys(f).sort().join() === 'beneficiaryId,completedAt,dueAt,id,kind,requestId')).toBe(true);
    expect(r.beneficiary.id).toBe(world.beneficiaryOf.familyA1);
    expect(r.stateSince).toBe(r.timeline.at(-1).at);
  });

  it('reading a request is audited, with whether clinical detail was shown', async () => {
    const res = await as.technician.get(`/api/requests/${ownRequest}`);
    await res.text();
    const audit = await h.db.prisma.auditLog.findFirstOrThrow({ where: { requestId: res.headers.get('x-request-id') } });
    expect(audit).toMatchObject({ action: 'request.read', entityId: ownRequest, actorId: world.user.technicianA });
    expect(JSON.parse(audit.details!)).toEqual({ clinical: false });
  });
});

describe("a beneficiary's timeline", () => {
  const url = () => `/api/beneficiaries/${world.beneficiaryOf.familyA1}/timeline`;

  it('holds every transition of every request of the beneficiary, oldest first, matching the request pages', async () => {
    const transitions = await h.db.prisma.requestTransition.findMany({ where: { request: { beneficiaryId: world.beneficiaryOf.familyA1 } } });
    expect(transitions.length).toBeGreaterThan(3);
    const body = await expectJson(await as.therapist.get(url()));
    expect(body.items).toHaveLength(transitions.length);
    const times = body.items.map((e: { at: string }) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(body.items[0]).toMatchObject({ from: null, to: 'referred', refit: false });
    const request = await expectJson(await as.therapist.get(`/api/requests/${ownRequest}`));
    const ofRequest = body.items.filter((e: { requestId: string }) => e.requestId === ownRequest);
    expect(ofRequest.map(({ requestId: _, refit: __, ...e }: Record<string, unknown>) => e)).toEqual(request.timeline);
  });

  it('a technician sees who moved it but no notes; a family sees only states and dates', async () => {
    const tech = await expectJson(await as.technician.get(url()));
    expect(tech.items.every((e: object) => 'by' in e && !('note' in e))).toBe(true);
    const family = await expectJson(await as.family.get(url()));
    expect(family.items.length).toBe(tech.items.length);
    expect(family.items.every((e: object) => Object.keys(e).sort().join() === 'at,from,refit,requestId,to')).toBe(true);
  });

  it('marks a refit (fitted back to prepared)', async () => {
    const refit = await h.db.prisma.requestTransition.create({ data: { requestId: ownRequest, fromState: 'fitted', toState: 'prepared', at: new Date('2000-01-01T00:00:00Z') } });
    try {
      const body = await expectJson(await as.therapist.get(url()));
      expect(body.items[0]).toMatchObject({ from: 'fitted', to: 'prepared', refit: true, by: null });
      expect(body.items.filter((e: { refit: boolean }) => e.refit)).toHaveLength(1);
    } finally {
      await h.db.prisma.requestTransition.delete({ where: { id: refit.id } });
    }
  });
});

describe('lists', () => {
  const inCentre = async (centreId: string, where: object = {}) =>
    (await h.db.prisma.deviceRequest.findMany({ where: { centreId, ...where }, select: { id: true } })).map((x) => x.id).sort();

  it('staff see exactly their centre\'s requests; the admin sees all', async () => {
    for (const role of ['manager', 'therapist', 'technician'] as const) {
      expect(ids(await expectJson(await as[role].get('/api/requests?limit=200'))), role).toEqual(await inCentre(world.centreA));
    }
    const all = await expectJson(await as.admin.get('/api/requests?limit=200'));
    expect(all.total).toBe(await h.db.prisma.deviceRequest.count());
    expect((await expectJson(await as.therapist.get(`/api/requests?centreId=${world.centreB}`))).items).toEqual([]);
  });

  it('a family sees only their child\'s requests, without the therapist or priority', async () => {
    const body = await expectJson(await as.family.get('/api/requests'));
    expect(ids(body)).toEqual([ownRequest]);
    expect(body.items[0]).not.toHaveProperty('therapist');
    expect(body.items[0]).not.toHaveProperty('priority');
    expect((await expectJson(await as.family.get(`/api/requests?beneficiaryId=${world.beneficiaryOf.familyA2}`))).items).toEqual([]);
  });

  it('filters: approvals waiting (state), my requests, open ones', async () => {
    const waiting = await expectJson(await as.manager.get('/api/requests?state=prescribed'));
    // "Waiting since" is when the request was prescribed, not when a row was last touched.
    for (const item of waiting.items) {
      const last = await h.db.prisma.requestTransition.findFirstOrThrow({ where: { requestId: item.id }, orderBy: { at: 'desc' } });
      expect(item.stateSince).toBe(last.at.toISOString());
      expect(last.toState).toBe('prescribed');
    }
    expect(ids(waiting)).toEqual(await inCentre(world.centreA, { state: 'prescribed' }));
    expect(waiting.items.length).toBeGreaterThan(0);
    const mine = await expectJson(await as.therapist.get('/api/requests?mine=true&limit=200'));
    expect(ids(mine)).toEqual(await inCentre(world.centreA, { therapistId: world.user.therapistA }));
    expect(mine.items.every((r: { therapist: { id: string } }) => r.therapist.id === world.user.therapistA)).toBe(true);
    const open = await expectJson(await as.therapist.get('/api/requests?open=true&limit=200'));
    expect(open.items.every((r: { state: string }) => !['in_use', 'rejected', 'cancelled'].includes(r.state))).toBe(true);
    expect(open.total).toBe((await inCentre(world.centreA, { state: { notIn: ['in_use', 'rejected', 'cancelled'] } })).length);
  });
});

describe('follow-ups and the worklist', () => {
  it('lists overdue follow-ups of the centre, marked overdue; done ones separately', async () => {
    const overdue = await expectJson(await as.therapist.get('/api/follow-ups?status=overdue'));
    expect(overdue.items.length).toBeGreaterThan(0);
    expect(overdue.items.every((f: { overdue: boolean; completedAt: null }) => f.overdue && f.completedAt === null)).toBe(true);
    const centreB = new Set(world.beneficiariesB);
    expect(overdue.items.some((f: { beneficiaryId: string }) => centreB.has(f.beneficiaryId))).toBe(false);
    expect((await expectJson(await as.therapist.get('/api/follow-ups?status=done'))).items).toEqual([]);
  });

  it('a therapist\'s worklist holds their open requests by step in pathway order, their follow-ups overdue first', async () => {
    const w = await expectJson(await as.therapist.get('/api/worklist'));
    const states = w.byStep.map((g: { state: string }) => g.state);
    const order = ['referred', 'assessed', 'prescribed', 'approved', 'ordered', 'prepared', 'fitted', 'trained'];
    expect(states).toEqual(order.filter((s) => states.includes(s)));
    const items = w.byStep.flatMap((g: { items: { therapist: { id: string } }[] }) => g.items);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((r: { therapist: { id: string } }) => r.therapist.id === world.user.therapistA)).toBe(true);
    const dues = w.followUps.map((f: { dueAt: string }) => f.dueAt);
    expect(dues).toEqual([...dues].sort());
    expect(w.followUps[0].overdue).toBe(true);
    // The manager's worklist covers the whole centre, the other therapist's requests too.
    const managerView = await expectJson(await as.manager.get('/api/worklist'));
    const managerItems = managerView.byStep.flatMap((g: { items: { therapist: { id: string } }[] }) => g.items);
    expect(managerItems.some((r: { therapist: { id: string } }) => r.therapist.id === world.user.therapistA2)).toBe(true);
  });

  it('appointments of the coming week: referral appointments and follow-ups due', async () => {
    const r = await h.db.prisma.deviceRequest.findFirstOrThrow({ where: { centreId: world.centreA, state: 'referred', therapistId: world.user.therapistA }, include: { referral: true } });
    const at = new Date(Date.now() + 2 * 86_400_000);
    await h.db.prisma.referral.update({ where: { id: r.referral!.id }, data: { appointmentAt: at } });
    const w = await expectJson(await as.therapist.get('/api/worklist'));
    expect(w.appointments).toContainEqual(expect.objectContaining({ kind: 'referral', requestId: r.id, at: at.toISOString() }));
    await h.db.prisma.referral.update({ where: { id: r.referral!.id }, data: { appointmentAt: new Date(Date.now() + 9 * 86_400_000) } });
    const later = await expectJson(await as.therapist.get('/api/worklist'));
    expect(later.appointments.map((a: { requestId: string }) => a.requestId)).not.toContain(r.id);
  });
});
