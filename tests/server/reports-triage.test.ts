// Triage of family reports (a work order, a clinical follow-up, or closed; only once) and the comment
// thread between the family and the centre (plain text, the other side notified).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectInvalid, expectJson } from '../helpers/api.ts';
import { type Client, createHarness, type Harness } from '../helpers/harness.ts';
import { EMAIL, loadWorld, type World } from '../helpers/world.ts';

let h: Harness;
let world: World;
let familyA1: Client;
let familyA2: Client;
let therapist: Client;
let tech: Client;
let manager: Client;
let therapistB: Client;

beforeAll(async () => {
  h = await createHarness();
  world = await loadWorld(h);
  [familyA1, familyA2, therapist, tech, manager, therapistB] = await Promise.all([
    h.as(EMAIL.familyA1), h.as(EMAIL.familyA2), h.as(EMAIL.therapistA), h.as(EMAIL.technicianA), h.as(EMAIL.managerA), h.as(EMAIL.therapistB),
  ]);
});
afterAll(() => h.close());

type Detail = Record<string, any>;
const report = (c: Client, body: Record<string, unknown>) => c.post('/api/reports', { clientRequestId: randomUUID(), ...body });
const make = async (c: Client, body: Record<string, unknown>): Promise<Detail> => expectJson(await report(c, body), 201);
const notes = (userId: string, link: string) => h.db.prisma.notification.findMany({ where: { userId, link }, orderBy: { createdAt: 'asc' } });
const a1 = () => world.beneficiaryOf.familyA1;
const a2 = () => world.beneficiaryOf.familyA2;

