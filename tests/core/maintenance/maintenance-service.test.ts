// The maintenance service on a real database: one list of open statuses for people and rules, the
// rules' clear and a person's resolve through the same service, per-rule behaviour from outcome data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkMove, clearWorkOrder, MoveRefused } from '../../../core/maintenance/maintenance.service.ts';
import { applyRuleOutcome, openRuleWorkOrder } from '../../../core/maintenance/rule-outcome.ts';
import type { Outcome } from '../../../core/maintenance/outcome.ts';
import { RulesEngine } from '../../../firmware-bridge/src/rules/engine.ts';
import { type ChairSnapshot, rules } from '../../../firmware-bridge/src/rules/rules.ts';
import { defaultThresholds as defaultT } from '../../../schemas/maintenance-rules.ts';
import { activeStatuses, clearMove, WorkOrderStatus, workOrderMoves } from '../../../schemas/work-orders.ts';
import { expectError, expectJson } from '../../helpers/api.ts';
import { ruleAlert, ruleWorkOrder } from '../../helpers/fleet-fixture.ts';
import { type Client, createHarness, type Harness } from '../../helpers/harness.ts';
import { EMAIL, loadWorld, type World } from '../../helpers/world.ts';
import { inTx, judgedChairs, silentChairBack } from './maintenance-fixture.ts';

let h: Harness;
let world: World;
let tech: Client;
let chairs: { id: string; centreId: string }[];

beforeAll(async () => {
  h = await createHarness();
  world = await loadWorld(h);
  tech = await h.as(EMAIL.technicianA);
  chairs = await judgedChairs(h, world.centreA);
  expect(chairs.length).toBeGreaterThanOrEqual(3);
});
afterAll(() => h.close());

const row = (id: string) => h.db.prisma.workOrder.findUniqueOrThrow({ where: { id } });
const auditsOf = (id: string) => h.db.prisma.auditLog.findMany({ where: { entityType: 'WorkOrder', entityId: id }, orderBy: { at: 'asc' } });
const workOrder: NonNullable<Outcome['workOrder']> = { kind: 'repair', priority: 'normal', details: { probe: 1 } };

describe('one definition of the open statuses', () => {
  it('the people\'s moves from any open status and the rules\' clear are the one list of schemas/work-orders.ts', () => {
    expect(workOrderMoves.assign.from).toBe(activeStatuses);
    expect(workOrderMoves.cancel.from).toBe(activeStatuses);
    expect(clearMove.from).toBe(activeStatuses);
  });

  it('for every status, the rules see an open work order, the queue lists it as active, and cancel and clear are legal exactly when it is open', async () => {
    const chair = chairs[0]!;
    for (const status of WorkOrderStatus.options) {
      const rule = `probe_${status}`;
      const w = await ruleWorkOrder(h, { centreId: chair.centreId, deviceId: chair.id, rule, kind: 'check_in' });
      await h.db.prisma.workOrder.update({ where: { id: w.id }, data: { status } });
      const open = (activeStatuses as readonly string[]).includes(status);

      // The rules' lookup of the one open work order per chair and rule.
      expect((await inTx(h, (l) => openRuleWorkOrder(l, chair.id, rule)))?.id ?? null).toBe(open ? w.id : null);
      // The queue's `active` filter.
      const queue = await expectJson(await tech.get(`/api/work-orders?status=active&deviceId=${chair.id}&limit=100`));
      expect(queue.items.map((x: { id: string }) => x.id).includes(w.id)).toBe(open);
      // A person's cancel, and the rules' clear.
      if (open) expect(checkMove('cancel', status)).toBe('cancelled');
      else expect(() => checkMove('cancel', status)).toThrow(MoveRefused);
      const cleared = inTx(h, async (l) => clearWorkOrder(l, await row(w.id)));
      if (open) await expect(cleared).resolves.toMatchObject({ from: status, to: 'resolved' });
      else await expect(cleared).rejects.toBeInstanceOf(MoveRefused);
    }
  });
});

describe('a rule-cleared and a person-resolved work order go through the same service', () => {
  it('both resolve, clear the alert the work order answers and write the same shape of audit row; only the rules may do it from assigned', async () => {
    const [, byRule, byPerson] = chairs as [unknown, { id: string; centreId: string }, { id: string; centreId: string }];
    // The rules: the silent chair reports again while its check-in is only assigned.
    const silent = await silentChairBack(h, byRule, 'assigned', 'maint-same');
    const summary = await new RulesEngine({ prisma: h.db.prisma, raw: h.db.raw }).evaluate([byRule.id]);
    expect(summary.cleared).toContainEqual({ deviceId: byRule.id, rule: 'silent_chair' });

    // A person: a repair work order with its alert, resolved over HTTP once in progress.
    const w = await ruleWorkOrder(h, { centreId: byPerson.centreId, deviceId: byPerson.id, rule: 'controller_fault', kind: 'repair' });
    const alert = await ruleAlert(h, { centreId: byPerson.centreId, deviceId: byPerson.id, kind: 'controller_fault', severity: 'warning', workOrderId: w.id });
    await expectJson(await tech.patch(`/api/work-orders/${w.id}`, { action: 'assign', assigneeId: world.user.technicianA }));
    // The people's machine: resolving needs the work started.
    await expectError(await tech.patch(`/api/work-orders/${w.id}`, { action: 'resolve', notes: 'Selesai.' }), 409);
    await expectJson(await tech.patch(`/api/work-orders/${w.id}`, { action: 'start' }));
    await expectJson(await tech.patch(`/api/work-orders/${w.id}`, { action: 'resolve', notes: 'Kabel motor diganti.' }));

    for (const [id, alertId] of [[silent.workOrderId, silent.alertId], [w.id, alert.id]] as const) {
      const done = await row(id);
      expect(done.status).toBe('resolved');
      const a = await h.db.prisma.alert.findUniqueOrThrow({ where: { id: alertId } });
      expect(a.clearedAt?.getTime()).toBe(done.resolvedAt?.getTime());
    }
    const [clear] = await auditsOf(silent.workOrderId);
    expect(clear).toMatchObject({ action: 'work_order.clear', actorRole: 'system', actorId: null });
    expect(JSON.parse(clear!.details!)).toMatchObject({ from: 'assigned', to: 'resolved', rule: 'silent_chair' });
    const resolve = (await auditsOf(w.id)).at(-1)!;
    expect(resolve).toMatchObject({ action: 'work_order.resolve', actorId: world.user.technicianA });
    expect(JSON.parse(resolve.details!)).toMatchObject({ from: 'in_progress', to: 'resolved', clearedAlerts: 1 });
    expect(JSON.parse((await row(silent.workOrderId)).details!)).toEqual({ autoResolved: 'condition_cleared' });
  });
});

