// The read side of the telemetry store for the API: latest state per chair, series at raw, hourly
// and daily resolution, and refused messages. The interface keeps SQLite-only SQL (json_each, the
// recursive walk of each chair's prev_id chain) in one place, as the write side does.
import type Database from 'better-sqlite3';
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

export interface TelemetryReader {
  states(deviceIds: readonly string[]): Map<string, ChairStateRow>;
  state(deviceId: string): ChairStateRow | undefined;
  /** Raw samples with from ≤ ts ≤ to, oldest first, thinned to at most maxPoints (every stride-th). */
  raw(deviceKey: number, from: number, to: number, maxPoints: number): { points: RawPoint[]; stride: number };
  /** Hourly or daily (UTC) buckets overlapping [from, to], oldest first. */
  aggregate(deviceKey: number, from: number, to: number, bucket: 'hour' | 'day'): AggregatePoint[];
  rejected(
    deviceId: string,
    limit: number,
    offset: number,
  ): { items: RejectedRow[]; byReason: { reason: RejectReason; count: number }[]; refusedConnections: { count: number; since: number | null } };
}

const STATE_COLUMNS = `key, deviceId, online, fw, lastTs, receivedAt, socPct, voltageV, currentA, tempC, charging, cycleCount,
  fullChargeAh, odometerM, motorSeconds, seatTiltDeg, faults, samples, duplicates, rejected`;


type HourlyTuple = [number, number, number, number, number, number, number, number, number, number, number, number, number, number | null, number | null];

function hourlyRow(r: HourlyTuple): HourlyRollup {
  const [hour, n, socMin, socMax, socLast, voltMin, tempMax, ampMin, chargingN, odoFirst, odoLast, motorFirst, motorLast, ahLast, cyclesLast] = r;
  return { hour, n, socMin, socMax, socLast, voltMin, tempMax, ampMin, chargingN, odoFirst, odoLast, motorFirst, motorLast, ahLast, cyclesLast };
}

type RawRow = [number, number, number, number, number, number, number, number, number | null, number | null];

function toState(row: Record<string, unknown>): ChairStateRow {
  return { ...(row as unknown as ChairStateRow), online: row.online === 1, charging: row.charging === null ? null : row.charging === 1 };
}

