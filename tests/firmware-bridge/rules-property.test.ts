// Property-based: random per-chair series (charge hovering at the thresholds, the charger flag and
// fault codes flipping, stretches offline whose backlog is resent out of order and duplicated,
// chair reboots and engine restarts) fed through the real store and rules engine under a fake clock. Invariants: at
// most one open alert per rule, no live alert or notice from a sample outside the freshness window,
// the episodes counted are the true episodes of the series, notices per chair and day are capped.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DischargeTrack } from '../../firmware-bridge/src/rules/discharge.ts';
import { RulesEngine } from '../../firmware-bridge/src/rules/engine.ts';
import { SqliteTelemetryStore } from '../../core/telemetry/sqlite-telemetry-store.ts';
import { defaultThresholds as t } from '../../schemas/maintenance-rules.ts';
import type { TelemetryV1 } from '../../schemas/telemetry.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

const MIN = 60_000;
let h: Harness;
let chairId: string;
let family: string[];

beforeAll(async () => {
  h = await createHarness();
  const chair = await h.db.prisma.device.findFirstOrThrow({
    where: { status: 'in_use', mqttSecretHash: { not: null }, beneficiary: { familyLinks: { some: {} } } },
    include: { beneficiary: { include: { familyLinks: true } } },
    orderBy: { serial: 'asc' },
  });
  chairId = chair.id;
  family = chair.beneficiary!.familyLinks.map((l) => l.userId);
});
afterAll(() => h.close());

/** Forgets everything about the chair, so each run starts from a chair that never reported. */
async function reset() {
  const key = (h.db.raw.prepare('SELECT key FROM chair_state WHERE deviceId = ?').get(chairId) as { key: number } | undefined)?.key;
  if (key !== undefined) {
    for (const sql of ['DELETE FROM telemetry_raw WHERE device_key = ?', 'DELETE FROM telemetry_hourly WHERE device_key = ?', 'DELETE FROM chair_boot WHERE deviceKey = ?', 'DELETE FROM chair_state WHERE key = ?']) {
      h.db.raw.prepare(sql).run(key);
    }
  }
  const p = h.db.prisma;
  await p.alert.deleteMany({ where: { deviceId: chairId } });
  await p.workOrder.deleteMany({ where: { deviceId: chairId } });
  await p.ruleState.deleteMany({ where: { deviceId: chairId } });
  await p.notification.deleteMany({ where: { kind: 'deep_discharge' } });
  await p.webhookDelivery.deleteMany({});
}

interface Sample { ts: number; boot: string; seq: number; socPct: number; charging: boolean; fault: boolean }

/** The episodes of a series, restated from docs/maintenance-rules.md without the engine's code. */
function trueEpisodes(series: Sample[]): number[] {
  const starts: number[] = [];
  let open = false;
  let end: number | null = null;
  let chargingSince: number | null = null;
  for (const s of series) {
    if (s.socPct < t.deepDischargeSocPct && !s.charging) {
      chargingSince = null;
      if (!open && !(end !== null && s.ts - end < t.quietMinutes * MIN)) starts.push(s.ts);
      open = true;
      continue;
    }
    if (!open) continue;
    const chargedLongEnough = s.charging && s.ts - (chargingSince ??= s.ts) >= t.deepDischargeChargingClearMinutes * MIN;
    if (!s.charging) chargingSince = null;
    if (s.socPct >= t.deepDischargeClearSocPct || chargedLongEnough) {
      open = false;
      end = s.ts;
      chargingSince = null;
    }
  }
  return starts;
}

const step = fc.record({
  dtSec: fc.oneof(fc.integer({ min: 5, max: 90 }), fc.integer({ min: 90, max: 20 * 60 })),
  socPct: fc.constantFrom(8, 15, 18, 19.9, 20, 22, 25, 29.9, 30, 31, 60, 95),
  charging: fc.boolean(),
  fault: fc.boolean(),
  offline: fc.boolean(),
  /** Received this many minutes after it was measured (a slow link, a reconnect). */
  lateMin: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: 40 })),
  /** How many buffered samples follow the live one after a reconnect. */
  chunk: fc.integer({ min: 1, max: 8 }),
  reversed: fc.boolean(),
  duplicate: fc.boolean(),
  evaluate: fc.nat(3), // 0: let the next delivery be evaluated with this one (debounce)
  restart: fc.boolean(),
  /** The chair powers up again: a new boot id, its seq from 0. */
  reboot: fc.boolean(),
});

