// The PostgreSQL reads for the maintenance rules (asynchronous RulesTelemetryReader): a chair's
// latest state, driving per day, capacity and odometer from the hourly rollups, its telemetry
// consent, and its samples by the chair's (device_key, id) index instead of SQLite's prev_id chain.
import type { Pool } from 'pg';
import { consentSqlParams } from '../consent/consent-rule.ts';
import type { RulesTelemetry, RulesTelemetryQuery, SeriesSample } from './rules-reads.ts';
import { pgSql } from './pg-statements.ts';
import type { CapacityReading } from './telemetry-reader.ts';

const HOUR = 3_600_000;
const SAMPLE = 'SELECT ts::float8 AS ts, recv_delta, soc10, charging, id::float8 AS id FROM telemetry_raw';

interface Row {
  ts: number;
  recv_delta: number;
  soc10: number;
  charging: boolean;
  id: number;
}

const toSample = (r: Row): SeriesSample => ({ ts: r.ts, receivedAt: r.ts + r.recv_delta, socPct: r.soc10 / 10, charging: r.charging });

export interface PgRulesReads {
  rulesTelemetry(deviceId: string, q: RulesTelemetryQuery): Promise<RulesTelemetry>;
  dischargeSince(deviceKey: number, head: number, cursor: number): Promise<SeriesSample[]>;
  dischargeAfter(deviceKey: number, head: number, from: number): Promise<SeriesSample[]>;
}

export function createPgRulesReads(pool: Pool, capacitySeries: (deviceKey: number, from: number) => Promise<CapacityReading[]>): PgRulesReads {
  const q = async <T>(sql: string, params: unknown[]) => (await pool.query(sql, params)).rows as T[];
  return {
    async rulesTelemetry(deviceId, query) {
      const p = consentSqlParams('telemetry', new Date(query.now));
      const [allowed] = await q<{ allowed: boolean }>(pgSql.telemetryAllowed, [[deviceId], p.consentPurpose, p.adultBornBy]);
      const telemetryOff = allowed?.allowed !== true;
      const [row] = await q<{ key: number; socPct: number | null; charging: boolean | null; tempC: number | null; cycleCount: number | null; fullChargeAh: number | null;
        odometerM: number | null; faults: string | null; receivedAt: number | null; lastTs: number | null; lastRawId: number | null }>(
        `SELECT key, "socPct", charging, "tempC", "cycleCount", "fullChargeAh", "odometerM", faults, "receivedAt"::float8 AS "receivedAt",
           "lastTs"::float8 AS "lastTs", "lastRawId"::float8 AS "lastRawId" FROM chair_state WHERE "deviceId" = $1`,
        [deviceId],
      );
      if (!row) return { telemetryOff, chair: null };
      const days = await q<{ day: number; seconds: number }>(
        `SELECT hour / 24 AS day, max(motor_last) - min(motor_first) AS seconds FROM telemetry_hourly
         WHERE device_key = $1 AND hour >= $2 GROUP BY hour / 24 ORDER BY day`,
        [row.key, query.fromDay * 24],
      );
      const capacity = query.capacityFrom === null ? [] : await capacitySeries(row.key, query.capacityFrom);
      const odometerFrom = query.odometerFrom === null ? null
        : ((await q<{ odo: number }>('SELECT odo_first AS odo FROM telemetry_hourly WHERE device_key = $1 AND hour >= $2 ORDER BY hour LIMIT 1',
          [row.key, Math.floor(query.odometerFrom / HOUR)]))[0]?.odo ?? null);
      return {
        telemetryOff,
        chair: {
          key: row.key,
          state: {
            socPct: row.socPct, charging: row.charging, tempC: row.tempC, cycleCount: row.cycleCount, fullChargeAh: row.fullChargeAh,
            odometerM: row.odometerM, faults: row.faults ? (JSON.parse(row.faults) as { code: string; active: boolean }[]) : [],
            receivedAt: row.receivedAt, ts: row.lastTs, rawId: row.lastRawId,
          },
          motorSecondsByDay: new Map(days.map((d) => [d.day, d.seconds])),
          capacity,
          odometerFrom,
        },
      };
    },

    // A chair's ids grow in commit order (taken under its row lock): "stored after" is id > cursor.
    async dischargeSince(deviceKey, head, cursor) {
      return (await q<Row>(`${SAMPLE} WHERE device_key = $1 AND id > $2 AND id <= $3 ORDER BY ts, id`, [deviceKey, cursor, head])).map(toSample);
    },

    async dischargeAfter(deviceKey, head, from) {
      return (await q<Row>(`${SAMPLE} WHERE device_key = $1 AND ts > $2 AND id <= $3 ORDER BY ts, id`, [deviceKey, from, head])).map(toSample);
    },
  };
}
