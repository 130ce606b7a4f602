// The PostgreSQL telemetry store on a real PostgreSQL: dedupe and the ack watermark, out-of-order
// resends, duplicates across a restart (a new store on the same database), two stores committing
// the same chair at once, the reads, the fleet_change triggers and their clock, and day partitions
// created ahead, dropped for retention and made again after another process dropped one.
// The shared contract runs on PostgreSQL in pg-telemetry-store-contract.test.ts; these are PostgreSQL's own.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type PostgresDatabase } from '../../core/db/client.ts';
import { migrateDatabase } from '../../core/db/migrate.ts';
import { PgTelemetryStore } from '../../core/telemetry/pg-telemetry-store.ts';
import { rawHorizon, runRetention } from '../../core/telemetry/retention.ts';
import { parseConfig } from '../../server/src/config.ts';
import { HOUR, telemetrySample } from '../helpers/fleet-fixture.ts';
import { startPostgres, type PostgresCluster } from '../helpers/postgres.ts';
import { createStoreWorld, DAY, NOW, type StoreWorld } from './telemetry-store-world.ts';

let cluster: PostgresCluster;
let db: PostgresDatabase;
let dir: string;
let w: StoreWorld;
let store: PgTelemetryStore;

const MIN = 60_000;
const T0 = NOW - 6 * HOUR;
const at = (i: number) => T0 + i * 10 * MIN;
const sample = (deviceId: string, seq: number, ts = at(seq), bootId = 'b1') =>
  ({ deviceId, sample: telemetrySample(bootId, seq, ts, { socPct: 90 - seq, odometerM: 1000 + 100 * seq, motorSeconds: 500 + 60 * seq }), receivedAt: ts + 5000 });
const batch = (samples: ReturnType<typeof sample>[]) => ({ samples, rejections: [], statuses: [] });
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k);
const rawRows = async (deviceKey: number) =>
  (await db.pool.query<{ seq: string }>('SELECT seq FROM telemetry_raw WHERE device_key = $1 ORDER BY seq', [deviceKey])).rows.map((r) => Number(r.seq));

beforeAll(async () => {
  cluster = await startPostgres();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atensi-pg-store-'));
  const config = parseConfig({ DATA_DIR: dir, DATABASE_URL: await cluster.createDatabase(), LOG_LEVEL: 'silent' });
  await migrateDatabase(config);
  db = openDatabase(config.database) as PostgresDatabase;
  w = await createStoreWorld(db.prisma);
  store = new PgTelemetryStore(db.pool, { now: () => NOW });
}, 60_000);

