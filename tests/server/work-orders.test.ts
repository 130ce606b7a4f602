// The work-order queue: order and filters, what families see, opening one by hand, and the state
// machine from open to resolved (clearing the alerts it answers) with 409 for illegal moves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectInvalid, expectJson } from '../helpers/api.ts';
import { commitSeries, deviceOf, fleetStore, HOUR, ruleAlert, ruleWorkOrder } from '../helpers/fleet-fixture.ts';
import { type Client, createHarness, type Harness } from '../helpers/harness.ts';
import { EMAIL, loadWorld, type World } from '../helpers/world.ts';

let h: Harness;
let world: World;
let tech: Client;
let therapist: Client;
let manager: Client;
let familyA1: Client;
let familyA2: Client;
let fajar: string;
let dimas: string;
let rizky: string;
let reportId: string;
const wo = {} as Record<'battery' | 'fault' | 'service' | 'followUp' | 'report' | 'done' | 'otherCentre', string>;
const hoursAgo = (n: number) => new Date(Date.now() - n * HOUR);

beforeAll(async () => {
  h = await createHarness();
  world = await loadWorld(h);
  [tech, therapist, manager, familyA1, familyA2] = await Promise.all([
    h.as(EMAIL.technicianA), h.as(EMAIL.therapistA), h.as(EMAIL.managerA), h.as(EMAIL.familyA1), h.as(EMAIL.familyA2),
  ]);
  const chairs = await Promise.all([deviceOf(h, 'Muhammad Fajar Nugroho'), deviceOf(h, 'Dimas Saputra'), deviceOf(h, 'Rizky Pratama')]);
  [fajar, dimas, rizky] = chairs.map((d) => d.id) as [string, string, string];
  await commitSeries(fleetStore(h), fajar, { from: Date.now() - 2 * HOUR, to: Date.now() - 60_000, everyMs: 600_000, at: (i) => ({ odometerM: 512_340 + i * 100 }) });
  const a = world.centreA;
  wo.battery = (await ruleWorkOrder(h, {
    centreId: a, deviceId: fajar, rule: 'battery_wear', kind: 'battery_replacement', priority: 'high', createdAt: hoursAgo(3),
    forecastAt: new Date(Date.now() + 40 * 86_400_000), details: { forecast: { crossAt: '2026-12-30T00:00:00Z', points: [{ t: 1, capacityPct: 74 }] } },
  })).id;
  wo.fault = (await ruleWorkOrder(h, { centreId: a, deviceId: dimas, rule: 'controller_fault', kind: 'repair', category: 'motor', priority: 'urgent', createdAt: hoursAgo(1) })).id;
  wo.service = (await ruleWorkOrder(h, { centreId: a, deviceId: fajar, rule: 'preventive_service', kind: 'preventive_service', createdAt: hoursAgo(5) })).id;
  wo.followUp = (await ruleWorkOrder(h, { centreId: a, deviceId: dimas, rule: 'low_use', kind: 'follow_up', createdAt: hoursAgo(4) })).id;
  const report = await h.db.prisma.issueReport.create({
    data: { beneficiaryId: world.beneficiaryOf.familyA1, deviceId: rizky, reportedById: world.user.familyA1, category: 'wheel', description: 'Roda depan goyang' },
  });
  reportId = report.id;
  wo.report = (await h.db.prisma.workOrder.create({ data: { centreId: a, deviceId: rizky, reportId, kind: 'repair', priority: 'low', createdAt: hoursAgo(2) } })).id;
  wo.done = (await h.db.prisma.workOrder.create({ data: { centreId: a, deviceId: dimas, kind: 'repair', status: 'resolved', resolvedAt: hoursAgo(1), createdAt: hoursAgo(30) } })).id;
  wo.otherCentre = (await ruleWorkOrder(h, { centreId: world.centreB, deviceId: (await deviceOf(h, 'Eko Prasetyo')).id, rule: 'battery_wear', kind: 'battery_replacement' })).id;
});
afterAll(() => h.close());

