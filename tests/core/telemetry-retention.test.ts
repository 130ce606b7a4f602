// Telemetry retention on the SQLite store: raw samples older than the horizon leave in batches while
// another connection keeps committing, hourly rollups stay, two runs at once are safe, and the readers
// behave at the horizon (docs/personal-data.md, core/telemetry/retention.ts).
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRaw } from '../../core/db/client.ts';
import { createLogger } from '../../core/log/logger.ts';
import { rawHorizon, runRetention, servedResolution } from '../../core/telemetry/retention.ts';
import { startRetentionJob } from '../../core/telemetry/retention-job.ts';
import { SqliteRawPruner } from '../../core/telemetry/sqlite-retention.ts';
import { SqliteTelemetryStore } from '../../core/telemetry/sqlite-telemetry-store.ts';
import { HOUR, telemetrySample } from '../helpers/fleet-fixture.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { createStoreWorld, DAY, NOW, type StoreWorld } from './telemetry-store-world.ts';

let h: Harness;
let w: StoreWorld;
let store: SqliteTelemetryStore;
let other: Database.Database;
let now = NOW;

/**
 * One sample an hour up to NOW for each chair, over its number of days, received 5 s after it was
 * taken and committed in order of arrival, as the bridge stores them.
 */
async function fill(chairs: { deviceId: string; days: number }[]) {
  const samples = chairs.flatMap(({ deviceId, days }) =>
    Array.from({ length: days * 24 }, (_, seq) => NOW - days * DAY + seq * HOUR).map((ts, seq) => ({
      deviceId,
      sample: telemetrySample('b1', seq, ts, { socPct: 50 + (seq % 40), odometerM: 1000 + seq * 10, motorSeconds: 100 + seq }),
      receivedAt: ts + 5000,
    })),
  );
  samples.sort((a, b) => a.receivedAt - b.receivedAt);
  for (let k = 0; k < samples.length; k += 500) await store.commit({ samples: samples.slice(k, k + 500), rejections: [], statuses: [] });
}

const keyOf = async (deviceId: string) => (await store.chairState(deviceId))!.key;
const rawCount = (key: number, cmp: '<' | '>=', t: number) =>
  (h.db.raw.prepare(`SELECT count(*) AS n FROM telemetry_raw WHERE device_key = ? AND ts ${cmp} ?`).get(key, t) as { n: number }).n;
const allRaw = (cmp: '<' | '>=', t: number) => (h.db.raw.prepare(`SELECT count(*) AS n FROM telemetry_raw WHERE ts ${cmp} ?`).get(t) as { n: number }).n;
const rollups = (key: number) => h.db.raw.prepare('SELECT count(*) AS hours, sum(n) AS samples FROM telemetry_hourly WHERE device_key = ?').get(key);

beforeAll(async () => {
  h = await createHarness();
  w = await createStoreWorld(h);
  store = new SqliteTelemetryStore(h.db.raw, { now: () => now });
  other = openRaw(h.config.databaseFile);
  await fill([{ deviceId: w.free, days: 100 }, { deviceId: w.consented, days: 30 }]);
});
afterAll(async () => {
  other.close();
  await h.close();
});

describe('the horizon', () => {
  it('is the start of the hour TELEMETRY_RAW_DAYS ago; a raw read starting before it is served hourly', () => {
    const horizon = rawHorizon(NOW + 25 * 60_000, 90);
    expect(horizon).toBe(NOW - 90 * DAY);
    expect(servedResolution('raw', horizon - 1, horizon)).toBe('hour');
    expect(servedResolution('raw', horizon, horizon)).toBe('raw');
    expect(servedResolution('day', horizon - DAY, horizon)).toBe('day');
  });
});

