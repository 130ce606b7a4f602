// The PostgreSQL chair reads (TelemetryReader, asynchronous): latest state, raw series from the
// day partitions (pruned by time, then the chair's (device_key, id) index), hourly rollups folded
// like SQLite's, capacity, sample counts and refused messages.
import type { Pool } from 'pg';
import type { AggregatePoint, RawPoint } from '../../schemas/devices.ts';
import type { RejectReason } from '../../schemas/telemetry.ts';
import type { HourlyRollup } from './hourly.ts';
import { type CapacityReading, type ChairStateRow, foldHours, HOUR_MS, type RejectedRow, type SampleSpan } from './telemetry-reader.ts';

/** chair_state columns as ChairStateRow names (bigint counters read as numbers). */
export const PG_STATE_COLUMNS = `key, "deviceId", online, fw, "lastTs"::float8 AS "lastTs", "receivedAt"::float8 AS "receivedAt", "socPct", "voltageV",
  "currentA", "tempC", charging, "cycleCount", "fullChargeAh", "odometerM", "motorSeconds", "seatTiltDeg", faults, samples::float8 AS samples,
  duplicates::float8 AS duplicates, rejected::float8 AS rejected`;

const HOURLY = `hour, n, soc_min AS "socMin", soc_max AS "socMax", soc_last AS "socLast", volt_min AS "voltMin", temp_max AS "tempMax",
  amp_min AS "ampMin", charging_n AS "chargingN", odo_first AS "odoFirst", odo_last AS "odoLast", motor_first AS "motorFirst",
  motor_last AS "motorLast", ah_last AS "ahLast", cycles_last AS "cyclesLast"`;

export interface PgChairReads {
  chairState(deviceId: string): Promise<ChairStateRow | undefined>;
  rawSeries(deviceKey: number, from: number, to: number, maxPoints: number): Promise<{ points: RawPoint[]; stride: number }>;
  aggregateSeries(deviceKey: number, from: number, to: number, bucket: 'hour' | 'day'): Promise<AggregatePoint[]>;
  sampleSpan(deviceKey: number, from: number, to: number): Promise<SampleSpan>;
  capacitySeries(deviceKey: number, from: number): Promise<CapacityReading[]>;
  rejectedMessages(deviceId: string, limit: number, offset: number): Promise<{ items: RejectedRow[]; byReason: { reason: RejectReason; count: number }[]; refusedConnections: { count: number; since: number | null } }>;
}

export function createPgChairReads(pool: Pool): PgChairReads {
  const q = async <T>(sql: string, params: unknown[]) => (await pool.query(sql, params)).rows as T[];
  return {
    async chairState(deviceId) {
      const [row] = await q<ChairStateRow>(`SELECT ${PG_STATE_COLUMNS} FROM chair_state WHERE "deviceId" = $1`, [deviceId]);
      return row;
    },

    async rawSeries(deviceKey, from, to, maxPoints) {
      type Row = [number, number, number, number, number, boolean, number, number, number | null, number | null];
      const { rows } = await pool.query<Row>({
        text: `SELECT ts::float8, soc10, volt100, amp100, temp10, charging, odo_m, motor_s, cycles, ah100 FROM telemetry_raw
               WHERE device_key = $1 AND ts BETWEEN $2 AND $3 ORDER BY ts, id`,
        values: [deviceKey, from, to],
        rowMode: 'array',
      });
      const stride = Math.max(1, Math.ceil(rows.length / maxPoints));
      const points: RawPoint[] = [];
      for (let i = 0; i < rows.length; i += 1) {
        // Thinning keeps the newest sample, so the chart ends where the chair is now.
        if ((rows.length - 1 - i) % stride !== 0) continue;
        const [ts, soc10, volt100, amp100, temp10, charging, odo, motor, cycles, ah100] = rows[i]!;
        points.push({ t: ts, socPct: soc10 / 10, voltageV: volt100 / 100, currentA: amp100 / 100, tempC: temp10 / 10, charging, odometerM: odo,
          motorSeconds: motor, cycleCount: cycles, fullChargeAh: ah100 === null ? null : ah100 / 100 });
      }
      return { points, stride };
    },

    async aggregateSeries(deviceKey, from, to, bucket) {
      const fromHour = Math.floor(from / HOUR_MS);
      const hours = await q<HourlyRollup>(`SELECT ${HOURLY} FROM telemetry_hourly WHERE device_key = $1 AND hour BETWEEN $2 AND $3 ORDER BY hour`,
        [deviceKey, fromHour, Math.floor(to / HOUR_MS)]);
      const [prior] = await q<{ odoLast: number; motorLast: number }>(
        'SELECT odo_last AS "odoLast", motor_last AS "motorLast" FROM telemetry_hourly WHERE device_key = $1 AND hour < $2 ORDER BY hour DESC LIMIT 1',
        [deviceKey, fromHour],
      );
      return foldHours(hours, prior, bucket === 'hour' ? 1 : 24);
    },

    async sampleSpan(deviceKey, from, to) {
      const [row] = await q<SampleSpan>(
        `SELECT coalesce(sum(n), 0)::float8 AS samples, min(ts_first)::float8 AS "firstTs", max(ts_last)::float8 AS "lastTs"
         FROM telemetry_hourly WHERE device_key = $1 AND hour BETWEEN $2 AND $3`,
        [deviceKey, Math.floor(from / HOUR_MS), Math.floor(to / HOUR_MS)],
      );
      return row!;
    },

    async capacitySeries(deviceKey, from) {
      const rows = await q<CapacityReading>(
        'SELECT ts_last::float8 AS t, ah_last AS ah FROM telemetry_hourly WHERE device_key = $1 AND hour >= $2 AND ah_last IS NOT NULL ORDER BY hour',
        [deviceKey, Math.floor(from / HOUR_MS)],
      );
      return rows.filter((p) => p.t >= from);
    },

    async rejectedMessages(deviceId, limit, offset) {
      const [items, byReason, [refused]] = await Promise.all([
        q<RejectedRow>(
          `SELECT id, coalesce(last_received_at, received_at)::float8 AS "receivedAt", reason, detail, size, topic, count FROM rejected_message
           WHERE device_id = $1 ORDER BY coalesce(last_received_at, received_at) DESC, id DESC LIMIT $2 OFFSET $3`,
          [deviceId, limit, offset],
        ),
        q<{ reason: RejectReason; count: number }>(
          'SELECT reason, sum(count)::float8 AS count FROM rejected_message WHERE device_id = $1 GROUP BY reason ORDER BY count DESC, reason',
          [deviceId],
        ),
        q<{ count: number; since: number | null }>(
          "SELECT coalesce(sum(count), 0)::float8 AS count, min(received_at)::float8 AS since FROM rejected_message WHERE device_id = $1 AND reason = 'auth_failed'",
          [deviceId],
        ),
      ]);
      return { items, byReason, refusedConnections: refused! };
    },
  };
}
