// The SQLite reads for the maintenance rules (RulesTelemetryReader), as prepared statements on the
// raw connection: a chair's latest state, driving per day, capacity and odometer from the hourly
// rollups, its telemetry consent, and its samples walking the prev_id chain back from its head.
import type Database from 'better-sqlite3';
import { consentSqlParams } from '../consent/consent-rule.ts';
import type { RulesTelemetryReader, SeriesSample } from './rules-reads.ts';
import type { Synchronous } from './synchronous.ts';
import type { TelemetryReader } from './telemetry-reader.ts';

const HOUR = 3_600_000;

type Row = [number, number, number, number, number];

interface StateRow {
  key: number;
  socPct: number | null;
  charging: number | null;
  tempC: number | null;
  cycleCount: number | null;
  fullChargeAh: number | null;
  odometerM: number | null;
  faults: string | null;
  receivedAt: number | null;
  lastTs: number | null;
  lastRawId: number | null;
}

const toSample = ([ts, recvDelta, soc10, charging, id]: Row): SeriesSample & { id: number } => ({ ts, receivedAt: ts + recvDelta, socPct: soc10 / 10, charging: charging === 1, id });
// Equal times keep the order they were stored in.
const byTs = (a: SeriesSample & { id: number }, b: SeriesSample & { id: number }) => a.ts - b.ts || a.id - b.id;

export interface RulesReadsShared {
  /** The ingest's consent statement: `allowed` is 1 when the chair has no user or one with an active telemetry consent. */
  telemetryAllowed: Database.Statement;
  capacitySeries: Synchronous<TelemetryReader>['capacitySeries'];
}

export function createSqliteRulesReads(db: Database.Database, { telemetryAllowed, capacitySeries }: RulesReadsShared): Synchronous<RulesTelemetryReader> {
  const stateOf = db.prepare(
    'SELECT key, socPct, charging, tempC, cycleCount, fullChargeAh, odometerM, faults, receivedAt, lastTs, lastRawId FROM chair_state WHERE deviceId = ?',
  );
  const days = db.prepare(
    `SELECT hour / 24 AS day, max(motor_last) - min(motor_first) AS seconds FROM telemetry_hourly
     WHERE device_key = ? AND hour >= ? GROUP BY hour / 24 ORDER BY day`,
  );
  const odometerSince = db.prepare('SELECT odo_first AS odo FROM telemetry_hourly WHERE device_key = ? AND hour >= ? ORDER BY hour LIMIT 1');
  const since = db
    .prepare(
      `WITH RECURSIVE chain AS (
         SELECT id, prev_id, ts, recv_delta, soc10, charging FROM telemetry_raw WHERE id = @head AND id > @cursor
         UNION ALL
         SELECT r.id, r.prev_id, r.ts, r.recv_delta, r.soc10, r.charging FROM telemetry_raw r JOIN chain c ON r.id = c.prev_id WHERE r.id > @cursor
       )
       SELECT ts, recv_delta, soc10, charging, id FROM chain`,
    )
    .raw();
  const firstId = db.prepare('SELECT min(first_id) AS id FROM telemetry_hourly WHERE device_key = ? AND hour >= ?');
  const after = db
    .prepare(
      `WITH RECURSIVE chain AS (
         SELECT id, prev_id, ts, recv_delta, soc10, charging FROM telemetry_raw WHERE id = @head
         UNION ALL
         SELECT r.id, r.prev_id, r.ts, r.recv_delta, r.soc10, r.charging FROM telemetry_raw r JOIN chain c ON r.id = c.prev_id WHERE r.id >= @minId
       )
       SELECT ts, recv_delta, soc10, charging, id FROM chain WHERE ts > @from`,
    )
    .raw();

  return {
    rulesTelemetry(deviceId, q) {
      const allowed = telemetryAllowed.get({ deviceId, ...consentSqlParams('telemetry', new Date(q.now)) }) as { allowed: number } | undefined;
      const row = stateOf.get(deviceId) as StateRow | undefined;
      const telemetryOff = allowed?.allowed !== 1;
      if (!row) return { telemetryOff, chair: null };
      const motorSecondsByDay = new Map((days.all(row.key, q.fromDay * 24) as { day: number; seconds: number }[]).map((r) => [r.day, r.seconds]));
      const capacityPoints = q.capacityFrom === null ? [] : capacitySeries(row.key, q.capacityFrom);
      const odometerFrom = q.odometerFrom === null ? null : ((odometerSince.get(row.key, Math.floor(q.odometerFrom / HOUR)) as { odo: number } | undefined)?.odo ?? null);
      return {
        telemetryOff,
        chair: {
          key: row.key,
          state: {
            socPct: row.socPct,
            charging: row.charging === null ? null : row.charging === 1,
            tempC: row.tempC,
            cycleCount: row.cycleCount,
            fullChargeAh: row.fullChargeAh,
            odometerM: row.odometerM,
            faults: row.faults ? (JSON.parse(row.faults) as { code: string; active: boolean }[]) : [],
            receivedAt: row.receivedAt,
            ts: row.lastTs,
            rawId: row.lastRawId,
          },
          motorSecondsByDay,
          capacity: capacityPoints,
          odometerFrom,
        },
      };
    },

    // The chain from the head is the chair's own: the SQLite side needs no key.
    dischargeSince(_deviceKey, head, cursor) {
      return (since.all({ head, cursor }) as Row[]).map(toSample).sort(byTs);
    },

    dischargeAfter(deviceKey, head, from) {
      const min = (firstId.get(deviceKey, Math.floor(from / HOUR)) as { id: number | null }).id;
      if (min === null) return [];
      return (after.all({ head, minId: min, from }) as Row[]).map(toSample).sort(byTs);
    },
  };
}