type Page = { items: { id: string; status: string }[]; total: number };
const list = async (c: Client, q = '') => (await expectJson(await c.get(`/api/work-orders${q}`))) as Page;
const order = (p: Page) => p.items.map((w) => w.id);
const patch = (c: Client, id: string, body: unknown) => c.patch(`/api/work-orders/${id}`, body);
const statusOf = async (id: string) => (await h.db.prisma.workOrder.findUniqueOrThrow({ where: { id } })).status;

describe('GET /api/work-orders', () => {
  it('queues the centre\'s active work most urgent first, then oldest first', async () => {
    const p = await list(tech);
    expect(order(p)).toEqual([wo.fault, wo.battery, wo.service, wo.followUp, wo.report]);
    expect(p.total).toBe(5);
    const battery = p.items[1] as Record<string, unknown>;
    expect(battery).toMatchObject({
      kind: 'battery_replacement', status: 'open', priority: 'high', rule: 'battery_wear', deviceId: fajar,
      beneficiaryName: 'Muhammad Fajar Nugroho', assignee: null, parts: [], details: { forecast: { crossAt: '2026-12-30T00:00:00Z' } },
    });
    expect(typeof battery.forecastAt).toBe('string');
    expect(p.items[0]).toMatchObject({ category: 'motor', priority: 'urgent' });
  });

  it('filters by status, kind, priority, device and assignee, and pages across priorities', async () => {
    expect(order(await list(tech, '?status=resolved'))).toEqual([wo.done]);
    expect((await list(tech, '?status=all')).total).toBe(6);
    expect(order(await list(tech, '?kind=repair'))).toEqual([wo.fault, wo.report]);
    expect(order(await list(tech, '?priority=normal'))).toEqual([wo.service, wo.followUp]);
    expect(order(await list(tech, `?deviceId=${fajar}`))).toEqual([wo.battery, wo.service]);
    expect((await list(tech, '?assignee=none')).total).toBe(5);
    expect((await list(tech, '?assignee=me')).total).toBe(0);
    const page = await list(tech, '?limit=2&offset=1');
    expect(order(page)).toEqual([wo.battery, wo.service]);
    expect(page.total).toBe(5);
    expect(order(await list(tech, `?centreId=${world.centreB}`))).toEqual([]);
  });

  it('answers 422 for bad filters', async () => {
    await expectInvalid(await tech.get('/api/work-orders?status=closed'), ['status']);
    await expectInvalid(await tech.get('/api/work-orders?assignee=Joko'), ['assignee']);
    await expectInvalid(await tech.get('/api/work-orders?kind=painting'), ['kind']);
  });

  it('families see the work on their own chairs and reports only, without staff detail', async () => {
    const a1 = await list(familyA1, '?status=all');
    expect(order(a1)).toEqual([wo.report]);
    const allowed = ['id', 'centreId', 'deviceId', 'deviceSerial', 'reportId', 'kind', 'status', 'scheduledAt', 'location', 'createdAt', 'updatedAt', 'resolvedAt'];
    expect(Object.keys(a1.items[0]!).filter((k) => !allowed.includes(k))).toEqual([]);
    expect(order(await list(familyA2))).toEqual([wo.battery, wo.service]);
    const detail = await expectJson(await familyA1.get(`/api/work-orders/${wo.report}`));
    expect(Object.keys(detail).filter((k) => !allowed.includes(k))).toEqual([]);
    await expectError(await familyA1.get(`/api/work-orders/${wo.battery}`), 404);
  });
});

describe('GET /api/work-orders/{id}', () => {
  it('gives staff the answered alerts and who may be assigned (technicians; therapists too for follow-up)', async () => {
    const linked = await ruleAlert(h, { centreId: world.centreA, deviceId: fajar, kind: 'battery_wear', severity: 'warning', workOrderId: wo.battery });
    const d = await expectJson(await tech.get(`/api/work-orders/${wo.battery}`));
    expect(d.alerts.map((a: { id: string }) => a.id)).toEqual([linked.id]);
    expect(d.assignable).toEqual([{ id: world.user.technicianA, name: 'Joko Susilo', role: 'technician' }]);
    const f = await expectJson(await tech.get(`/api/work-orders/${wo.followUp}`));
    expect(f.assignable.map((p: { id: string }) => p.id).sort()).toEqual([world.user.technicianA, world.user.therapistA, world.user.therapistA2].sort());
    await expectError(await tech.get(`/api/work-orders/${wo.otherCentre}`), 404);
  });
});