describe('POST /api/reports/{id}/triage', () => {
  it('into a work order: a repair for the chair with the family\'s words, status work_order, the family told', async () => {
    const r = await make(familyA1, { beneficiaryId: a1(), category: 'brakes', description: 'Rem kiri tidak mengunci' });
    const d = await expectJson(await tech.post(`/api/reports/${r.id}/triage`, { outcome: 'work_order', priority: 'high', note: 'Teknisi akan menghubungi Ibu.' }));
    expect(d.status).toBe('work_order');
    const w = await h.db.prisma.workOrder.findFirstOrThrow({ where: { reportId: r.id } });
    expect(w).toMatchObject({ kind: 'repair', category: 'brake', priority: 'high', status: 'open', centreId: world.centreA, deviceId: r.deviceId });
    expect(w.description).toContain('Rem kiri tidak mengunci');
    expect(w.description).toContain('Rem bermasalah');
    expect(d.workOrderId).toBe(w.id);
    expect(d.events.map((e: Detail) => [e.status, e.note, e.by?.id])).toEqual([
      ['new', null, world.user.familyA1],
      ['work_order', 'Teknisi akan menghubungi Ibu.', world.user.technicianA],
    ]);
    const told = await notes(world.user.familyA1, `/reports/${r.id}`);
    expect(told.map((n) => n.kind)).toEqual(['report_status']);
    expect(JSON.parse(told[0]!.params)).toMatchObject({ status: 'work_order', reportId: r.id });
    // The family sees the change and the note, not who made it nor the work order.
    const seen = await expectJson(await familyA1.get(`/api/reports/${r.id}`));
    expect(seen.events[1]).toEqual({ status: 'work_order', at: expect.any(String), note: 'Teknisi akan menghubungi Ibu.' });
    expect(seen).not.toHaveProperty('workOrderId');
    expect(seen).not.toHaveProperty('followUpId');
    // The family also sees the work order in their queue.
    expect((await expectJson(await familyA1.get('/api/work-orders'))).items.map((x: Detail) => x.id)).toContain(w.id);
    expect(await h.db.prisma.auditLog.count({ where: { action: 'report.triage', entityId: r.id } })).toBe(1);
  });

  it('only from new: a second triage is a 409 and changes nothing', async () => {
    const r = await make(familyA1, { beneficiaryId: a1(), category: 'wont_charge' });
    await expectJson(await manager.post(`/api/reports/${r.id}/triage`, { outcome: 'closed', note: 'Kabel pengisi daya tidak tercolok.' }));
    await expectError(await tech.post(`/api/reports/${r.id}/triage`, { outcome: 'work_order' }), 409);
    expect(await h.db.prisma.workOrder.count({ where: { reportId: r.id } })).toBe(0);
    const d = await expectJson(await familyA1.get(`/api/reports/${r.id}`));
    expect(d.status).toBe('closed');
    expect(d.events.at(-1)).toMatchObject({ status: 'closed', note: 'Kabel pengisi daya tidak tercolok.' });
  });

  it('into a clinical follow-up (therapists and managers, not technicians): a follow-up due then, the red flag settled', async () => {
    const r = await make(familyA2, { beneficiaryId: a2(), category: 'vomiting' });
    const dueAt = new Date(Date.now() + 2 * 86_400_000).toISOString();
    await expectError(await tech.post(`/api/reports/${r.id}/triage`, { outcome: 'follow_up', dueAt }), 404); // red flag: not a technician's
    const chair = await make(familyA1, { beneficiaryId: a1(), category: 'seat_fit' });
    await expectError(await tech.post(`/api/reports/${chair.id}/triage`, { outcome: 'follow_up', dueAt }), 403);
    await expectInvalid(await therapist.post(`/api/reports/${r.id}/triage`, { outcome: 'follow_up', dueAt: '2020-01-01T00:00:00Z' }), ['dueAt']);
    await expectInvalid(await therapist.post(`/api/reports/${r.id}/triage`, { outcome: 'follow_up' }), ['dueAt']);
    const d = await expectJson(await therapist.post(`/api/reports/${r.id}/triage`, { outcome: 'follow_up', dueAt, note: 'Terapis akan datang lusa.' }));
    expect(d.status).toBe('follow_up');
    const f = await h.db.prisma.followUp.findUniqueOrThrow({ where: { id: d.followUpId } });
    expect(f).toMatchObject({ beneficiaryId: a2(), kind: 'report', completedAt: null });
    expect(f.dueAt.toISOString()).toBe(dueAt);
    const alert = await h.db.prisma.alert.findFirstOrThrow({ where: { kind: 'red_flag', details: { contains: r.id } } });
    expect(alert.acknowledgedById).toBe(world.user.therapistA);
    expect(alert.clearedAt).not.toBeNull();
    // The follow-up shows in the therapist's follow-ups.
    const list = await expectJson(await therapist.get(`/api/follow-ups?beneficiaryId=${a2()}`));
    expect(list.items.map((x: Detail) => x.id)).toContain(f.id);
    expect((await notes(world.user.familyA2, `/reports/${r.id}`)).map((n) => n.kind)).toEqual(['report_status']);
  });

  it('closing needs the reason; families cannot triage (403); another centre\'s report is a 404', async () => {
    const r = await make(familyA1, { beneficiaryId: a1(), category: 'wont_move' });
    await expectInvalid(await manager.post(`/api/reports/${r.id}/triage`, { outcome: 'closed' }), ['note']);
    await expectInvalid(await manager.post(`/api/reports/${r.id}/triage`, { outcome: 'repaint' }), ['outcome']);
    await expectError(await familyA1.post(`/api/reports/${r.id}/triage`, { outcome: 'closed', note: 'sudah' }), 403);
    await expectError(await therapistB.post(`/api/reports/${r.id}/triage`, { outcome: 'closed', note: 'sudah' }), 404);
    expect((await h.db.prisma.issueReport.findUniqueOrThrow({ where: { id: r.id } })).status).toBe('new');
  });
});

