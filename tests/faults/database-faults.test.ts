// Faults of the database under a steady stream: another writer holding the write lock for seconds,
// and a full disk (SQLite's max_page_count on the bridge's connection). While the fault holds, the
// bridge commits nothing, so it acknowledges nothing (no PUBACK, no ack moves) and keeps retrying
// with backoff; afterwards ingest resumes and every sample is stored exactly once. The API keeps
// answering reads throughout.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startFleet } from '../../firmware-bridge/src/simulator/fleet.ts';
import { ledger, report, sleep, startStack, watchAcks } from './kit.ts';

const CHAIRS = 20;
const HOLD_MS = 4000;

/**
 * `total`: nothing at all can be written while it holds. A full disk is not total: a row that still
 * fits in a page the file already has may go in during the first moments, and is then acknowledged
 * as it should be.
 */
type Fault = { name: string; total: boolean; apply(stack: Awaited<ReturnType<typeof startStack>>): () => void };

const faults: Fault[] = [
  {
    name: 'db-locked',
    total: true,
    apply({ f }) {
      // Another process's writer: a second connection holding the write lock.
      const other = new Database(f.h.config.databaseFile);
      other.prepare('BEGIN IMMEDIATE').run();
      return () => {
        other.prepare('COMMIT').run();
        other.close();
      };
    },
  },
  {
    name: 'disk-full',
    total: false,
    apply({ f }) {
      const raw = f.h.db.raw;
      const before = raw.pragma('max_page_count', { simple: true }) as number;
      raw.prepare('CREATE TABLE IF NOT EXISTS fault_filler (b BLOB)').run();
      const pages = raw.pragma('page_count', { simple: true }) as number;
      raw.pragma(`max_page_count = ${pages}`); // the file may not grow by one page
      // ...and what is free inside it is taken too, so the disk is as full as a disk gets.
      const fill = raw.prepare('INSERT INTO fault_filler VALUES (zeroblob(?))');
      for (const size of [65_536, 4096, 512, 64]) {
        for (;;) {
          try {
            fill.run(size);
          } catch (err) {
            if ((err as { code?: string }).code !== 'SQLITE_FULL') throw err;
            break;
          }
        }
      }
      return () => {
        raw.prepare('DROP TABLE fault_filler').run();
        raw.pragma(`max_page_count = ${before}`);
      };
    },
  },
];

describe.each(faults)('fault: $name under a steady stream', (fault) => {
  it('withholds acks while it holds, retries, then stores every sample exactly once; the API answers', async () => {
    const stack = await startStack('aedes', CHAIRS, fault.name.slice(0, 2));
    const { f } = stack;
    try {
      const fleet = await startFleet({ url: f.url, chairs: stack.fleetChairs, intervalS: 0.05, physicsSpeed: 60, faultRate: 0, seed: 13 });
      const acks = watchAcks(fleet.chairs);
      const rejectedBefore = f.count('SELECT count(*) AS n FROM rejected_message');
      await sleep(1500);
      const stats0 = { ...f.svc.pipeline.stats };
      const start = Date.now();
      const release = fault.apply(stack);
      await sleep(HOLD_MS);
      const during = { ...f.svc.pipeline.stats };
      const heldMessages = f.svc.pipeline.pending;
      const unackedAtPeak = fleet.stats().unacked;
      const end = Date.now();
      release();
      const resumeStarted = performance.now();
      await f.waitFor(() => f.svc.pipeline.stats.commits > during.commits, 15_000);
      const resumeMs = performance.now() - resumeStarted;
      await sleep(1000);
      fleet.halt();
      const drained = await Promise.all(fleet.chairs.map((c) => c.drained(60_000)));
      await fleet.stop();
      const api = await stack.probe.stop();
      const counted = ledger(f.h.db.raw, fleet.chairs);
      // Acks already on their way when the fault began may land in its first moments.
      const acksWhileHeld = acks.between(start + 500, end);
      report(fault.name, {
        holdMs: HOLD_MS, ...counted, wrongBoots: counted.wrongBoots.length,
        commitsWhileHeld: during.commits - stats0.commits, failedCommits: during.failedCommits - stats0.failedCommits,
        acksWhileHeld, heldMessages, unackedAtPeak, resumeMs: Math.round(resumeMs),
        apiRequests: api.requests, apiFailed: api.failed, apiP99Ms: api.p99Ms,
      });
      if (fault.total) {
        expect(during.commits - stats0.commits, 'no commit succeeds while the fault holds').toBeLessThanOrEqual(1);
        expect(acksWhileHeld, 'no ack while nothing is stored').toBe(0);
      }
      expect(during.failedCommits - stats0.failedCommits, 'the bridge kept retrying').toBeGreaterThanOrEqual(3);
      expect(heldMessages, 'at the end of the fault, messages held unacknowledged, not dropped').toBeGreaterThan(0);
      expect(drained.every(Boolean)).toBe(true);
      expect(counted.wrongBoots).toEqual([]);
      expect({ lost: counted.lost, duplicated: counted.duplicated }).toEqual({ lost: 0, duplicated: 0 });
      expect(f.count('SELECT count(*) AS n FROM rejected_message'), 'a database fault is not the chairs\' fault').toBe(rejectedBefore);
      expect(api.failures).toEqual([]);
    } finally {
      await stack.close();
    }
  });
});