describe('POST /api/work-orders', () => {
  it('opens a work order by hand for a chair of the centre, audited', async () => {
    const d = await expectJson(await tech.post('/api/work-orders', { deviceId: rizky, kind: 'repair', category: 'brake', priority: 'high', description: 'Rem kiri tidak mengunci.' }), 201);
    expect(d).toMatchObject({ status: 'open', centreId: world.centreA, deviceId: rizky, kind: 'repair', category: 'brake', priority: 'high', rule: null, description: 'Rem kiri tidak mengunci.', alerts: [] });
    const audit = await h.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'work_order.create', entityId: d.id } });
    expect(audit.actorId).toBe(world.user.technicianA);
    expect(JSON.parse(audit.details!)).toEqual({ deviceId: rizky, kind: 'repair', priority: 'high' });
    const m = await expectJson(await manager.post('/api/work-orders', { deviceId: dimas, kind: 'check_in', description: 'Telepon keluarga.' }), 201);
    expect(m.priority).toBe('normal');
  });

  it('refuses bad input (422), another centre\'s chair (404), and therapists (403)', async () => {
    await expectInvalid(await tech.post('/api/work-orders', { deviceId: rizky, kind: 'repair' }), ['description']);
    await expectInvalid(await tech.post('/api/work-orders', { deviceId: rizky, kind: 'painting', description: 'x' }), ['kind']);
    await expectInvalid(await tech.post('/api/work-orders', { deviceId: rizky, kind: 'repair', description: '   ' }), ['description']);
    await expectInvalid(await tech.post('/api/work-orders', { deviceId: rizky, kind: 'repair', description: 'x', status: 'resolved' }), []);
    await expectInvalid(await tech.post('/api/work-orders', { deviceId: rizky, kind: 'battery_replacement', description: 'Aki' }), ['kind']);
    const other = await deviceOf(h, 'Eko Prasetyo');
    await expectError(await tech.post('/api/work-orders', { deviceId: other.id, kind: 'repair', description: 'x' }), 404);
    await expectError(await therapist.post('/api/work-orders', { deviceId: rizky, kind: 'repair', description: 'x' }), 403);
  });
});

