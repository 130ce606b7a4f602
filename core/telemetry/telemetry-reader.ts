// The telemetry store's chair reads for the API: latest state, series at raw, hourly and daily
// resolution, capacity points, sample counts and refused messages (part of TelemetryStore).
import type { AggregatePoint, RawPoint } from '../../schemas/devices.ts';
import type { RejectReason } from '../../schemas/telemetry.ts';
import type { HourlyRollup } from './hourly.ts';

export const HOUR_MS = 3_600_000;

export interface ChairStateRow {
  key: number;
  deviceId: string;
  online: boolean;
  fw: string | null;
  lastTs: number | null;
  receivedAt: number | null;
  socPct: number | null;
  voltageV: number | null;
  currentA: number | null;
  tempC: number | null;
  charging: boolean | null;
  cycleCount: number | null;
  fullChargeAh: number | null;
  odometerM: number | null;
  motorSeconds: number | null;
  seatTiltDeg: number | null;
  faults: string | null;
  samples: number;
  duplicates: number;
  rejected: number;
}

export interface RejectedRow {
  id: number;
  receivedAt: number;
  reason: RejectReason;
  detail: string;
  size: number;
  topic: string;
  /** How many refusals the row stands for (more than one only for counted refused connections). */
  count: number;
}

export interface RejectedPage {
  items: RejectedRow[];
  byReason: { reason: RejectReason; count: number }[];
  refusedConnections: { count: number; since: number | null };
}

/** A full-charge capacity reading: the last one of an hour, at that sample's time. */
export interface CapacityReading {
  t: number;
  ah: number;
}

/** How many samples a chair stored in a period, and when the first and last were taken. */
export interface SampleSpan {
  samples: number;
  firstTs: number | null;
  lastTs: number | null;
}

export interface TelemetryReader {
  chairState(deviceId: string): Promise<ChairStateRow | undefined>;
  /** Raw samples with from ≤ ts ≤ to, oldest first, thinned to at most maxPoints (every stride-th). */
  rawSeries(deviceKey: number, from: number, to: number, maxPoints: number): Promise<{ points: RawPoint[]; stride: number }>;
  /** Hourly or daily (UTC) buckets overlapping [from, to], oldest first. */
  aggregateSeries(deviceKey: number, from: number, to: number, bucket: 'hour' | 'day'): Promise<AggregatePoint[]>;
  /** Samples of the hours overlapping [from, to]. */
  sampleSpan(deviceKey: number, from: number, to: number): Promise<SampleSpan>;
  /** Each hour's last capacity reading taken at or after `from`, oldest first. */
  capacitySeries(deviceKey: number, from: number): Promise<CapacityReading[]>;
  /** A chair's refused messages, newest first, with counts by reason and of refused connections. */
  rejectedMessages(deviceId: string, limit: number, offset: number): Promise<RejectedPage>;
}

/**
 * Folds hourly rollups into buckets of `span` hours. Distance and driving time come from the
 * lifetime counters: the difference to the previous rollup's last value, so movement between the
 * last sample of one hour and the first of the next is not lost; a counter that went backwards
 * (a replaced controller) falls back to the movement within the hour.
 */
export function foldHours(hours: readonly HourlyRollup[], prior: { odoLast: number; motorLast: number } | undefined, span: number): AggregatePoint[] {
  const out: AggregatePoint[] = [];
  let prev = prior;
  let cur: (AggregatePoint & { chargingN: number }) | undefined;
  for (const h of hours) {
    const dOdo = prev && h.odoLast >= prev.odoLast ? h.odoLast - prev.odoLast : h.odoLast - h.odoFirst;
    const dMotor = prev && h.motorLast >= prev.motorLast ? h.motorLast - prev.motorLast : h.motorLast - h.motorFirst;
    prev = h;
    const start = Math.floor(h.hour / span) * span * HOUR_MS;
    if (!cur || cur.t !== start) {
      if (cur) out.push(finish(cur));
      cur = {
        t: start, n: 0, socMin: h.socMin, socMax: h.socMax, socLast: h.socLast, voltMin: h.voltMin, tempMax: h.tempMax, currentMin: h.ampMin,
        chargingPct: 0, chargingN: 0, distanceM: 0, motorSeconds: 0, fullChargeAh: null, cycleCount: null,
      };
    }
    cur.n += h.n;
    cur.chargingN += h.chargingN;
    cur.socMin = Math.min(cur.socMin, h.socMin);
    cur.socMax = Math.max(cur.socMax, h.socMax);
    cur.socLast = h.socLast;
    cur.voltMin = Math.min(cur.voltMin, h.voltMin);
    cur.tempMax = Math.max(cur.tempMax, h.tempMax);
    cur.currentMin = Math.min(cur.currentMin, h.ampMin);
    cur.distanceM += dOdo;
    cur.motorSeconds += dMotor;
    cur.fullChargeAh = h.ahLast ?? cur.fullChargeAh;
    cur.cycleCount = h.cyclesLast ?? cur.cycleCount;
  }
  if (cur) out.push(finish(cur));
  return out;
}

function finish({ chargingN, ...p }: AggregatePoint & { chargingN: number }): AggregatePoint {
  return { ...p, chargingPct: p.n ? Math.round((chargingN / p.n) * 1000) / 10 : 0 };
}
