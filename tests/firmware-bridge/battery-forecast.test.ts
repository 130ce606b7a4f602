// Battery life per battery, on a real database: a battery wearing normally gets a planned
// replacement work order the lead time before its forecast crosses 70 %; when it is replaced
// mid-series the forecast restarts (and says it needs more days) instead of inheriting the decline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RulesEngine } from '../../firmware-bridge/src/rules/engine.ts';
import { defaultThresholds } from '../../schemas/maintenance-rules.ts';
import { commitSeries, fleetStore } from '../helpers/fleet-fixture.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

const DAY = 86_400_000;
let h: Harness;
let chair: { id: string; ratedAh: number };
let now = Date.UTC(2026, 11, 3, 8);

beforeAll(async () => {
  h = await createHarness();
  const d = await h.db.prisma.device.findFirstOrThrow({
    where: { status: 'in_use', mqttSecretHash: { not: null }, model: { ratedAh: { not: null } } },
    include: { model: true },
    orderBy: { serial: 'desc' },
  });
  chair = { id: d.id, ratedAh: d.model.ratedAh! };
});
afterAll(() => h.close());

const engine = () => new RulesEngine({ prisma: h.db.prisma, telemetry: fleetStore(h), now: () => now });
const wearOrders = () => h.db.prisma.workOrder.findMany({ where: { deviceId: chair.id, rule: 'battery_wear', status: { notIn: ['resolved', 'cancelled'] } } });
const forecastOf = async () =>
  JSON.parse((await h.db.prisma.ruleState.findUniqueOrThrow({ where: { deviceId_rule: { deviceId: chair.id, rule: 'battery_wear' } } })).data).forecast;

describe('battery wear forecast', () => {
  it('orders a battery the lead time before the forecast crosses the limit, while capacity is still fine', async () => {
    // 90 days falling 0.2 %/day to 78 % now: 70 % in 40 days, inside the 60-day lead time.
    await commitSeries(fleetStore(h), chair.id, {
      bootId: 'old-battery', from: now - 90 * DAY, to: now - 60_000, everyMs: DAY / 4,
      at: (i, ts) => ({ socPct: 80, fullChargeAh: (chair.ratedAh * (78 - (0.2 * (ts - now)) / DAY)) / 100, cycleCount: 200 + i, odometerM: i * 100, motorSeconds: i * 60 }),
    });
    await engine().evaluate([chair.id]);
    const [order] = await wearOrders();
    expect(order).toMatchObject({ kind: 'battery_replacement', priority: 'normal' });
    expect(JSON.parse(order!.details!)).toMatchObject({ reason: 'forecast', leadDays: defaultThresholds.wearLeadDays });
    expect(Math.abs(order!.forecastAt!.getTime() - (now + 40 * DAY))).toBeLessThan(DAY);
    const f = await forecastOf();
    expect(f).toMatchObject({ needsDays: 0, poorFit: false });
    expect(f.points).toBeUndefined(); // the state keeps the line only; the list reads it for every chair
  });

  it('restarts with a new battery: the old points are ignored and it asks for more days', async () => {
    await h.db.prisma.workOrder.updateMany({ where: { deviceId: chair.id, rule: 'battery_wear' }, data: { status: 'resolved', resolvedAt: new Date(now) } });
    await h.db.prisma.device.update({ where: { id: chair.id }, data: { batteryInstalledAt: new Date(now) } });
    await commitSeries(fleetStore(h), chair.id, {
      bootId: 'new-battery', from: now + DAY / 4, to: now + 2 * DAY, everyMs: DAY / 4,
      at: (i) => ({ socPct: 90, fullChargeAh: chair.ratedAh * 0.99, cycleCount: 1 + i, odometerM: 100_000 + i * 100, motorSeconds: 100_000 + i * 60 }),
    });
    now += 2 * DAY + 60_000;
    await engine().evaluate([chair.id]);
    const f = await forecastOf();
    expect(f.crossAt).toBeNull();
    expect(f.needsDays).toBe(defaultThresholds.wearForecastMinDays - 3); // points on 3 days so far
    expect(await wearOrders()).toHaveLength(0);

    // The chair page says the same, with only the new battery's points.
    const tech = await h.as(h.user('technician', (await h.db.prisma.device.findUniqueOrThrow({ where: { id: chair.id }, include: { centre: true } })).centre.code).email);
    const res = await tech.get(`/api/devices/${chair.id}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { batteryForecast: { needsDays: number; points: { t: number; capacityPct: number }[] } };
    expect(body.batteryForecast.points.length).toBeGreaterThan(0);
    expect(body.batteryForecast.points.every((p) => p.capacityPct > 98)).toBe(true);
  });
});
