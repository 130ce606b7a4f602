// The SQLite chair reads (TelemetryReader): prepared statements on the better-sqlite3 connection,
// with the SQLite-only SQL (the recursive walk of each chair's prev_id chain) in one place.
import type Database from 'better-sqlite3';
import type { RawPoint } from '../../schemas/devices.ts';
import type { RejectReason } from '../../schemas/telemetry.ts';
import type { HourlyRollup } from './hourly.ts';
import type { Synchronous } from './synchronous.ts';
import { type CapacityReading, type ChairStateRow, foldHours, HOUR_MS, type RejectedRow, type SampleSpan, type TelemetryReader } from './telemetry-reader.ts';

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

export function createSqliteChairReads(db: Database.Database): Synchronous<TelemetryReader> {
  const st = {
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
    span: db.prepare(
      'SELECT coalesce(sum(n), 0) AS samples, min(ts_first) AS firstTs, max(ts_last) AS lastTs FROM telemetry_hourly WHERE device_key = ? AND hour BETWEEN ? AND ?',
    ),
    capacity: db.prepare('SELECT ts_last AS t, ah_last AS ah FROM telemetry_hourly WHERE device_key = ? AND hour >= ? AND ah_last IS NOT NULL ORDER BY hour'),
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
    chairState(deviceId) {
      const row = st.state.get(deviceId) as Record<string, unknown> | undefined;
      return row ? toState(row) : undefined;
    },

    rawSeries(deviceKey, from, to, maxPoints) {
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

    aggregateSeries(deviceKey, from, to, bucket) {
      const fromHour = Math.floor(from / HOUR_MS);
      const hours = (st.hourly.all(deviceKey, fromHour, Math.floor(to / HOUR_MS)) as HourlyTuple[]).map(hourlyRow);
      const prior = st.before.get(deviceKey, fromHour) as { odoLast: number; motorLast: number } | undefined;
      return foldHours(hours, prior, bucket === 'hour' ? 1 : 24);
    },

    sampleSpan(deviceKey, from, to) {
      return st.span.get(deviceKey, Math.floor(from / HOUR_MS), Math.floor(to / HOUR_MS)) as SampleSpan;
    },

    capacitySeries(deviceKey, from) {
      return (st.capacity.all(deviceKey, Math.floor(from / HOUR_MS)) as CapacityReading[]).filter((p) => p.t >= from);
    },

    rejectedMessages(deviceId, limit, offset) {
      return {
        items: st.rejectedPage.all(deviceId, limit, offset) as RejectedRow[],
        byReason: st.rejectedByReason.all(deviceId) as { reason: RejectReason; count: number }[],
        refusedConnections: st.refusedConnections.get(deviceId) as { count: number; since: number | null },
      };
    },
  };
}