describe('SQLite retention', () => {
  it('removes raw samples older than the horizon in batches, keeps newer ones and every rollup, and logs the run', async () => {
    const key = await keyOf(w.free);
    const horizon = rawHorizon(now, 90);
    const before = { old: rawCount(key, '<', horizon), kept: rawCount(key, '>=', horizon), rollups: rollups(key) };
    expect(before.old).toBe(10 * 24);
    const lines: string[] = [];
    const job = startRetentionJob({ pruner: new SqliteRawPruner(h.db.raw), rawDays: 90, now: () => now, log: createLogger('info', (l) => lines.push(l)), batchRows: 100, pauseMs: 0, firstRunMs: 3_600_000 });
    const result = await job.run();
    expect(result).toMatchObject({ horizon, deleted: before.old });
    // 240 old rows and 100 rows a batch: at least three batches, each looking at 100 rows.
    expect(result.batches).toBeGreaterThanOrEqual(3);
    expect(rawCount(key, '<', horizon)).toBe(0);
    expect(rawCount(key, '>=', horizon)).toBe(before.kept);
    expect(rollups(key)).toEqual(before.rollups);
    const done = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.event === 'telemetry_retention_done');
    expect(done).toMatchObject({ deleted: before.old, batches: result.batches });
    expect(typeof done?.ms).toBe('number');

    // Ten days later (fake clock), ten more days of raw samples go; a run with nothing to do deletes nothing.
    now += 10 * DAY;
    expect((await job.run()).deleted).toBe(10 * 24);
    expect(rawCount(key, '<', rawHorizon(now, 90))).toBe(0);
    expect((await job.run()).deleted).toBe(0);
    expect(rollups(key)).toEqual(before.rollups);
    await job.stop();
    now = NOW;
  });

  it('lets another connection commit between its batches', async () => {
    const key = await keyOf(w.consented);
    const horizon = rawHorizon(NOW, 60);
    const old = allRaw('<', horizon);
    expect(old).toBe(20 * 24);
    const events: string[] = [];
    let writing = true;
    let seq = 0;
    // The bridge's commits on the suite's connection, as fast as the event loop lets them run.
    const writer = (async () => {
      while (writing) {
        const ts = NOW + seq * 1000;
        store.commit({ samples: [{ deviceId: w.consented, sample: telemetrySample('live', seq++, ts), receivedAt: ts }], rejections: [], statuses: [] });
        events.push('commit');
        await new Promise((r) => setImmediate(r));
      }
    })();
    const result = await runRetention(new SqliteRawPruner(other), { horizon, batchRows: 50, pauseMs: 2, onBatch: (b) => events.push(`batch:${b.deleted}`) });
    writing = false;
    await writer;
    expect(result.deleted).toBe(old);
    expect(allRaw('<', horizon)).toBe(0);
    const batches = events.flatMap((e, i) => (e.startsWith('batch') ? [i] : []));
    expect(batches.length).toBeGreaterThanOrEqual(Math.ceil(old / 50));
    // Between any two batches the writer committed at least once, and no batch deleted more than its size.
    for (let i = 1; i < batches.length; i++) expect(events.slice(batches[i - 1]! + 1, batches[i]).filter((e) => e === 'commit').length).toBeGreaterThan(0);
    expect(events.filter((e) => e.startsWith('batch')).every((e) => Number(e.split(':')[1]) <= 50)).toBe(true);
    expect(rawCount(key, '>=', NOW)).toBe(seq);
  });

  it('is safe to run twice at once, on two connections and within one job', async () => {
    const horizon = rawHorizon(NOW, 25);
    const old = allRaw('<', horizon);
    const kept = allRaw('>=', horizon);
    // The free chair's days 60 to 25 ago and the other chair's first five.
    expect(old).toBe(35 * 24 + 5 * 24);
    const run = (db: Database.Database) => runRetention(new SqliteRawPruner(db), { horizon, batchRows: 40, pauseMs: 1 });
    const [a, b] = await Promise.all([run(h.db.raw), run(other)]);
    expect(a.deleted).toBeGreaterThan(0);
    expect(b.deleted).toBeGreaterThan(0);
    expect(a.deleted + b.deleted).toBe(old);
    expect(allRaw('<', horizon)).toBe(0);
    expect(allRaw('>=', horizon)).toBe(kept);

    const job = startRetentionJob({ pruner: new SqliteRawPruner(h.db.raw), rawDays: 25, now: () => NOW, log: createLogger('silent'), firstRunMs: 3_600_000 });
    const first = job.run();
    expect(job.run()).toBe(first);
    expect((await first).deleted).toBe(0);
    await job.stop();
  });

  it('leaves the readers working at the horizon: raw walks stop at it, rollup reads keep everything', async () => {
    const key = await keyOf(w.free);
    const horizon = rawHorizon(NOW, 25);
    const raw = await store.rawSeries(key, horizon - 2 * DAY, horizon + DAY, 5000);
    expect(raw.points.map((p) => p.t)).toEqual(Array.from({ length: 25 }, (_, i) => horizon + i * HOUR));
    const head = (await store.chairState(w.free))!;
    const discharge = await store.dischargeAfter(key, Number(h.db.raw.prepare('SELECT lastRawId FROM chair_state WHERE key = ?').pluck().get(key)), horizon - 5 * DAY);
    expect(discharge).toHaveLength(25 * 24);
    expect(discharge[0]!.ts).toBe(horizon);
    // Rollups count every sample ever stored, before the horizon too.
    expect((await store.sampleSpan(key, NOW - 120 * DAY, NOW)).samples).toBe(100 * 24);
    expect((await store.aggregateSeries(key, NOW - 95 * DAY, NOW - 94 * DAY - 1, 'hour')).map((p) => p.n)).toEqual(Array(24).fill(1));
    expect(await store.capacitySeries(key, NOW - 100 * DAY)).toHaveLength(100 * 24);
    expect(head.samples).toBe(100 * 24);
  });

  it('stops between batches when the job is stopped, and the next run goes on', async () => {
    const horizon = rawHorizon(NOW, 5);
    const old = allRaw('<', horizon);
    expect(old).toBe(2 * 20 * 24);
    const job = () => startRetentionJob({ pruner: new SqliteRawPruner(h.db.raw), rawDays: 5, now: () => NOW, log: createLogger('silent'), batchRows: 10, pauseMs: 5, firstRunMs: 3_600_000 });
    const stopping = job();
    const run = stopping.run();
    await stopping.stop();
    const stopped = await run;
    expect(stopped).toMatchObject({ stopped: true, batches: 1 });
    expect(allRaw('<', horizon)).toBe(old - stopped.deleted);
    const next = job();
    expect(await next.run()).toMatchObject({ stopped: false, deleted: old - stopped.deleted });
    await next.stop();
    expect(allRaw('<', horizon)).toBe(0);
  });
});
