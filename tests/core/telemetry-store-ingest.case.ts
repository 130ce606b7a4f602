// The telemetry store contract, ingest half: resends out of order, duplicates across restarts (a new
// store on the same database) and the ack watermark, which never counts what is not committed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AcceptedSample, TelemetryStore } from '../../core/telemetry/telemetry-store.ts';
import type { Db } from '../../core/db/client.ts';
import { telemetrySample } from '../helpers/fleet-fixture.ts';
import { createStoreWorld, NOW, type StoreWorld } from './telemetry-store-world.ts';

/** A fresh database of one engine: the registry is written through `prisma`, stores are opened on it. */
export interface ContractDatabase {
  prisma: Db;
  open(options: { now: () => number }): TelemetryStore | Promise<TelemetryStore>;
  close(): Promise<void>;
}
/** Makes a fresh database for each part of the contract: adding an engine is one of these. */
export type OpenDatabase = () => Promise<ContractDatabase>;

const at = (seq: number) => NOW - 3_600_000 + seq * 60_000;
const sample = (deviceId: string, seq: number, bootId = 'r1'): AcceptedSample => ({ deviceId, sample: telemetrySample(bootId, seq, at(seq), { socPct: 90 - seq }), receivedAt: at(seq) + 1000 });
const batch = (samples: AcceptedSample[]) => ({ samples, rejections: [], statuses: [] });

export function runIngestContract(name: string, database: OpenDatabase) {
  describe(`telemetry store contract, ingest: ${name}`, () => {
    let db: ContractDatabase;
    let w: StoreWorld;
    let store: TelemetryStore;
    const opened: TelemetryStore[] = [];
    const openStore = async () => {
      const s = await db.open({ now: () => NOW });
      opened.push(s);
      return s;
    };

    beforeAll(async () => {
      db = await database();
      w = await createStoreWorld(db.prisma);
      store = await openStore();
    });
    afterAll(async () => {
      for (const s of opened) await s.close();
      await db?.close();
    });

    it('asks the registry for a whole batch of ids at once', async () => {
      expect([...(await store.knownDevices([w.free, w.unregistered, 'no-such-chair', w.consented]))].sort()).toEqual([w.free, w.consented].sort());
      expect((await store.knownDevices([])).size).toBe(0);
    });

    it('takes resends out of order: each seq stored once, the ack moving only over contiguous seqs', async () => {
      const acks: number[] = [];
      for (const seqs of [[5, 3], [0], [4, 1], [2, 5, 0], [7, 6]]) {
        const r = await store.commit(batch(seqs.map((s) => sample(w.free, s))));
        acks.push(r.acks.get(`${w.free}\u0000r1`)!.seq);
      }
      expect(acks).toEqual([-1, 0, 1, 5, 7]);
      expect(await store.watermark(w.free, 'r1')).toBe(7);
      const state = await store.chairState(w.free);
      // The newest sample by its own time is the state, whatever order they came in.
      expect(state).toMatchObject({ samples: 8, duplicates: 2, lastTs: at(7), socPct: 83 });
      const { points } = await store.rawSeries(state!.key, at(0), at(7), 100);
      expect(points.map((p) => p.t)).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map(at));
    });

    it('recognises duplicates across a restart: a new store on the same database knows what is stored', async () => {
      await store.commit(batch([0, 1, 2, 4, 5].map((s) => sample(w.consented, s))));
      expect(await store.watermark(w.consented, 'r1')).toBe(2);
      const restarted = await openStore();
      expect(await restarted.watermark(w.consented, 'r1')).toBe(2);
      // The chair resends everything it holds after the restart, with the missing seq among them.
      const r = await restarted.commit(batch([5, 4, 3, 2, 1, 0].map((s) => sample(w.consented, s))));
      expect(r).toMatchObject({ stored: 1, duplicates: 5 });
      expect([...r.acks.values()]).toEqual([{ deviceId: w.consented, bootId: 'r1', seq: 5 }]);
      expect(await restarted.chairState(w.consented)).toMatchObject({ samples: 6, duplicates: 5, lastTs: at(5) });
    });

    it('a commit that fails changes nothing: the watermark never counts its samples, and a retry stores them once', async () => {
      const before = await store.watermark(w.free, 'r1');
      const stateBefore = await store.chairState(w.free);
      const poisoned = { deviceId: w.free, receivedAt: NOW } as AcceptedSample;
      Object.defineProperty(poisoned, 'sample', { get: () => { throw new Error('unreadable sample'); } });
      const good = [8, 9, 10].map((s) => sample(w.free, s));
      // Issued together: the read may see the state before the commit, never a part of it.
      const [failed, during] = await Promise.allSettled([store.commit(batch([...good, poisoned])), store.watermark(w.free, 'r1')]);
      expect(failed.status).toBe('rejected');
      expect(during).toEqual({ status: 'fulfilled', value: before });
      expect(await store.watermark(w.free, 'r1')).toBe(before);
      expect(await store.chairState(w.free)).toEqual(stateBefore);
      expect(await (await openStore()).watermark(w.free, 'r1')).toBe(before);
      const retried = await store.commit(batch(good));
      expect(retried).toMatchObject({ stored: 3, duplicates: 0 });
      expect(await store.watermark(w.free, 'r1')).toBe(10);
    });

    it('a watermark read after a commit resolves includes all of it, on another store instance too', async () => {
      const other = await openStore();
      const pending = store.commit(batch([11, 12, 13].map((s) => sample(w.free, s))));
      const seen = await other.watermark(w.free, 'r1');
      // Whatever an instance reads while the commit is in flight is either before it or all of it.
      expect([10, 13]).toContain(seen);
      await pending;
      expect(await store.watermark(w.free, 'r1')).toBe(13);
      expect(await other.watermark(w.free, 'r1')).toBe(13);
    });
  });
}
