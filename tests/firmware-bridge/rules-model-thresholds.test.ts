// A device model's own thresholds steer the rules and the fleet health words for its chairs: a model
// that treats 30 % as deep discharge fires at 25 % where the default (20 %) does not, a model that
// waits for 10 % stays quiet at 15 % where the default fires, and a change to a model's thresholds
// takes effect at the next evaluation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RulesEngine } from '../../firmware-bridge/src/rules/engine.ts';
import { SqliteTelemetryStore } from '../../core/telemetry/sqlite-telemetry-store.ts';
import { defaultThresholds } from '../../schemas/maintenance-rules.ts';
import type { TelemetryV1 } from '../../schemas/telemetry.ts';
import { expectJson, quickSession } from '../helpers/api.ts';
import { unique } from '../helpers/fixtures.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { EMAIL } from '../helpers/world.ts';

let h: Harness;
const now = Date.now();
let store: SqliteTelemetryStore;
let seq = 0;
/** Three chairs in use: one of a model that alarms early, one of a model that alarms late, one with the defaults. */
let early: string;
let late: string;
let plain: string;

async function modelLike(deviceId: string, thresholds: Record<string, number>) {
  const db = h.db.prisma;
  const d = await db.device.findUniqueOrThrow({ where: { id: deviceId }, include: { model: true } });
  const { id: _id, createdAt: _c, updatedAt: _u, name, ...fields } = d.model;
  const m = await db.deviceModel.create({ data: { ...fields, name: `${name} ${unique()}`, thresholds: JSON.stringify(thresholds) } });
  await db.device.update({ where: { id: deviceId }, data: { modelId: m.id } });
  return m.id;
}

beforeAll(async () => {
  h = await createHarness();
  store = new SqliteTelemetryStore(h.db.raw, { now: () => now });
  const chairs = await h.db.prisma.device.findMany({ where: { status: 'in_use', mqttSecretHash: { not: null } }, orderBy: { serial: 'asc' }, take: 3 });
  [early, late, plain] = chairs.map((c) => c.id) as [string, string, string];
  await modelLike(early, { deepDischargeSocPct: 30, deepDischargeClearSocPct: 40 });
  await modelLike(late, { deepDischargeSocPct: 10, deepDischargeClearSocPct: 20 });
});
afterAll(() => h.close());

async function send(deviceId: string, socPct: number) {
  const sample: TelemetryV1 = {
    v: 1, bootId: 'model-boot', seq: seq++, ts: now,
    battery: { socPct, voltageV: 24, currentA: -3, tempC: 30, charging: false, cycleCount: 100, fullChargeAh: 19 },
    usage: { odometerM: 100_000 + seq * 50, motorSeconds: 50_000 + seq * 40 },
  };
  await store.commit({ samples: [{ deviceId, sample, receivedAt: now }], rejections: [], statuses: [] });
}

const deepDischarge = (deviceId: string) => h.db.prisma.alert.count({ where: { deviceId, kind: 'deep_discharge', clearedAt: null } });
const engine = () => new RulesEngine({ prisma: h.db.prisma, telemetry: store, now: () => now, debounceMs: 1 });

describe('per-model thresholds', () => {
  it('deep discharge fires at the model\'s own threshold, not the default\'s', async () => {
    expect(defaultThresholds.deepDischargeSocPct).toBe(20);
    await send(early, 25);
    await send(plain, 25);
    await send(late, 15);
    const summary = await engine().evaluate([early, late, plain]);
    const raised = summary.raised.filter((r) => r.rule === 'deep_discharge').map((r) => r.deviceId);
    expect(raised).toEqual([early]);
    expect(await deepDischarge(early)).toBe(1);
    expect(await deepDischarge(plain)).toBe(0);
    expect(await deepDischarge(late)).toBe(0);
  });

  it('the hysteresis follows the model too: 35 % does not clear a model whose clear is 40 %', async () => {
    await send(early, 35);
    await engine().evaluate([early]);
    expect(await deepDischarge(early)).toBe(1);
    await send(early, 45);
    await engine().evaluate([early]);
    expect(await deepDischarge(early)).toBe(0);
  });

  it('a change to the model\'s thresholds applies at the next evaluation', async () => {
    const { modelId } = await h.db.prisma.device.findUniqueOrThrow({ where: { id: late } });
    await send(late, 15);
    await engine().evaluate([late]);
    expect(await deepDischarge(late)).toBe(0);
    await h.db.prisma.deviceModel.update({ where: { id: modelId }, data: { thresholds: null } });
    await send(late, 14);
    await engine().evaluate([late]);
    expect(await deepDischarge(late)).toBe(1);
  });

  it('the fleet health words use the model\'s thresholds: low charge at 25 % only for the early model', async () => {
    await send(early, 25);
    await send(plain, 25);
    const admin = await quickSession(h, EMAIL.admin);
    const reasons = async (id: string) => (await expectJson(await admin.get(`/api/devices/${id}`))).riskReasons as string[];
    expect(await reasons(early)).toContain('low_charge');
    expect(await reasons(plain)).not.toContain('low_charge');
  });
});
