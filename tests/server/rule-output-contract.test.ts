// Every value the maintenance rules can write (each fault code, each rule, each category) reads back
// through the API and passes the shared response schemas the web app checks answers with, so a
// list the bridge extends on its own can never take the work-order queue down again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RulesEngine } from '../../firmware-bridge/src/rules/engine.ts';
import { defaultThresholds, rules } from '../../firmware-bridge/src/rules/rules.ts';
import { SqliteTelemetryStore } from '../../core/telemetry/sqlite-telemetry-store.ts';
import type { TelemetryV1 } from '../../schemas/telemetry.ts';
import {
  AlertList, FaultCategory, faultCategory, faultCodeCategories, MaintenanceRule, WorkOrderDetail, WorkOrderKind, WorkOrderList,
} from '../../schemas/work-orders.ts';
import { expectJson } from '../helpers/api.ts';
import { deviceOf } from '../helpers/fleet-fixture.ts';
import { type Client, createHarness, type Harness } from '../helpers/harness.ts';
import { EMAIL } from '../helpers/world.ts';

const DAY = 86_400_000;
let h: Harness;
let tech: Client;
let store: SqliteTelemetryStore;
let chairId: string;
let now = Date.now();
let seq = 0;

beforeAll(async () => {
  h = await createHarness();
  tech = await h.as(EMAIL.technicianA);
  store = new SqliteTelemetryStore(h.db.raw, { now: () => now });
  chairId = (await deviceOf(h, 'Muhammad Fajar Nugroho')).id;
});
afterAll(() => h.close());

const engine = () => new RulesEngine({ prisma: h.db.prisma, telemetry: store, now: () => now });

async function send(faults: TelemetryV1['faults'] = [], battery: Partial<TelemetryV1['battery']> = {}) {
  now += 60_000;
  const sample: TelemetryV1 = {
    v: 1, bootId: 'contract-boot', seq: seq++, ts: now,
    battery: { socPct: 70, voltageV: 25.5, currentA: -3, tempC: 31, charging: false, cycleCount: 300, fullChargeAh: 18.5, ...battery },
    usage: { odometerM: 200_000 + seq * 50, motorSeconds: 80_000 + seq * 40 },
    faults,
  };
  await store.commit({ samples: [{ deviceId: chairId, sample, receivedAt: now }], rejections: [], statuses: [] });
}

/** The queue and alert list exactly as the web app reads them: the shared schemas, strictly. */
async function readBack() {
  const list = await expectJson(await tech.get(`/api/work-orders?deviceId=${chairId}&status=all&pageSize=100`));
  const parsedList = WorkOrderList.safeParse(list);
  expect(parsedList.error?.issues ?? []).toEqual([]);
  for (const item of parsedList.data!.items) {
    const detail = WorkOrderDetail.safeParse(await expectJson(await tech.get(`/api/work-orders/${item.id}`)));
    expect(detail.error?.issues ?? []).toEqual([]);
  }
  const alerts = AlertList.safeParse(await expectJson(await tech.get(`/api/alerts?deviceId=${chairId}&status=all&pageSize=100`)));
  expect(alerts.error?.issues ?? []).toEqual([]);
  return parsedList.data!.items;
}

describe('what the rules write, the shared schemas accept', () => {
  it('every rule key is a MaintenanceRule and every work-order kind and category it can emit is in the shared lists', () => {
    expect(rules.map((r) => r.key).sort()).toEqual([...MaintenanceRule.options].sort());
    for (const code of [...Object.keys(faultCodeCategories), 'XYZ-99', 'vr2-9']) {
      expect(FaultCategory.options).toContain(faultCategory(code));
    }
    // Every rule's outcome, evaluated on a chair that trips it, names a shared kind and category.
    for (const rule of rules) {
      const { outcome } = rule.evaluate(
        {
          deviceId: chairId, status: 'in_use', model: { ratedAh: 20, ratedCycles: 10, serviceIntervalKm: 1, serviceIntervalMonths: 1 },
          state: { socPct: 5, charging: false, tempC: 80, cycleCount: 400, fullChargeAh: 5, odometerM: 10_000, faults: [{ code: 'NEW-CODE', active: true }], receivedAt: now - 30 * DAY, ts: now - 30 * DAY, rawId: 1 },
          deliveredAt: now - 90 * DAY, batteryInstalledAt: null, serviceSince: now - 90 * DAY, serviceOdometerM: 0, dailyMotorSeconds: Array(14).fill(0), capacityPoints: [],
        },
        { active: false, since: null, data: { events: [1, 2, 3, 4].map((d) => now - d * DAY) } },
        { now, t: defaultThresholds, states: new Map([['deep_discharge', { active: true, since: now, data: { events: [1, 2, 3, 4].map((d) => now - d * DAY) } }]]) },
      );
      if (outcome.workOrder) {
        expect(WorkOrderKind.options).toContain(outcome.workOrder.kind);
        if (outcome.workOrder.category !== undefined) expect(FaultCategory.options).toContain(outcome.workOrder.category);
      }
    }
  });

  it('a chair reporting each known fault code, and an unknown one, leaves a queue the web app can read', async () => {
    const codes = [...Object.keys(faultCodeCategories), 'ZZ-404'];
    for (const code of codes) {
      await send([{ code, active: true }]);
      await engine().evaluate([chairId]);
      const items = await readBack();
      const open = items.find((w) => w.rule === 'controller_fault' && w.status === 'open');
      expect(open?.category).toBe(faultCategory(code));
      // Resolve it so the next code opens a fresh work order with its own category.
      await h.db.prisma.workOrder.update({ where: { id: open!.id }, data: { status: 'resolved', resolvedAt: new Date(now) } });
      await send([]);
      await engine().evaluate([chairId]);
    }
    const categories = new Set((await readBack()).filter((w) => w.rule === 'controller_fault').map((w) => w.category));
    expect(categories).toEqual(new Set(codes.map(faultCategory)));
    expect(categories.has('other')).toBe(true);
  });
});
