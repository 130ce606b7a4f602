// With an asynchronous store, the pipeline still commits one batch at a time, settles (PUBACKs)
// only what a resolved commit holds, and reads watermarks for acks between commits, never during
// one: no ack or PUBACK can run ahead of what is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestPipeline } from '../../firmware-bridge/src/bridge/ingest-pipeline.ts';
import { SqliteTelemetryStore } from '../../core/telemetry/sqlite-telemetry-store.ts';
import type { TelemetryStore } from '../../core/telemetry/telemetry-store.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { sample } from '../helpers/telemetry-fixture.ts';
import { createStoreWorld } from '../core/telemetry-store-world.ts';
import { setTimeout as sleep } from 'node:timers/promises';

let h: Harness;
let chair: string;
beforeAll(async () => {
  h = await createHarness();
  chair = (await createStoreWorld(h)).free;
});
afterAll(() => h.close());

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { opened, open };
}

describe('ingest pipeline on an asynchronous store', () => {
  it('commits strictly one batch at a time and acks nothing that is not committed', async () => {
    const real = new SqliteTelemetryStore(h.db.raw);
    const [first, second] = [gate(), gate()];
    const gates = [first, second];
    let inFlight = 0;
    let maxInFlight = 0;
    let committed = -1;
    const store: TelemetryStore = Object.assign(Object.create(real) as TelemetryStore, {
      commit: async (b: Parameters<TelemetryStore['commit']>[0]) => {
        maxInFlight = Math.max(maxInFlight, ++inFlight);
        await (gates.shift()?.opened ?? Promise.resolve());
        try {
          const r = await real.commit(b);
          committed = r.acks.get(`${chair}\u0000boot-a`)?.seq ?? committed;
          return r;
        } finally {
          inFlight--;
        }
      },
    });
    const readAfterCommit = gate();
    const acks: { seq: number; committedThen: number }[] = [];
    const settled: { seq: number; committedThen: number }[] = [];
    const pipeline = new IngestPipeline({
      store,
      prefix: 'atensi',
      // As the telemetry service does for a chair coming online: the ack is read from the store.
      async onCommitted(_r, b) {
        if (!b.statuses.length) return;
        await readAfterCommit.opened;
        acks.push({ seq: await store.watermark(chair, 'boot-a'), committedThen: committed });
      },
    });
    const push = (seq: number) => pipeline.push(`atensi/chairs/${chair}/telemetry`, Buffer.from(sample(seq)), () => settled.push({ seq, committedThen: committed }));

    for (let seq = 0; seq < 5; seq++) push(seq);
    pipeline.push(`atensi/chairs/${chair}/status`, Buffer.from(JSON.stringify({ v: 1, state: 'online', bootId: 'boot-a', fw: '1.0.0', ts: Date.now() })), () => {});
    await sleep(20);
    expect(inFlight).toBe(1);
    // Arriving while the first batch is in flight: held for the next commit, not committed beside it.
    for (let seq = 5; seq < 10; seq++) push(seq);
    await sleep(20);
    expect({ maxInFlight, settled: settled.length, watermark: await real.watermark(chair, 'boot-a') }).toEqual({ maxInFlight: 1, settled: 0, watermark: -1 });

    first.open();
    await sleep(20);
    // The first batch is stored and settled; its onCommitted still reads, so the second has not started.
    expect(settled.map((s) => s.seq)).toEqual([0, 1, 2, 3, 4]);
    expect(inFlight).toBe(0);
    expect(await real.watermark(chair, 'boot-a')).toBe(4);
    readAfterCommit.open();
    await sleep(20);
    expect(acks).toEqual([{ seq: 4, committedThen: 4 }]);
    expect(inFlight).toBe(1);
    expect(settled).toHaveLength(5);

    second.open();
    expect(await pipeline.close()).toBe(true);
    expect(maxInFlight).toBe(1);
    expect(settled.map((s) => s.seq)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // Every PUBACK went out after the commit holding its sample.
    for (const s of settled) expect(s.seq).toBeLessThanOrEqual(s.committedThen);
    expect(await real.watermark(chair, 'boot-a')).toBe(9);
  });
});
