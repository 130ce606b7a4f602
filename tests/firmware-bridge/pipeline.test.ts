// When the database refuses (another writer holds the lock), the bridge withholds every PUBACK and
// ack, retries with backoff, and stores everything once the lock is gone; shutdown commits what it holds.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestPipeline } from '../../firmware-bridge/src/bridge/ingest-pipeline.ts';
import { SqliteTelemetryStore } from '../../core/telemetry/sqlite-telemetry-store.ts';
import { sample, startTelemetryFixture, type TelemetryFixture } from '../helpers/telemetry-fixture.ts';
import { setTimeout as sleep } from 'node:timers/promises';

let f: TelemetryFixture;
beforeAll(async () => {
  f = await startTelemetryFixture('aedes');
}, 60_000);
afterAll(() => f.close());

/** Another connection takes the write lock, as a long admin job or a backup would. */
function lockDatabase() {
  const other = new Database(f.h.config.databaseFile, { timeout: 0 });
  other.exec('BEGIN IMMEDIATE');
  return () => {
    other.exec('COMMIT');
    other.close();
  };
}

/** aedes' persistence is public at run time but missing from its typings. */
interface OutgoingQueue {
  outgoingStream(client: { id: string }): AsyncIterable<unknown>;
}

async function pendingForBridge(): Promise<number> {
  const { persistence } = f.svc.broker!.aedes as unknown as { persistence: OutgoingQueue };
  const stream = persistence.outgoingStream({ id: 'atensi-bridge-1' });
  let n = 0;
  for await (const _ of stream) n++;
  return n;
}

const stored = (deviceId: string) =>
  f.count('SELECT count(*) AS n FROM telemetry_raw r JOIN chair_state s ON s.key = r.device_key WHERE s.deviceId = ?', deviceId);

describe('database locked by another writer', () => {
  it('withholds PUBACKs at the broker until the commit succeeds, then stores every sample once', async () => {
    f.h.db.raw.pragma('busy_timeout = 10');
    const chair = await f.connectChair(0);
    const id = f.chairs[0]!.deviceId;
    const unlock = lockDatabase();
    const failedBefore = f.svc.pipeline.stats.failedCommits;
    for (let seq = 0; seq < 5; seq++) await chair.publishAsync(`atensi/chairs/${id}/telemetry`, sample(seq), { qos: 1 });
    await f.waitFor(() => f.svc.pipeline.stats.failedCommits > failedBefore + 1);
    // The broker still holds all five for the bridge: none was acknowledged before it was stored.
    expect(await pendingForBridge()).toBe(5);
    expect(stored(id)).toBe(0);
    unlock();
    await f.waitFor(() => stored(id) === 5);
    await f.waitFor(async () => (await pendingForBridge()) === 0);
    expect(await f.svc.store.watermark(id, 'boot-a')).toBe(4);
    await chair.endAsync();
  });
});

describe('ingest pipeline', () => {
  it('settles nothing while commits fail, retries, then settles each message once', async () => {
    const raw = new Database(f.h.config.databaseFile, { timeout: 0 });
    const store = new SqliteTelemetryStore(raw);
    const errors: number[] = [];
    const pipeline = new IngestPipeline({ store, prefix: 'atensi', retryBaseMs: 20, retryMaxMs: 100, onError: (_e, attempt) => errors.push(attempt) });
    const id = f.chairs[1]!.deviceId;
    const unlock = lockDatabase();
    const settled: number[] = [];
    for (let seq = 0; seq < 3; seq++) pipeline.push(`atensi/chairs/${id}/telemetry`, Buffer.from(sample(seq, {}, 'boot-p')), () => settled.push(seq));
    await sleep(300);
    expect(settled).toEqual([]);
    expect(errors.length).toBeGreaterThan(1);
    expect(errors).toEqual(errors.map((_, i) => i + 1));
    unlock();
    await f.waitFor(() => settled.length === 3);
    expect(settled).toEqual([0, 1, 2]);
    expect(await pipeline.close()).toBe(true);
    raw.close();
  });

  it('close() commits what it holds and afterwards refuses new messages without settling them', async () => {
    const raw = new Database(f.h.config.databaseFile, { timeout: 1000 });
    const pipeline = new IngestPipeline({ store: new SqliteTelemetryStore(raw), prefix: 'atensi' });
    const id = f.chairs[2]!.deviceId;
    let settled = 0;
    for (let seq = 0; seq < 4; seq++) pipeline.push(`atensi/chairs/${id}/telemetry`, Buffer.from(sample(seq, {}, 'boot-q')), () => settled++);
    expect(await pipeline.close()).toBe(true);
    expect(settled).toBe(4);
    expect(pipeline.push(`atensi/chairs/${id}/telemetry`, Buffer.from(sample(9, {}, 'boot-q')), () => settled++)).toBe(false);
    expect(settled).toBe(4);
    raw.close();
  });
});

describe('ack coalescing', () => {
  it('sends one ack per chair and boot per tick, the current boot last, and nothing unchanged', async () => {
    const { AckCoalescer } = await import('../../firmware-bridge/src/bridge/ack-coalescer.ts');
    const sent: string[] = [];
    const acks = new AckCoalescer({ intervalMs: 60_000, publish: (d, a) => sent.push(`${d}:${a.bootId}:${a.seq}`) });
    acks.update('c1', { bootId: 'new', seq: 3 });
    acks.update('c1', { bootId: 'old', seq: 40 });
    acks.update('c1', { bootId: 'new', seq: 7 });
    acks.update('c2', { bootId: 'x', seq: 1 });
    await acks.tick();
    expect(sent).toEqual(['c1:old:40', 'c1:new:7', 'c2:x:1']);
    acks.update('c1', { bootId: 'new', seq: 7 });
    await acks.tick();
    expect(sent).toHaveLength(3);
    await acks.now('c1', { bootId: 'new', seq: 7 });
    expect(sent.at(-1)).toBe('c1:new:7');
    await acks.close();
  });

  it('sends the database\'s watermark when another bridge has moved it further, and holds acks while offline', async () => {
    const { AckCoalescer } = await import('../../firmware-bridge/src/bridge/ack-coalescer.ts');
    const sent: string[] = [];
    const committed = new Map([['c1:b', 12]]);
    let online = false;
    const acks = new AckCoalescer({
      intervalMs: 60_000,
      publish: (d, a) => sent.push(`${d}:${a.bootId}:${a.seq}`),
      current: async (d, b) => committed.get(`${d}:${b}`) ?? -1,
      canSend: () => online,
    });
    acks.update('c1', { bootId: 'b', seq: 9 }); // this bridge committed up to 9; another bridge up to 12
    await acks.tick();
    expect(sent).toEqual([]); // offline: nothing queued to go out late
    online = true;
    await acks.tick();
    expect(sent).toEqual(['c1:b:12']);
    committed.set('c1:b', 20);
    acks.update('c1', { bootId: 'b', seq: 15 });
    await acks.tick();
    expect(sent).toEqual(['c1:b:12', 'c1:b:20']);
    await acks.close();
  });
});
