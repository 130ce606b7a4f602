// The deep-discharge replay and raw retention: once raw samples before the horizon are deleted, a
// backlog from before it must not make the rules forget an episode they judged while the samples
// were there (the replay starts no earlier than the horizon).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rawHorizon, runRetention } from '../../core/telemetry/retention.ts';
import { SqliteRawPruner } from '../../core/telemetry/sqlite-retention.ts';
import { SqliteTelemetryStore } from '../../core/telemetry/sqlite-telemetry-store.ts';
import type { DischargeTrack } from '../../firmware-bridge/src/rules/discharge.ts';
import { RulesEngine } from '../../firmware-bridge/src/rules/engine.ts';
import type { TelemetryV1 } from '../../schemas/telemetry.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MIN = 60_000;
let h: Harness;
let now = Date.UTC(2026, 11, 1, 8);
let store: SqliteTelemetryStore;
let chairId: string;
let seq = 0;

beforeAll(async () => {
  h = await createHarness();
  store = new SqliteTelemetryStore(h.db.raw, { now: () => now });
  chairId = (await h.db.prisma.device.findFirstOrThrow({ where: { status: 'in_use', mqttSecretHash: { not: null } }, orderBy: { serial: 'asc' } })).id;
});
afterAll(() => h.close());

const evaluate = (rawDays: number) => new RulesEngine({ prisma: h.db.prisma, telemetry: store, now: () => now, rawDays }).evaluate([chairId]);

function send(socPct: number, ts: number, bootId: string) {
  const sample: TelemetryV1 = {
    v: 1, bootId, seq: seq++, ts,
    battery: { socPct, voltageV: 24, currentA: -3, tempC: 30, charging: false, cycleCount: 100, fullChargeAh: 18.5 },
    usage: { odometerM: 100_000 + seq * 50, motorSeconds: 50_000 + seq * 40 },
  };
  store.commit({ samples: [{ deviceId: chairId, sample, receivedAt: now }], rejections: [], statuses: [] });
}

const episodeStarts = async () => {
  const row = await h.db.prisma.ruleState.findUnique({ where: { deviceId_rule: { deviceId: chairId, rule: 'deep_discharge' } } });
  return ((JSON.parse(row?.data ?? '{}').track as DischargeTrack | undefined)?.episodes ?? []).map((e) => e.start);
};

it('keeps an episode judged before the horizon when a backlog from before the horizon arrives after retention', async () => {
  for (let i = 0; i < 30; i++) {
    now += MIN;
    send(80, now, 'live');
  }
  await evaluate(30);
  // A backlog from 40 days ago: an hour-long deep discharge, judged while its raw samples exist.
  const episodeAt = now - 40 * DAY;
  send(15, episodeAt, 'old-a');
  send(80, episodeAt + HOUR, 'old-a');
  await evaluate(90);
  expect(await episodeStarts()).toContain(episodeAt);

  // Retention at 30 days deletes those samples; then an even older one arrives.
  const run = await runRetention(new SqliteRawPruner(h.db.raw), { horizon: rawHorizon(now, 30), pauseMs: 0 });
  expect(run.deleted).toBe(2);
  send(80, now - 45 * DAY, 'old-b');
  await evaluate(30);
  expect(await episodeStarts()).toContain(episodeAt);
});
