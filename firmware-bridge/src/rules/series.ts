// Reads a chair's samples for the sample-driven rules through prepared statements on the raw
// connection: the rows stored since the rules last looked (walking the chair's prev_id chain back
// from its head), and all rows after a time (bounded by the hourly rollups' first ids).
import type Database from 'better-sqlite3';
import type { DischargeSample } from './discharge.ts';

const HOUR = 3_600_000;

export interface SeriesSample extends DischargeSample {
  /** When the bridge received it. */
  receivedAt: number;
}

type Row = [number, number, number, number, number];

const toSample = ([ts, recvDelta, soc10, charging, id]: Row): SeriesSample & { id: number } => ({ ts, receivedAt: ts + recvDelta, socPct: soc10 / 10, charging: charging === 1, id });
// Equal times keep the order they were stored in.
const byTs = (a: SeriesSample & { id: number }, b: SeriesSample & { id: number }) => a.ts - b.ts || a.id - b.id;

export function createSeriesReader(raw: Database.Database) {
  const since = raw
    .prepare(
      `WITH RECURSIVE chain AS (
         SELECT id, prev_id, ts, recv_delta, soc10, charging FROM telemetry_raw WHERE id = @head AND id > @cursor
         UNION ALL
         SELECT r.id, r.prev_id, r.ts, r.recv_delta, r.soc10, r.charging FROM telemetry_raw r JOIN chain c ON r.id = c.prev_id WHERE r.id > @cursor
       )
       SELECT ts, recv_delta, soc10, charging, id FROM chain`,
    )
    .raw();
  const firstId = raw.prepare('SELECT min(first_id) AS id FROM telemetry_hourly WHERE device_key = ? AND hour >= ?');
  const after = raw
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
    /** Rows inserted after row `cursor` (insertion order is the chain's order), sorted by ts. */
    since(head: number, cursor: number): SeriesSample[] {
      return (since.all({ head, cursor }) as Row[]).map(toSample).sort(byTs);
    },
    /** Every stored row with ts after `from`, sorted by ts. */
    after(deviceKey: number, head: number, from: number): SeriesSample[] {
      const min = (firstId.get(deviceKey, Math.floor(from / HOUR)) as { id: number | null }).id;
      if (min === null) return [];
      return (after.all({ head, minId: min, from }) as Row[]).map(toSample).sort(byTs);
    },
  };
}
