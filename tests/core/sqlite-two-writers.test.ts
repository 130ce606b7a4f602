// Two bridges committing the same chair: two SQLite stores on two connections to one database file,
// each built before the other writes (as two bridge processes are). Whatever one has committed, the
// other must see inside its own transaction: no duplicate rows, the sequence state and ack
// watermark moved by both, the chain of raw rows, the latest state and the hourly rollups right.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { openRaw } from '../../core/db/client.ts';
import { SqliteTelemetryStore } from '../../core/telemetry/sqlite-telemetry-store.ts';
import type { AcceptedSample } from '../../core/telemetry/telemetry-store.ts';
import { telemetrySample } from '../helpers/fleet-fixture.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { createStoreWorld, NOW, type StoreWorld } from './telemetry-store-world.ts';

const MIN = 60_000;
const T0 = NOW - 3 * 3_600_000;
const sample = (deviceId: string, seq: number): AcceptedSample => ({
  deviceId, sample: telemetrySample('b1', seq, T0 + seq * MIN, { odometerM: 1000 + seq, socPct: 90 - seq }), receivedAt: T0 + seq * MIN + 1000,
});
const samples = (deviceId: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => sample(deviceId, from + k));
const batch = (s: AcceptedSample[]) => ({ samples: s, rejections: [], statuses: [] });

let h: Harness;
let w: StoreWorld;
let second: Database.Database;
let a: SqliteTelemetryStore;
let b: SqliteTelemetryStore;

beforeAll(async () => {
  h = await createHarness();
  w = await createStoreWorld(h);
  second = openRaw(h.db.raw.name);
  a = new SqliteTelemetryStore(h.db.raw, { now: () => NOW });
  b = new SqliteTelemetryStore(second, { now: () => NOW });
});
afterAll(async () => {
  second.close();
  await h.close();
});

describe('two SQLite stores committing the same chair', () => {
  it('store each sample once and agree on the watermark, whichever commits', async () => {
    const first = await a.commit(batch(samples(w.free, 0, 9)));
    expect(first.stored).toBe(10);
    // B has not seen A's commit in any cache of its own: 5..9 are duplicates all the same.
    const overlap = await b.commit(batch(samples(w.free, 5, 14)));
    expect({ stored: overlap.stored, duplicates: overlap.duplicates }).toEqual({ stored: 5, duplicates: 5 });
    expect([...overlap.acks.values()].map((x) => x.seq)).toEqual([14]);
    // B stores above a gap; A fills the gap and its ack moves past what B stored.
    await b.commit(batch(samples(w.free, 20, 25)));
    const filled = await a.commit(batch(samples(w.free, 15, 19)));
    expect([...filled.acks.values()].map((x) => x.seq)).toEqual([25]);
    expect([await a.watermark(w.free, 'b1'), await b.watermark(w.free, 'b1')]).toEqual([25, 25]);
    // A resend of everything through either store stores nothing.
    const resent = await a.commit(batch(samples(w.free, 0, 25)));
    expect({ stored: resent.stored, duplicates: resent.duplicates }).toEqual({ stored: 0, duplicates: 26 });

    const state = (await b.chairState(w.free))!;
    expect({ lastTs: state.lastTs, odometerM: state.odometerM, samples: state.samples, duplicates: state.duplicates }).toEqual({
      lastTs: T0 + 25 * MIN, odometerM: 1025, samples: 26, duplicates: 31,
    });
    const raw = h.db.raw;
    expect(raw.prepare('SELECT count(*) AS n, count(DISTINCT seq) AS d FROM telemetry_raw WHERE device_key = ?').get(state.key)).toEqual({ n: 26, d: 26 });
    expect(raw.prepare('SELECT sum(n) AS n FROM telemetry_hourly WHERE device_key = ?').get(state.key)).toEqual({ n: 26 });
    // The chain of raw rows (each row points at the chair's previous one) runs through every row once.
    const chain = raw
      .prepare(
        `WITH RECURSIVE c(id, prev) AS (SELECT id, prev_id FROM telemetry_raw WHERE id = (SELECT lastRawId FROM chair_state WHERE key = ?)
         UNION ALL SELECT r.id, r.prev_id FROM telemetry_raw r JOIN c ON r.id = c.prev) SELECT count(*) AS n FROM c`,
      )
      .get(state.key);
    expect(chain).toEqual({ n: 26 });
  });
});