describe('POST /api/reports/{id}/comments', () => {
  it('keeps HTML as plain text, and tells the other side: the therapists when the family writes, the family when staff write', async () => {
    const r = await make(familyA1, { beneficiaryId: a1(), category: 'battery_drains' });
    const hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script> baterai habis <b>cepat</b>';
    const c = await expectJson(await familyA1.post(`/api/reports/${r.id}/comments`, { body: hostile }), 201);
    expect(c).toMatchObject({ body: hostile, mine: true, author: { role: 'family' } });
    expect((await h.db.prisma.reportComment.findUniqueOrThrow({ where: { id: c.id } })).body).toBe(hostile);
    for (const who of ['therapistA', 'therapistA2'] as const) {
      expect((await notes(world.user[who], `/reports/${r.id}`)).map((n) => n.kind), who).toContain('report_comment');
    }
    expect((await notes(world.user.technicianA, `/reports/${r.id}`)).map((n) => n.kind)).not.toContain('report_comment');
    await expectJson(await therapist.post(`/api/reports/${r.id}/comments`, { body: 'Coba isi daya semalaman dulu, Bu.' }), 201);
    expect((await notes(world.user.familyA1, `/reports/${r.id}`)).map((n) => n.kind)).toEqual(['report_comment']);
    // The thread, in order, as each side sees it; JSON carries the text untouched.
    const seen = await familyA1.get(`/api/reports/${r.id}`);
    expect(seen.headers.get('content-type')).toMatch(/^application\/json/);
    const d = await expectJson(seen);
    expect(d.comments.map((x: Detail) => [x.body, x.mine, x.author.role])).toEqual([
      [hostile, true, 'family'],
      ['Coba isi daya semalaman dulu, Bu.', false, 'staff'],
    ]);
    const staffView = await expectJson(await therapist.get(`/api/reports/${r.id}`));
    expect(staffView.comments.map((x: Detail) => x.mine)).toEqual([false, true]);
  });

  it('when a work order has an assignee, the family\'s comment goes to that person', async () => {
    const r = await make(familyA1, { beneficiaryId: a1(), category: 'wont_move' });
    const d = await expectJson(await tech.post(`/api/reports/${r.id}/triage`, { outcome: 'work_order' }));
    await expectJson(await tech.patch(`/api/work-orders/${d.workOrderId}`, { action: 'assign', assigneeId: world.user.technicianA }));
    await expectJson(await familyA1.post(`/api/reports/${r.id}/comments`, { body: 'Kami di rumah setelah jam 3.' }), 201);
    expect((await notes(world.user.technicianA, `/reports/${r.id}`)).map((n) => n.kind)).toContain('report_comment');
    expect((await notes(world.user.therapistA, `/reports/${r.id}`)).map((n) => n.kind)).not.toContain('report_comment');
  });

  it('another family cannot write in or read the thread (404); empty or oversized comments are refused', async () => {
    const r = await make(familyA1, { beneficiaryId: a1(), category: 'brakes' });
    await expectError(await familyA2.post(`/api/reports/${r.id}/comments`, { body: 'halo' }), 404);
    await expectError(await therapistB.post(`/api/reports/${r.id}/comments`, { body: 'halo' }), 404);
    await expectInvalid(await familyA1.post(`/api/reports/${r.id}/comments`, { body: '' }), ['body']);
    await expectInvalid(await familyA1.post(`/api/reports/${r.id}/comments`, { body: 'x'.repeat(2001) }), ['body']);
    expect(await h.db.prisma.reportComment.count({ where: { reportId: r.id } })).toBe(0);
  });
});

describe('red flags and the workshop', () => {
  it('a red flag made into a work order reaches technicians without the sign or the family\'s words', async () => {
    const r = await make(familyA1, { beneficiaryId: a1(), category: 'pain_skin', description: 'Luka merah di bokong kiri' });
    const d = await expectJson(await therapist.post(`/api/reports/${r.id}/triage`, { outcome: 'work_order', priority: 'urgent' }));
    const w = await expectJson(await tech.get(`/api/work-orders/${d.workOrderId}`));
    expect(w).toMatchObject({ kind: 'repair', priority: 'urgent', reportId: r.id });
    expect(JSON.stringify(w)).not.toMatch(/Luka|bokong|Nyeri|pain_skin/);
    expect(w.alerts).toEqual([]);
    // The alert now answers to the work order and stays open until the work is done.
    const alert = await h.db.prisma.alert.findFirstOrThrow({ where: { kind: 'red_flag', details: { contains: r.id } } });
    expect(alert).toMatchObject({ workOrderId: d.workOrderId, clearedAt: null, acknowledgedById: world.user.therapistA });
  });
});
