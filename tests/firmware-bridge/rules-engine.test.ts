// The rules engine on a real database under a fake clock: one open work order per chair and rule,
// alerts that clear with the condition, state that survives a restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RulesEngine } from '../../firmware-bridge/src/rules/engine.ts';
import { SqliteTelemetryStore } from '../../core/telemetry/sqlite-telemetry-store.ts';
import type { TelemetryV1 } from '../../schemas/telemetry.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

const DAY = 86_400_000;
let h: Harness;
let now = Date.UTC(2026, 10, 23, 8);
let store: SqliteTelemetryStore;
let chairId: string;
let seq = 0;

beforeAll(async () => {
  h = await createHarness();
  store = new SqliteTelemetryStore(h.db.raw, { now: () => now });
  const inUse = await h.db.prisma.device.findFirstOrThrow({ where: { status: 'in_use', mqttSecretHash: { not: null } }, orderBy: { serial: 'asc' } });
  chairId = inUse.id;
});
afterAll(() => h.close());

const engine = () => new RulesEngine({ prisma: h.db.prisma, telemetry: store, now: () => now });

async function send(battery: Partial<TelemetryV1['battery']> = {}, extra: Partial<TelemetryV1> = {}) {
  const sample: TelemetryV1 = {
    v: 1, bootId: 'rules-boot', seq: seq++, ts: now,
    battery: { socPct: 70, voltageV: 25.5, currentA: -3, tempC: 31, charging: false, cycleCount: 300, fullChargeAh: 18.5, ...battery },
    usage: { odometerM: 200_000 + seq * 50, motorSeconds: 80_000 + seq * 40 },
    ...extra,
  };
  await store.commit({ samples: [{ deviceId: chairId, sample, receivedAt: now }], rejections: [], statuses: [] });
}

const openOrders = (rule: string) => h.db.prisma.workOrder.findMany({ where: { deviceId: chairId, rule, status: { notIn: ['resolved', 'cancelled'] } } });
const openAlerts = (kind: string) => h.db.prisma.alert.findMany({ where: { deviceId: chairId, kind, clearedAt: null } });

describe('rules engine', () => {
  it('a fault raises one repair work order and alert, however often it is evaluated, across a restart', async () => {
    await send({}, { faults: [{ code: 'VR2-8', active: true }] });
    const first = await engine().evaluate([chairId]);
    expect(first.raised).toContainEqual({ deviceId: chairId, rule: 'controller_fault' });
    await engine().evaluate([chairId]);
    await engine().evaluate([chairId]);
    const orders = await openOrders('controller_fault');
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ kind: 'repair', category: 'motor', priority: 'high', status: 'open' });
    const alerts = await openAlerts('controller_fault');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.workOrderId).toBe(orders[0]!.id);
    expect(await h.db.prisma.auditLog.count({ where: { action: 'work_order.create', entityId: orders[0]!.id, actorRole: 'system' } })).toBe(1);
  });

  it('a resolved work order is not raised again while the condition lasts; it is once it clears and returns', async () => {
    const [order] = await openOrders('controller_fault');
    await h.db.prisma.workOrder.update({ where: { id: order!.id }, data: { status: 'resolved', resolvedAt: new Date(now) } });
    await engine().evaluate([chairId]);
    expect(await openOrders('controller_fault')).toHaveLength(0);

    await send({}, { faults: [{ code: 'VR2-8', active: false }] });
    const cleared = await engine().evaluate([chairId]);
    expect(cleared.cleared).toContainEqual({ deviceId: chairId, rule: 'controller_fault' });
    expect(await openAlerts('controller_fault')).toHaveLength(0);

    await send({}, { faults: [{ code: 'VR2-5', active: true }] });
    await engine().evaluate([chairId]);
    const again = await openOrders('controller_fault');
    expect(again).toHaveLength(1);
    expect(again[0]!.category).toBe('brake');
    await send({}, { faults: [] });
    await engine().evaluate([chairId]);
  });

  it('deep discharge and over-temperature alert and clear with hysteresis', async () => {
    await send({ socPct: 15, tempC: 55 });
    await engine().evaluate([chairId]);
    expect(await openAlerts('deep_discharge')).toHaveLength(1);
    expect((await openAlerts('over_temperature'))[0]!.severity).toBe('critical');
    await send({ socPct: 25, tempC: 47 });
    await engine().evaluate([chairId]);
    expect(await openAlerts('deep_discharge')).toHaveLength(1);
    expect(await openAlerts('over_temperature')).toHaveLength(1);
    await send({ socPct: 60, tempC: 40 });
    await engine().evaluate([chairId]);
    expect(await openAlerts('deep_discharge')).toHaveLength(0);
    expect(await openAlerts('over_temperature')).toHaveLength(0);
  });

  it('four deep discharges in a month order charging training', async () => {
    for (let i = 0; i < 3; i++) {
      now += 2 * DAY;
      await send({ socPct: 12 });
      await engine().evaluate([chairId]);
      await send({ socPct: 80, charging: true });
      await engine().evaluate([chairId]);
    }
    expect(await openOrders('charging_habits')).toHaveLength(1);
  });

  it('a worn battery gets a replacement order with a forecast from its capacity trend', async () => {
    for (let d = 0; d < 10; d++) {
      now += DAY;
      await send({ fullChargeAh: 15 - d * 0.2, cycleCount: 900 + d, socPct: 70 });
    }
    await engine().evaluate([chairId]);
    const [order] = await openOrders('battery_wear');
    expect(order).toBeTruthy();
    const details = JSON.parse(order!.details!);
    expect(details.capacityPct).toBeLessThan(70);
    expect(details.forecast.points.length).toBeGreaterThanOrEqual(5);
    expect(details.forecast.slopePctPerDay).toBeLessThan(0);
    expect(order!.forecastAt).toBeInstanceOf(Date);
  });

  it('a chair silent for a week gets a check-in task that resolves itself when it reports again', async () => {
    now += 8 * DAY;
    await engine().evaluateAll();
    const [task] = await openOrders('silent_chair');
    expect(task).toMatchObject({ kind: 'check_in' });
    await send();
    await engine().evaluate([chairId]);
    expect(await openOrders('silent_chair')).toHaveLength(0);
    const done = await h.db.prisma.workOrder.findUniqueOrThrow({ where: { id: task!.id } });
    expect(done.status).toBe('resolved');
    expect(JSON.parse(done.details!).autoResolved).toBe('condition_cleared');
  });
});