describe('PATCH /api/work-orders/{id}: from open to resolved', () => {
  it('assigns only an active technician of the same centre', async () => {
    await expectInvalid(await patch(tech, wo.service, { action: 'assign', assigneeId: world.user.technicianB }), ['assigneeId']);
    await expectInvalid(await patch(tech, wo.service, { action: 'assign', assigneeId: world.user.therapistA }), ['assigneeId']);
    const d = await expectJson(await patch(tech, wo.service, { action: 'assign', assigneeId: world.user.technicianA }));
    expect(d).toMatchObject({ status: 'assigned', assignee: { id: world.user.technicianA, name: 'Joko Susilo' } });
    expect((await list(tech, '?assignee=me')).items.map((w) => w.id)).toEqual([wo.service]);
  });

  it('schedules the visit at home, which the family then sees', async () => {
    await expectInvalid(await patch(tech, wo.service, { action: 'schedule', scheduledAt: hoursAgo(48).toISOString(), location: 'home' }), ['scheduledAt']);
    await expectInvalid(await patch(tech, wo.service, { action: 'schedule', scheduledAt: '2026-12-01T09:00:00+07:00', location: 'garage' }), ['location']);
    const at = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const d = await expectJson(await patch(tech, wo.service, { action: 'schedule', scheduledAt: at, location: 'home' }));
    expect(d).toMatchObject({ status: 'scheduled', scheduledAt: at, location: 'home' });
    const seen = (await list(familyA2)).items.find((w) => w.id === wo.service);
    expect(seen).toMatchObject({ status: 'scheduled', scheduledAt: at, location: 'home' });
  });

  it('starts, records parts, and resolves: alerts answered are cleared, the chair\'s service is recorded, all audited', async () => {
    const linked = await ruleAlert(h, { centreId: world.centreA, deviceId: fajar, kind: 'info_only', severity: 'info', workOrderId: wo.service });
    const sameRule = await ruleAlert(h, { centreId: world.centreA, deviceId: fajar, kind: 'preventive_service', severity: 'info' });
    const unrelated = await ruleAlert(h, { centreId: world.centreA, deviceId: fajar, kind: 'over_temperature', severity: 'warning' });
    const otherChairSameRule = await ruleAlert(h, { centreId: world.centreA, deviceId: dimas, kind: 'preventive_service', severity: 'info' });

    expect((await expectJson(await patch(tech, wo.service, { action: 'start' }))).status).toBe('in_progress');
    const parts = [{ name: 'Kampas rem', quantity: 2 }, { name: 'Pelumas', quantity: 1 }];
    expect((await expectJson(await patch(tech, wo.service, { action: 'parts', parts }))).parts).toEqual(parts);
    const before = await expectJson(await tech.get(`/api/work-orders/${wo.service}`));
    expect(before.alerts.map((a: { id: string; clearedAt: null }) => [a.id, a.clearedAt])).toEqual(
      expect.arrayContaining([[linked.id, null], [sameRule.id, null]]),
    );

    const d = await expectJson(await patch(tech, wo.service, { action: 'resolve', notes: 'Servis berkala selesai; rem disetel.' }));
    expect(d).toMatchObject({ status: 'resolved', resolutionNotes: 'Servis berkala selesai; rem disetel.', parts });
    expect(Date.now() - Date.parse(d.resolvedAt)).toBeLessThan(60_000);
    const cleared = new Map(d.alerts.map((a: { id: string; clearedAt: string | null }) => [a.id, a.clearedAt]));
    expect(cleared.get(linked.id)).toBe(d.resolvedAt);
    expect(cleared.get(sameRule.id)).toBe(d.resolvedAt);
    const still = await h.db.prisma.alert.findMany({ where: { id: { in: [unrelated.id, otherChairSameRule.id] } } });
    expect(still.map((a) => a.clearedAt)).toEqual([null, null]);
    const open = (await expectJson(await tech.get('/api/alerts'))).items.map((a: { id: string }) => a.id);
    expect(open).not.toContain(linked.id);
    expect(open).toContain(unrelated.id);

    const device = await h.db.prisma.device.findUniqueOrThrow({ where: { id: fajar } });
    expect(device.lastServiceAt?.toISOString()).toBe(d.resolvedAt);
    expect(device.lastServiceOdometerM).toBe(512_340 + 11 * 100);
    const chair = await expectJson(await tech.get(`/api/devices/${fajar}`));
    expect(chair.service).toMatchObject({ lastServiceAt: d.resolvedAt, kmSinceService: 0, due: false });

    const audits = await h.db.prisma.auditLog.findMany({ where: { entityType: 'WorkOrder', entityId: wo.service }, orderBy: { at: 'asc' } });
    expect(audits.map((a) => a.action)).toEqual(['work_order.assign', 'work_order.schedule', 'work_order.start', 'work_order.parts', 'work_order.resolve']);
    expect(JSON.parse(audits.at(-1)!.details!)).toMatchObject({ from: 'in_progress', to: 'resolved', clearedAlerts: 2, deviceFields: ['lastServiceAt', 'lastServiceOdometerM'] });
  });

  it('a resolved battery replacement starts the new battery\'s life; starting from assigned skips scheduling', async () => {
    await expectJson(await patch(tech, wo.battery, { action: 'assign', assigneeId: world.user.technicianA }));
    await expectJson(await patch(tech, wo.battery, { action: 'start' }));
    const d = await expectJson(await patch(tech, wo.battery, { action: 'resolve', notes: 'Aki diganti.', parts: [{ name: 'Baterai LiFePO4 24V 20Ah', quantity: 1 }] }));
    const device = await h.db.prisma.device.findUniqueOrThrow({ where: { id: fajar } });
    expect(device.batteryInstalledAt?.toISOString()).toBe(d.resolvedAt);
    expect(d.alerts.every((a: { clearedAt: string | null }) => a.clearedAt === d.resolvedAt)).toBe(true);
  });

  it('follows a family report: starting and resolving its work order moves the report too', async () => {
    await expectJson(await patch(manager, wo.report, { action: 'assign', assigneeId: world.user.technicianA }));
    await expectJson(await patch(tech, wo.report, { action: 'start' }));
    expect((await h.db.prisma.issueReport.findUniqueOrThrow({ where: { id: reportId } })).status).toBe('in_progress');
    await expectJson(await patch(tech, wo.report, { action: 'resolve', notes: 'Baut roda dikencangkan.' }));
    expect((await h.db.prisma.issueReport.findUniqueOrThrow({ where: { id: reportId } })).status).toBe('resolved');
    expect((await list(familyA1, '?status=resolved')).items.map((w) => w.id)).toEqual([wo.report]);
  });
});

