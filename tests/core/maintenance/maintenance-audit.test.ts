// Each lifecycle write and its audit row commit together: with a trigger that refuses every audit
// insert, the change is absent (HTTP moves and opening, triage, the rules raising and clearing);
// without it, the same write goes through.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openWorkOrder } from '../../../core/maintenance/maintenance.service.ts';
import { SqliteTelemetryStore } from '../../../core/telemetry/sqlite-telemetry-store.ts';
import { RulesEngine } from '../../../firmware-bridge/src/rules/engine.ts';
import { expectJson } from '../../helpers/api.ts';
import { ruleAlert, ruleWorkOrder, telemetrySample } from '../../helpers/fleet-fixture.ts';
import { type Client, createHarness, type Harness } from '../../helpers/harness.ts';
import { EMAIL, loadWorld, type World } from '../../helpers/world.ts';
import { inTx, judgedChairs, silentChairBack } from './maintenance-fixture.ts';

let h: Harness;
let world: World;
let tech: Client;
let family: Client;
let chairs: { id: string; centreId: string }[];

beforeAll(async () => {
  h = await createHarness();
  world = await loadWorld(h);
  // Signed in before any trigger: signing in is audited too.
  [tech, family] = await Promise.all([h.as(EMAIL.technicianA), h.as(EMAIL.familyA1)]);
  chairs = await judgedChairs(h, world.centreA);
});
afterAll(() => h.close());
afterEach(() => allowAudit());

const refuseAudit = () => h.db.raw.exec(`CREATE TRIGGER refuse_audit BEFORE INSERT ON AuditLog BEGIN SELECT RAISE(ABORT, 'x'); END`);
const allowAudit = () => h.db.raw.exec('DROP TRIGGER IF EXISTS refuse_audit');
const row = (id: string) => h.db.prisma.workOrder.findUniqueOrThrow({ where: { id } });
const engine = () => new RulesEngine({ prisma: h.db.prisma, raw: h.db.raw });

describe('a refused audit row undoes its lifecycle change', () => {
  it('the service itself: no work order without its create row', async () => {
    const description = `probe ${randomUUID()}`;
    const open = () => inTx(h, (l) => openWorkOrder(l, { centreId: world.centreA, deviceId: chairs[0]!.id, kind: 'repair', priority: 'normal', description }));
    refuseAudit();
    await expect(open()).rejects.toThrow(/x/);
    expect(await h.db.prisma.workOrder.count({ where: { description } })).toBe(0);
    allowAudit();
    await open();
    expect(await h.db.prisma.workOrder.count({ where: { description } })).toBe(1);
  });

  it('opening one by hand over HTTP', async () => {
    const description = `Rem ${randomUUID()}`;
    const body = { deviceId: chairs[0]!.id, kind: 'repair', description };
    refuseAudit();
    expect((await tech.post('/api/work-orders', body)).status).toBe(500);
    expect(await h.db.prisma.workOrder.count({ where: { description } })).toBe(0);
    allowAudit();
    await expectJson(await tech.post('/api/work-orders', body), 201);
  });

  it('resolving over HTTP: still in progress, its alert still open', async () => {
    const chair = chairs[0]!;
    const w = await ruleWorkOrder(h, { centreId: chair.centreId, deviceId: chair.id, rule: 'controller_fault', kind: 'repair' });
    const alert = await ruleAlert(h, { centreId: chair.centreId, deviceId: chair.id, kind: 'controller_fault', severity: 'warning', workOrderId: w.id });
    await h.db.prisma.workOrder.update({ where: { id: w.id }, data: { status: 'in_progress', assigneeId: world.user.technicianA } });
    const resolve = () => tech.patch(`/api/work-orders/${w.id}`, { action: 'resolve', notes: 'Selesai.' });
    refuseAudit();
    expect((await resolve()).status).toBe(500);
    expect(await row(w.id)).toMatchObject({ status: 'in_progress', resolvedAt: null, resolutionNotes: null });
    expect((await h.db.prisma.alert.findUniqueOrThrow({ where: { id: alert.id } })).clearedAt).toBeNull();
    allowAudit();
    expect((await expectJson(await resolve())).status).toBe('resolved');
  });

  it('triage into a work order: the report stays new, no work order', async () => {
    const r = await expectJson(await family.post('/api/reports', { clientRequestId: randomUUID(), beneficiaryId: world.beneficiaryOf.familyA1, category: 'brakes' }), 201);
    const triage = () => tech.post(`/api/reports/${r.id}/triage`, { outcome: 'work_order' });
    refuseAudit();
    expect((await triage()).status).toBe(500);
    expect((await h.db.prisma.issueReport.findUniqueOrThrow({ where: { id: r.id } })).status).toBe('new');
    expect(await h.db.prisma.workOrder.count({ where: { reportId: r.id } })).toBe(0);
    allowAudit();
    expect((await expectJson(await triage())).status).toBe('work_order');
    const actions = await h.db.prisma.auditLog.findMany({ where: { OR: [{ entityId: r.id, action: 'report.triage' }, { action: 'work_order.create', details: { contains: r.id } }] } });
    expect(actions.map((a) => a.action).sort()).toEqual(['report.triage', 'work_order.create']);
  });

  it('the rules raising: no work order, no alert, the rule not marked active', async () => {
    const chair = chairs[1]!;
    const now = Date.now();
    new SqliteTelemetryStore(h.db.raw, { now: () => now }).commit({
      samples: [{ deviceId: chair.id, sample: telemetrySample('maint-audit-raise', 1, now - 1000, { faults: [{ code: 'VR2-4', active: true }] }), receivedAt: now }],
      rejections: [], statuses: [],
    });
    const faultOrders = () => h.db.prisma.workOrder.count({ where: { deviceId: chair.id, rule: 'controller_fault' } });
    const faultAlerts = () => h.db.prisma.alert.count({ where: { deviceId: chair.id, kind: 'controller_fault' } });
    refuseAudit();
    await expect(engine().evaluate([chair.id])).rejects.toThrow(/x/);
    expect([await faultOrders(), await faultAlerts()]).toEqual([0, 0]);
    expect((await h.db.prisma.ruleState.findUnique({ where: { deviceId_rule: { deviceId: chair.id, rule: 'controller_fault' } } }))?.active ?? false).toBe(false);
    allowAudit();
    expect((await engine().evaluate([chair.id])).raised).toContainEqual({ deviceId: chair.id, rule: 'controller_fault' });
    expect([await faultOrders(), await faultAlerts()]).toEqual([1, 1]);
  });

  it('the rules clearing: the check-in stays open, its alert too', async () => {
    const chair = chairs[2]!;
    // Settle the chair's other rules first, so the clear is the only write that needs an audit row.
    await engine().evaluate([chair.id]);
    const silent = await silentChairBack(h, chair, 'open', 'maint-audit-clear');
    refuseAudit();
    await expect(engine().evaluate([chair.id])).rejects.toThrow(/x/);
    expect((await row(silent.workOrderId)).status).toBe('open');
    expect((await h.db.prisma.alert.findUniqueOrThrow({ where: { id: silent.alertId } })).clearedAt).toBeNull();
    allowAudit();
    expect((await engine().evaluate([chair.id])).cleared).toContainEqual({ deviceId: chair.id, rule: 'silent_chair' });
    expect((await row(silent.workOrderId)).status).toBe('resolved');
  });
});