export function createSqliteTelemetryReader(db: Database.Database): TelemetryReader {
  const st = {
    states: db.prepare(`SELECT ${STATE_COLUMNS} FROM chair_state WHERE deviceId IN (SELECT value FROM json_each(?))`),
    state: db.prepare(`SELECT ${STATE_COLUMNS} FROM chair_state WHERE deviceId = ?`),
    chainBounds: db.prepare(
      'SELECT min(first_id) AS minId, max(last_id) AS head FROM telemetry_hourly WHERE device_key = ? AND hour BETWEEN ? AND ?',
    ),
    // Walks one chair's samples backwards from the newest id of the covering hours to the oldest.
    chain: db
      .prepare(
        `WITH RECURSIVE chain AS (
           SELECT id, prev_id, ts, soc10, volt100, amp100, temp10, charging, odo_m, motor_s, cycles, ah100
             FROM telemetry_raw WHERE id = @head
           UNION ALL
           SELECT r.id, r.prev_id, r.ts, r.soc10, r.volt100, r.amp100, r.temp10, r.charging, r.odo_m, r.motor_s, r.cycles, r.ah100
             FROM telemetry_raw r JOIN chain c ON r.id = c.prev_id WHERE c.prev_id >= @minId
         )
         SELECT ts, soc10, volt100, amp100, temp10, charging, odo_m, motor_s, cycles, ah100
           FROM chain WHERE ts BETWEEN @from AND @to ORDER BY ts, id`,
      )
      .raw(),
    // Rows as arrays: the driver builds them at half the cost of objects (a month is 720 rows).
    hourly: db
      .prepare(
        `SELECT hour, n, soc_min, soc_max, soc_last, volt_min, temp_max, amp_min, charging_n, odo_first, odo_last, motor_first,
           motor_last, ah_last, cycles_last
         FROM telemetry_hourly WHERE device_key = ? AND hour BETWEEN ? AND ? ORDER BY hour`,
      )
      .raw(),
    before: db.prepare(
      'SELECT odo_last AS odoLast, motor_last AS motorLast FROM telemetry_hourly WHERE device_key = ? AND hour < ? ORDER BY hour DESC LIMIT 1',
    ),
    // A counted row (refused connections) stands for `count` refusals, the last at last_received_at.
    rejectedPage: db.prepare(
      `SELECT id, coalesce(last_received_at, received_at) AS receivedAt, reason, detail, size, topic, count FROM rejected_message
       WHERE device_id = ? ORDER BY coalesce(last_received_at, received_at) DESC, id DESC LIMIT ? OFFSET ?`,
    ),
    rejectedByReason: db.prepare(
      'SELECT reason, sum(count) AS count FROM rejected_message WHERE device_id = ? GROUP BY reason ORDER BY count DESC, reason',
    ),
    refusedConnections: db.prepare(
      "SELECT coalesce(sum(count), 0) AS count, min(received_at) AS since FROM rejected_message WHERE device_id = ? AND reason = 'auth_failed'",
    ),
  };

  return {
    states(deviceIds) {
      const out = new Map<string, ChairStateRow>();
      if (deviceIds.length === 0) return out;
      for (const row of st.states.all(JSON.stringify(deviceIds)) as Record<string, unknown>[]) out.set(row.deviceId as string, toState(row));
      return out;
    },

    state(deviceId) {
      const row = st.state.get(deviceId) as Record<string, unknown> | undefined;
      return row ? toState(row) : undefined;
    },

    raw(deviceKey, from, to, maxPoints) {
      const bounds = st.chainBounds.get(deviceKey, Math.floor(from / HOUR_MS), Math.floor(to / HOUR_MS)) as { minId: number | null; head: number | null };
      if (bounds.head === null || bounds.minId === null) return { points: [], stride: 1 };
      const rows = st.chain.all({ head: bounds.head, minId: bounds.minId, from, to }) as RawRow[];
      const stride = Math.max(1, Math.ceil(rows.length / maxPoints));
      const points: RawPoint[] = [];
      for (let i = 0; i < rows.length; i += 1) {
        // Thinning keeps the newest sample, so the chart ends where the chair is now.
        if ((rows.length - 1 - i) % stride !== 0) continue;
        const [ts, soc10, volt100, amp100, temp10, charging, odo, motor, cycles, ah100] = rows[i]!;
        points.push({
          t: ts,
          socPct: soc10 / 10,
          voltageV: volt100 / 100,
          currentA: amp100 / 100,
          tempC: temp10 / 10,
          charging: charging === 1,
          odometerM: odo,
          motorSeconds: motor,
          cycleCount: cycles,
          fullChargeAh: ah100 === null ? null : ah100 / 100,
        });
      }
      return { points, stride };
    },

    aggregate(deviceKey, from, to, bucket) {
      const fromHour = Math.floor(from / HOUR_MS);
      const hours = (st.hourly.all(deviceKey, fromHour, Math.floor(to / HOUR_MS)) as HourlyTuple[]).map(hourlyRow);
      const prior = st.before.get(deviceKey, fromHour) as { odoLast: number; motorLast: number } | undefined;
      return foldHours(hours, prior, bucket === 'hour' ? 1 : 24);
    },

    rejected(deviceId, limit, offset) {
      return {
        items: st.rejectedPage.all(deviceId, limit, offset) as RejectedRow[],
        byReason: st.rejectedByReason.all(deviceId) as { reason: RejectReason; count: number }[],
        refusedConnections: st.refusedConnections.get(deviceId) as { count: number; since: number | null },
      };
    },
  };
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

const readers = new WeakMap<Database.Database, TelemetryReader>();

/** One reader (one set of prepared statements) per connection. */
export function telemetryReaderFor(db: Database.Database): TelemetryReader {
  let reader = readers.get(db);
  if (!reader) readers.set(db, (reader = createSqliteTelemetryReader(db)));
  return reader;
}