describe('PATCH /api/work-orders/{id}: illegal moves and bad input', () => {
  it('answers 409 for moves the state machine does not allow, and changes nothing', async () => {
    await expectError(await patch(tech, wo.fault, { action: 'start' }), 409);
    await expectError(await patch(tech, wo.fault, { action: 'schedule', scheduledAt: new Date(Date.now() + HOUR).toISOString(), location: 'centre' }), 409);
    await expectError(await patch(tech, wo.fault, { action: 'resolve', notes: 'x' }), 409);
    await expectError(await patch(tech, wo.fault, { action: 'parts', parts: [] }), 409);
    expect(await statusOf(wo.fault)).toBe('open');
    await expectJson(await patch(tech, wo.fault, { action: 'assign', assigneeId: world.user.technicianA }));
    await expectError(await patch(tech, wo.fault, { action: 'resolve', notes: 'x' }), 409);
    expect(await statusOf(wo.fault)).toBe('assigned');
    for (const action of [{ action: 'start' }, { action: 'cancel', reason: 'x' }, { action: 'assign', assigneeId: world.user.technicianA }]) {
      await expectError(await patch(tech, wo.done, action), 409);
    }
    expect(await statusOf(wo.done)).toBe('resolved');
  });

  it('cancels with a reason, leaving the alerts open; a cancelled work order stays cancelled', async () => {
    const alert = await ruleAlert(h, { centreId: world.centreA, deviceId: dimas, kind: 'controller_fault', severity: 'critical', workOrderId: wo.fault });
    const d = await expectJson(await patch(tech, wo.fault, { action: 'cancel', reason: 'Kode gangguan palsu; pengendali diganti garansi.' }));
    expect(d).toMatchObject({ status: 'cancelled', resolutionNotes: 'Kode gangguan palsu; pengendali diganti garansi.', resolvedAt: null });
    expect((await h.db.prisma.alert.findUniqueOrThrow({ where: { id: alert.id } })).clearedAt).toBeNull();
    await expectError(await patch(tech, wo.fault, { action: 'cancel', reason: 'again' }), 409);
  });

  it('answers 422 for unknown actions and incomplete bodies', async () => {
    await expectInvalid(await patch(tech, wo.followUp, { action: 'teleport' }), ['action']);
    await expectInvalid(await patch(tech, wo.followUp, { action: 'resolve' }), ['notes']);
    await expectInvalid(await patch(tech, wo.followUp, { action: 'schedule', scheduledAt: 'tomorrow', location: 'home' }), ['scheduledAt']);
    await expectInvalid(await patch(tech, wo.followUp, { action: 'parts', parts: [{ name: 'Ban', quantity: 0 }] }), ['parts', 0, 'quantity']);
    await expectInvalid(await patch(tech, wo.followUp, { action: 'assign' }), ['assigneeId']);
    expect(await statusOf(wo.followUp)).toBe('open');
  });

  it('therapists work follow-ups (and may take them), not workshop repairs; others\' work orders are not found', async () => {
    await expectError(await patch(therapist, wo.report, { action: 'cancel', reason: 'x' }), 403);
    const d = await expectJson(await patch(therapist, wo.followUp, { action: 'assign', assigneeId: world.user.therapistA }));
    expect(d.assignee.id).toBe(world.user.therapistA);
    await expectError(await patch(tech, wo.otherCentre, { action: 'assign', assigneeId: world.user.technicianA }), 404);
    await expectError(await patch(familyA1, wo.report, { action: 'cancel', reason: 'x' }), 403);
  });
});