afterAll(async () => {
  await db?.close();
  await cluster?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the PostgreSQL telemetry store', () => {
  it('keeps raw samples in a partitioned table with a 64-bit id', async () => {
    const { rows } = await db.pool.query<{ kind: string; id: string }>(
      `SELECT c.relkind AS kind, format_type(a.atttypid, a.atttypmod) AS id FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'id'
       WHERE c.relname = 'telemetry_raw'`,
    );
    expect(rows).toEqual([{ kind: 'p', id: 'bigint' }]);
  });

  it('stores each sample once, acknowledges the highest contiguous seq, and knows registered chairs', async () => {
    expect(await store.knowsDevice(w.free)).toBe(true);
    expect(await store.knowsDevice(w.unregistered)).toBe(false);
    const first = await store.commit(batch(range(0, 17).map((i) => sample(w.free, i))));
    expect(first).toMatchObject({ stored: 18, duplicates: 0, withheld: 0 });
    expect([...first.acks.values()]).toEqual([{ deviceId: w.free, bootId: 'b1', seq: 17 }]);
    const resent = await store.commit(batch(range(10, 17).map((i) => sample(w.free, i))));
    expect(resent).toMatchObject({ stored: 0, duplicates: 8 });
    expect(await store.watermark(w.free, 'b1')).toBe(17);
    expect(await store.watermark(w.free, 'other-boot')).toBe(-1);
    expect(await store.chairState(w.free)).toMatchObject({ deviceId: w.free, socPct: 73, lastTs: at(17), receivedAt: at(17) + 5000, samples: 18, duplicates: 8, online: false });
  });

  it('waits at a gap, takes resends out of order, and remembers across a restart', async () => {
    await store.commit(batch([0, 1, 5, 3].map((i) => sample(w.consented, i))));
    expect(await store.watermark(w.consented, 'b1')).toBe(1);
    const restarted = new PgTelemetryStore(db.pool, { now: () => NOW });
    const r = await restarted.commit(batch([4, 3, 2, 1].map((i) => sample(w.consented, i))));
    expect(r).toMatchObject({ stored: 2, duplicates: 2 });
    expect([...r.acks.values()]).toEqual([{ deviceId: w.consented, bootId: 'b1', seq: 5 }]);
    const key = (await store.chairState(w.consented))!.key;
    expect(await rawRows(key)).toEqual(range(0, 5));
    expect(await store.chairState(w.consented)).toMatchObject({ lastTs: at(5), socPct: 85, samples: 6 });
  });

  it('stores every sample once when two stores commit the same chair at the same time', async () => {
    const a = new PgTelemetryStore(db.pool, { now: () => NOW });
    const b = new PgTelemetryStore(db.pool, { now: () => NOW });
    const seqs = range(0, 119);
    const batches = (s: PgTelemetryStore, offset: number) =>
      Array.from({ length: 12 }, (_, k) => s.commit(batch(seqs.slice(k * 10, k * 10 + 10 + offset).map((i) => sample(w.unregistered, i, at(i), 'b2')))));
    const results = await Promise.all([...batches(a, 0), ...batches(b, 5)]);
    const stored = results.reduce((n, r) => n + r.stored, 0);
    expect(stored).toBe(120);
    expect(await store.watermark(w.unregistered, 'b2')).toBe(119);
    const key = (await store.chairState(w.unregistered))!.key;
    const { rows } = await db.pool.query<{ n: string; d: string }>(
      "SELECT count(*) AS n, count(DISTINCT seq) AS d FROM telemetry_raw r JOIN chair_boot b ON b.key = r.boot_key WHERE r.device_key = $1 AND b.\"bootId\" = 'b2'", [key]);
    expect(rows[0]).toEqual({ n: '120', d: '120' });
  });

  it('acknowledges but keeps nothing of chairs whose user has no active telemetry consent', async () => {
    const r = await store.commit(batch([sample(w.withdrawn, 0), sample(w.child, 0)]));
    expect(r).toMatchObject({ stored: 0, withheld: 2 });
    expect(await store.watermark(w.withdrawn, 'b1')).toBe(0);
    expect((await store.fleetRow(w.withdrawn, false, new Date(NOW)))!).toMatchObject({ withheld: 1, telemetryOff: 'consent_withdrawn' });
  });

  it('reads series, rollups, capacity and the rules’ samples', async () => {
    const key = (await store.chairState(w.free))!.key;
    const raw = await store.rawSeries(key, T0, T0 + 3 * HOUR - 1, 5);
    expect(raw.stride).toBe(4);
    expect(raw.points.map((p) => p.t)).toEqual([1, 5, 9, 13, 17].map(at));
    const hours = await store.aggregateSeries(key, T0, T0 + 3 * HOUR - 1, 'hour');
    expect(hours.map((p) => [p.t, p.n, p.socMin, p.socMax, p.distanceM])).toEqual([[T0, 6, 85, 90, 500], [T0 + HOUR, 6, 79, 84, 600], [T0 + 2 * HOUR, 6, 73, 78, 600]]);
    expect(await store.sampleSpan(key, T0, NOW)).toEqual({ samples: 18, firstTs: T0, lastTs: at(17) });
    const t = await store.rulesTelemetry(w.free, { now: NOW, fromDay: Math.floor(NOW / DAY) - 1, capacityFrom: T0, odometerFrom: T0 });
    expect(t.telemetryOff).toBe(false);
    const head = t.chair!.state.rawId!;
    expect((await store.dischargeAfter(key, head, at(16))).map((s) => s.ts)).toEqual([at(17)]);
    expect(await store.dischargeSince(key, head, head)).toEqual([]);
    await store.commit(batch([sample(w.free, 19), sample(w.free, 18)]));
    const next = (await store.rulesTelemetry(w.free, { now: NOW, fromDay: 0, capacityFrom: null, odometerFrom: null })).chair!.state.rawId!;
    expect((await store.dischargeSince(key, next, head)).map((s) => [s.ts, s.socPct])).toEqual([[at(18), 72], [at(19), 71]]);
  });

  it('lists the fleet with state and consent, filtered like SQLite', async () => {
    const rows = await store.fleetList({ centreId: w.centreId }, { hideClinicalAlerts: true, now: new Date(NOW) });
    expect(rows.length).toBe(6);
    expect(rows.find((r) => r.id === w.free)!.state).toMatchObject({ socPct: 71, online: false, charging: false });
    expect(rows.find((r) => r.id === w.child)!.telemetryOff).toBe('no_consent');
    const ids = await store.fleetList({ centreId: w.centreId }, { hideClinicalAlerts: true, now: new Date(NOW), q: 'ct-001' });
    expect(ids.map((r) => r.id)).toEqual([w.free]);
    expect(await store.locateDevice(w.free)).toMatchObject({ id: w.free, centreId: w.centreId, chairKey: (await store.chairState(w.free))!.key });
  });

  it('stamps fleet_change from PL/pgSQL triggers on the writes SQLite’s triggers stamp', async () => {
    const p = db.prisma;
    const stamped = async (write: () => Promise<unknown>) => {
      const before = await store.fleetVersion();
      await write();
      const changes = await store.fleetChangesSince(before);
      if (changes.deviceIds.length) expect(changes.version).toBe(before + 1);
      expect(await store.fleetVersion()).toBe(changes.version);
      return changes.deviceIds.sort();
    };
    const ids = async (where: Record<string, string>) => (await p.device.findMany({ where, select: { id: true } })).map((d) => d.id).sort();
    const { modelId } = await p.device.findUniqueOrThrow({ where: { id: w.free } });
    expect(await stamped(() => p.device.update({ where: { id: w.free }, data: { lastServiceAt: new Date(NOW) } }))).toEqual([w.free]);
    expect(await stamped(() => p.workOrder.create({ data: { centreId: w.centreId, deviceId: w.free, kind: 'repair', priority: 'normal' } }))).toEqual([w.free]);
    expect(await stamped(() => p.transfer.create({ data: { deviceId: w.manual, fromCentreId: w.centreId, toCentreId: w.centreId } }))).toEqual([w.manual]);
    expect(await stamped(() => p.ruleState.create({ data: { deviceId: w.free, rule: 'battery_wear', data: '{}' } }))).toEqual([w.free]);
    expect(await stamped(() => p.ruleState.create({ data: { deviceId: w.free, rule: 'silent_chair', data: '{}' } }))).toEqual([]);
    const key = (await store.chairState(w.free))!.key;
    expect(await stamped(() => db.pool.query('UPDATE chair_state SET samples = samples + 1, "lastRawId" = "lastRawId" WHERE key = $1', [key]))).toEqual([]);
    expect(await stamped(() => db.pool.query('UPDATE chair_state SET online = NOT online WHERE key = $1', [key]))).toEqual([w.free]);
    expect(await stamped(() => p.deviceModel.update({ where: { id: modelId }, data: { name: 'Contract E2' } }))).toEqual(await ids({ modelId }));
    expect(await stamped(() => p.centre.update({ where: { id: w.centreId }, data: { name: 'Renamed centre' } }))).toEqual(await ids({ centreId: w.centreId }));
    expect(await stamped(() => p.centre.update({ where: { id: w.centreId }, data: { city: 'Klaten' } }))).toEqual([]);
    const mine = await ids({ beneficiaryId: w.consentedUser });
    expect(await stamped(() => p.beneficiary.update({ where: { id: w.consentedUser }, data: { fullName: 'Contract A.' } }))).toEqual(mine);
    expect(await stamped(() => p.consent.updateMany({ where: { beneficiaryId: w.consentedUser }, data: { method: 'paper' } }))).toEqual(mine);
    const gone = await p.device.create({ data: { serial: 'GONE-1', serialKey: 'GONE-1', modelId, centreId: w.centreId } });
    expect(await stamped(() => p.device.delete({ where: { id: gone.id } }))).toEqual([gone.id]);
  });

  it('commits fleet versions in order: a second writer waits for the first one’s clock', async () => {
    const before = await store.fleetVersion();
    const first = await db.pool.connect();
    let secondDone = false;
    try {
      await first.query('BEGIN');
      await first.query('UPDATE "Device" SET "lastServiceAt" = now() WHERE id = $1', [w.free]);
      const second = db.pool.query('UPDATE "Device" SET "lastServiceAt" = now() WHERE id = $1', [w.consented]).then(() => (secondDone = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(secondDone).toBe(false);
      expect(await store.fleetChangesSince(before)).toEqual({ version: before, deviceIds: [] });
      await first.query('COMMIT');
      await second;
    } finally {
      first.release();
    }
    const { rows } = await db.pool.query<{ id: string; v: string }>('SELECT "deviceId" AS id, version AS v FROM fleet_change WHERE version > $1 ORDER BY version', [before]);
    expect(rows.map((r) => [r.id, Number(r.v)])).toEqual([[w.free, before + 1], [w.consented, before + 2]]);
  });

  it('creates day partitions ahead and drops whole days for retention', async () => {
    await store.preparePartitions(NOW, 2);
    const names = async () => (await db.pool.query<{ n: string }>("SELECT c.relname AS n FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'telemetry_raw'::regclass ORDER BY 1")).rows.map((r) => r.n);
    const today = Math.floor(NOW / DAY);
    expect(await names()).toEqual([today, today + 1, today + 2].map((d) => `telemetry_raw_d${d}`));
    await store.commit(batch([sample(w.consented, 6, NOW - 3 * DAY)]));
    expect(await names()).toContain(`telemetry_raw_d${today - 3}`);
    expect(await store.dropRawBefore(NOW - DAY)).toEqual([today - 3]);
    const key = (await store.chairState(w.consented))!.key;
    expect(await rawRows(key)).toEqual(range(0, 5));
  });

  it('takes part in retention: the shared run drops the days wholly before the horizon', async () => {
    await store.commit(batch([sample(w.consented, 7, NOW - 5 * DAY), sample(w.consented, 8, NOW - 5 * DAY + HOUR)]));
    const today = Math.floor(NOW / DAY);
    await db.pool.query(`ANALYZE telemetry_raw_d${today - 5}`);
    const horizon = rawHorizon(NOW, 2);
    const r = await runRetention(store.rawPruner(), { horizon, pauseMs: 0 });
    expect(r).toMatchObject({ horizon, deleted: 2, batches: 1, stopped: false });
    const key = (await store.chairState(w.consented))!.key;
    expect(await rawRows(key)).toEqual(range(0, 5));
    expect((await store.aggregateSeries(key, NOW - 6 * DAY, NOW - 4 * DAY, 'day')).map((p) => p.n)).toEqual([2]);
    expect((await runRetention(store.rawPruner(), { horizon, pauseMs: 0 })).deleted).toBe(0);
  });

  it('makes a day partition again when another process dropped it after this one made it', async () => {
    const a = new PgTelemetryStore(db.pool, { now: () => NOW });
    expect(await a.commit(batch([sample(w.consented, 9, NOW - 10 * DAY)]))).toMatchObject({ stored: 1 });
    const today = Math.floor(NOW / DAY);
    expect(await new PgTelemetryStore(db.pool, { now: () => NOW }).dropRawBefore(NOW - 9 * DAY)).toEqual([today - 10]);
    expect(await a.commit(batch([sample(w.consented, 10, NOW - 10 * DAY + HOUR)]))).toMatchObject({ stored: 1 });
    const key = (await store.chairState(w.consented))!.key;
    expect(await rawRows(key)).toEqual([...range(0, 5), 10]);
  });

  it('never deadlocks when two stores write each other’s chairs’ samples and statuses at once', async () => {
    const [a, b] = [new PgTelemetryStore(db.pool, { now: () => NOW }), new PgTelemetryStore(db.pool, { now: () => NOW })];
    const mixed = (s: PgTelemetryStore, chair: string, other: string, seq: number) =>
      s.commit({ samples: [sample(chair, seq, at(seq), 'b3')], rejections: [], statuses: [{ deviceId: other, online: seq % 2 === 0, at: at(seq) }] });
    const results = await Promise.allSettled(range(0, 15).flatMap((i) => [mixed(a, w.free, w.unregistered, i), mixed(b, w.unregistered, w.free, i)]));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect([await store.watermark(w.free, 'b3'), await store.watermark(w.unregistered, 'b3')]).toEqual([15, 15]);
  });
});
