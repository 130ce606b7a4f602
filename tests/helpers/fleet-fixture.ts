// Telemetry, alerts and work orders for fleet tests, written the way production writes them:
// samples through the SQLite telemetry store (scaled integers, prev_id chains, hourly rollups),
// rule-made alerts and work orders straight into the tables, as the rules engine does.
import type { Rejection } from '../../core/telemetry/telemetry-store.ts';
import { SqliteTelemetryStore } from '../../core/telemetry/sqlite-telemetry-store.ts';
import type { TelemetryV1 } from '../../schemas/telemetry.ts';
import type { Harness } from './harness.ts';

export const HOUR = 3_600_000;

export interface SampleOptions {
  socPct?: number;
  charging?: boolean;
  voltageV?: number;
  currentA?: number;
  tempC?: number;
  odometerM?: number;
  motorSeconds?: number;
  cycleCount?: number;
  fullChargeAh?: number;
  faults?: { code: string; active: boolean }[];
}

export function telemetrySample(bootId: string, seq: number, ts: number, o: SampleOptions = {}): TelemetryV1 {
  return {
    v: 1,
    bootId,
    seq,
    ts,
    battery: {
      socPct: o.socPct ?? 80,
      voltageV: o.voltageV ?? 25.4,
      currentA: o.currentA ?? -4.5,
      tempC: o.tempC ?? 31.5,
      charging: o.charging ?? false,
      cycleCount: o.cycleCount ?? 120,
      fullChargeAh: o.fullChargeAh ?? 18.6,
    },
    usage: { odometerM: o.odometerM ?? 150_000, motorSeconds: o.motorSeconds ?? 90_000 },
    ...(o.faults ? { faults: o.faults } : {}),
  };
}

export interface SeriesOptions {
  bootId?: string;
  from: number;
  to: number;
  everyMs: number;
  /** Values per sample index; defaults make battery fall 0.1 % and the odometer grow 10 m per sample. */
  at?: (i: number, ts: number) => SampleOptions;
  /** When the server received each sample (default: its own ts). */
  receivedAt?: (ts: number) => number;
}

/** A store on the suite's database, the same class the bridge commits through. */
export function fleetStore(h: Harness): SqliteTelemetryStore {
  return new SqliteTelemetryStore(h.db.raw);
}

/** Commits a regular series for one chair in batches; returns the samples written. */
export async function commitSeries(store: SqliteTelemetryStore, deviceId: string, o: SeriesOptions): Promise<TelemetryV1[]> {
  const bootId = o.bootId ?? 'boot-1';
  const samples: TelemetryV1[] = [];
  let i = 0;
  for (let ts = o.from; ts <= o.to; ts += o.everyMs, i += 1) {
    const values = o.at?.(i, ts) ?? { socPct: Math.max(0, 95 - i * 0.1), odometerM: 150_000 + i * 10, motorSeconds: 90_000 + i * 8 };
    samples.push(telemetrySample(bootId, i, ts, values));
  }
  for (let k = 0; k < samples.length; k += 500) {
    const chunk = samples.slice(k, k + 500);
    await store.commit({
      samples: chunk.map((sample) => ({ deviceId, sample, receivedAt: o.receivedAt?.(sample.ts) ?? sample.ts })),
      rejections: [],
      statuses: [],
    });
  }
  return samples;
}

export async function commitRejections(store: SqliteTelemetryStore, rejections: Rejection[]) {
  await store.commit({ samples: [], rejections, statuses: [] });
}

/** The demo device assigned to a beneficiary (by name). */
export async function deviceOf(h: Harness, fullName: string) {
  return h.db.prisma.device.findFirstOrThrow({ where: { beneficiary: { fullName } }, include: { model: true } });
}

export function ruleWorkOrder(h: Harness, data: { centreId: string; deviceId: string; rule: string; kind: string; priority?: string; createdAt?: Date; details?: unknown; forecastAt?: Date; category?: string }) {
  return h.db.prisma.workOrder.create({
    data: {
      centreId: data.centreId,
      deviceId: data.deviceId,
      rule: data.rule,
      kind: data.kind,
      priority: data.priority ?? 'normal',
      category: data.category ?? null,
      forecastAt: data.forecastAt ?? null,
      details: data.details === undefined ? null : JSON.stringify(data.details),
      ...(data.createdAt ? { createdAt: data.createdAt } : {}),
    },
  });
}

export function ruleAlert(h: Harness, data: { centreId: string; deviceId?: string | null; kind: string; severity: string; workOrderId?: string | null; createdAt?: Date; clearedAt?: Date | null; details?: unknown; beneficiaryId?: string }) {
  return h.db.prisma.alert.create({
    data: {
      centreId: data.centreId,
      deviceId: data.deviceId ?? null,
      kind: data.kind,
      severity: data.severity,
      workOrderId: data.workOrderId ?? null,
      beneficiaryId: data.beneficiaryId ?? null,
      details: data.details === undefined ? null : JSON.stringify(data.details),
      clearedAt: data.clearedAt ?? null,
      ...(data.createdAt ? { createdAt: data.createdAt } : {}),
    },
  });
}