describe('rules engine, property-based', () => {
  it('keeps its invariants for random series with backlogs, duplicates and restarts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 24 }), async (steps) => {
        await reset();
        let now = Date.UTC(2026, 11, 2, 6);
        const store = new SqliteTelemetryStore(h.db.raw, { now: () => now });
        let engine = new RulesEngine({ prisma: h.db.prisma, telemetry: store, now: () => now });
        const delivered = new Map<string, Sample & { receivedAt: number }>();
        let buffer: Sample[] = [];
        let openBefore = { dd: 0, fault: 0 };
        let noticesBefore = 0;

        const deliver = async (samples: Sample[]) => {
          const batch = samples.map((s) => ({
            deviceId: chairId,
            receivedAt: now,
            sample: {
              v: 1, bootId: s.boot, seq: s.seq, ts: s.ts,
              battery: { socPct: s.socPct, voltageV: 24, currentA: -2, tempC: 30, charging: s.charging, cycleCount: 50, fullChargeAh: 18 },
              usage: { odometerM: 1000 + s.seq, motorSeconds: 100 + s.seq },
              faults: [{ code: 'VR2-8', active: s.fault }],
            } satisfies TelemetryV1,
          }));
          await store.commit({ samples: batch, rejections: [], statuses: [] });
          for (const s of samples) if (!delivered.has(`${s.boot}:${s.seq}`)) delivered.set(`${s.boot}:${s.seq}`, { ...s, receivedAt: now });
        };

        const check = async () => {
          await engine.evaluate([chairId]);
          const alerts = await h.db.prisma.alert.findMany({ where: { deviceId: chairId, clearedAt: null } });
          const byKind = new Map<string, number>();
          for (const a of alerts) byKind.set(a.kind, (byKind.get(a.kind) ?? 0) + 1);
          for (const n of byKind.values()) expect(n).toBeLessThanOrEqual(1);
          const open = { dd: byKind.get('deep_discharge') ?? 0, fault: byKind.get('controller_fault') ?? 0 };
          const notices = await h.db.prisma.notification.count({ where: { kind: 'deep_discharge' } });
          const newest = [...delivered.values()].sort((a, b) => b.ts - a.ts)[0]!;
          const fresh = newest.receivedAt - newest.ts <= t.freshnessMinutes * MIN;
          // Anything live that appeared now must come from a fresh newest sample saying so.
          if (open.dd > openBefore.dd || notices > noticesBefore) expect(fresh && newest.socPct < t.deepDischargeSocPct && !newest.charging).toBe(true);
          if (open.fault > openBefore.fault) expect(fresh && newest.fault).toBe(true);
          expect(notices).toBeLessThanOrEqual(t.familyNoticesPerDay * family.length); // a run spans < 1 day
          openBefore = open;
          noticesBefore = notices;
        };

        let seq = 0;
        let boot = 0;
        for (const s of steps) {
          now += s.dtSec * 1000;
          if (s.reboot) {
            boot++;
            seq = 0;
          }
          const sample: Sample = { ts: now, boot: `boot-${boot}`, seq: seq++, socPct: s.socPct, charging: s.charging, fault: s.fault };
          if (s.offline) {
            buffer.push(sample);
            continue;
          }
          now += s.lateMin * MIN;
          // Back online: the live sample first, then part of the backlog, out of order and repeated.
          await deliver([sample]);
          if (s.restart) engine = new RulesEngine({ prisma: h.db.prisma, telemetry: store, now: () => now });
          if (s.evaluate > 0) await check();
          if (!buffer.length) continue;
          let chunk = buffer.splice(0, s.chunk);
          if (s.reversed) chunk.reverse();
          if (s.duplicate) chunk = [...chunk, ...chunk.slice(0, 2)];
          await deliver(chunk);
          if (s.evaluate > 1) await check();
        }
        now += 5 * MIN;
        if (buffer.length) await deliver(buffer.reverse());
        if (delivered.size) await check();
        else return;

        const series = [...delivered.values()].sort((a, b) => a.ts - b.ts);
        const state = await h.db.prisma.ruleState.findUnique({ where: { deviceId_rule: { deviceId: chairId, rule: 'deep_discharge' } } });
        const counted = ((JSON.parse(state?.data ?? '{}').track as DischargeTrack | undefined)?.episodes ?? []).map((e) => e.start);
        expect(counted).toEqual(trueEpisodes(series));
        // At most one notice (per family member) for each true episode.
        const keys = await h.db.prisma.notification.findMany({ where: { kind: 'deep_discharge' }, select: { dedupeKey: true } });
        expect(new Set(keys.map((k) => k.dedupeKey!.split(':')[2])).size).toBeLessThanOrEqual(counted.length);
      }),
      { numRuns: 25, seed: 1717, endOnFailure: true },
    );
  }, 300_000);
});