describe('what differs per rule is data on its outcome', () => {
  const cleared = (deviceId: string, centreId: string, rule: string, outcome: Outcome) =>
    inTx(h, (l) => applyRuleOutcome(l, { chair: { deviceId, centreId, beneficiaryId: null }, rule, was: true, is: false, outcome, quietMs: 0 }));
  const holding = (deviceId: string, centreId: string, rule: string, outcome: Outcome) =>
    inTx(h, (l) => applyRuleOutcome(l, { chair: { deviceId, centreId, beneficiaryId: null }, rule, was: true, is: true, outcome, quietMs: 0 }));

  it('autoResolve closes the work order of whichever rule carries it, and of no rule that does not', async () => {
    const chair = chairs[2]!;
    // Named like the check-in rule, but its outcome does not ask: the work order stays.
    const kept = await ruleWorkOrder(h, { centreId: chair.centreId, deviceId: chair.id, rule: 'silent_chair', kind: 'check_in' });
    await cleared(chair.id, chair.centreId, 'silent_chair', { workOrder });
    expect((await row(kept.id)).status).toBe('open');
    // Any other rule whose outcome asks: cleared, from scheduled, audited as the rules' clear.
    const gone = await ruleWorkOrder(h, { centreId: chair.centreId, deviceId: chair.id, rule: 'made_up_rule', kind: 'repair' });
    await h.db.prisma.workOrder.update({ where: { id: gone.id }, data: { status: 'scheduled' } });
    await cleared(chair.id, chair.centreId, 'made_up_rule', { workOrder, autoResolve: true });
    expect(await row(gone.id)).toMatchObject({ status: 'resolved' });
    expect((await auditsOf(gone.id)).map((a) => a.action)).toEqual(['work_order.clear']);
  });

  it('refresh keeps a pending work order\'s forecast current for whichever rule carries it', async () => {
    const chair = chairs[2]!;
    const forecastAt = '2027-03-01T00:00:00.000Z';
    // Named like the wear rule, no refresh asked: untouched.
    const still = await ruleWorkOrder(h, { centreId: chair.centreId, deviceId: chair.id, rule: 'battery_wear', kind: 'battery_replacement', details: { old: true } });
    await holding(chair.id, chair.centreId, 'battery_wear', { workOrder: { ...workOrder, forecastAt } });
    expect(await row(still.id)).toMatchObject({ forecastAt: null, details: '{"old":true}' });
    // Another rule that asks: follows the outcome, and writes no audit row (not a move).
    const follows = await ruleWorkOrder(h, { centreId: chair.centreId, deviceId: chair.id, rule: 'over_temperature', kind: 'repair' });
    await holding(chair.id, chair.centreId, 'over_temperature', { workOrder: { ...workOrder, forecastAt, refresh: true } });
    expect((await row(follows.id)).forecastAt?.toISOString()).toBe(forecastAt);
    expect(JSON.parse((await row(follows.id)).details!)).toEqual({ probe: 1 });
    expect(await auditsOf(follows.id)).toEqual([]);
  });

  it('the rules declare their differences as data: check-in resolves itself, wear refreshes, deep discharge follows its episodes', () => {
    const flagged = (pick: (r: (typeof rules)[number]) => unknown) => rules.filter(pick).map((r) => r.key);
    expect(flagged((r) => r.keepsDischargeTrack)).toEqual(['deep_discharge']);
    const outcomes = Object.fromEntries(
      rules.map((r) => [r.key, r.evaluate(emptyChair(), { active: false, since: null, data: {} }, { now: Date.now(), t: defaultT, states: new Map() }).outcome]),
    );
    expect(Object.keys(outcomes).filter((k) => outcomes[k]!.autoResolve)).toEqual(['silent_chair']);
    expect(Object.keys(outcomes).filter((k) => outcomes[k]!.workOrder?.refresh)).toEqual(['battery_wear']);
    expect(Object.keys(outcomes).filter((k) => outcomes[k]!.alert?.follows === 'episode')).toEqual(['deep_discharge']);
  });
});

function emptyChair(): ChairSnapshot {
  return {
    deviceId: 'probe', status: 'in_use', model: { ratedAh: 20, ratedCycles: 800, serviceIntervalKm: null, serviceIntervalMonths: 12 }, state: null,
    deliveredAt: null, batteryInstalledAt: null, serviceSince: null, serviceOdometerM: null, dailyMotorSeconds: [], capacityPoints: [],
  };
}
