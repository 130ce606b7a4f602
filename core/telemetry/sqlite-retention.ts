// Retention on the SQLite store: old raw samples leave in small batches walked in storage order
// (rowid ranges, so no index on time is needed and the append-only hot path stays as it is).
// Each batch is one short BEGIN IMMEDIATE transaction; the bridge's commits run between batches.
import type Database from 'better-sqlite3';
import type { RawPruneBatch, RawPruner } from './retention.ts';

/**
 * A batch looks at the next `limit` rows from `fromId` and deletes those whose device time is before
 * the horizon. Rows are stored in arrival order, so the walk ends at the first batch whose rows all
 * arrived after the horizon (arrival = ts + recv_delta): nothing beyond it can be old, except a
 * sample that arrived already past the horizon (a long-lost backlog), which leaves once its arrival does.
 */
export class SqliteRawPruner implements RawPruner {
  private readonly window: Database.Statement;
  private readonly remove: Database.Statement;
  private readonly batch: (horizon: number, fromId: number, limit: number) => RawPruneBatch;

  constructor(db: Database.Database) {
    this.window = db.prepare(
      `SELECT max(id) AS hi, min(ts + recv_delta) AS firstArrival, count(*) AS n
       FROM (SELECT id, ts, recv_delta FROM telemetry_raw WHERE id >= ? ORDER BY id LIMIT ?)`,
    );
    this.remove = db.prepare('DELETE FROM telemetry_raw WHERE id BETWEEN ? AND ? AND ts < ?');
    const tx = db.transaction((horizon: number, fromId: number, limit: number): RawPruneBatch => {
      const w = this.window.get(fromId, limit) as { hi: number | null; firstArrival: number | null; n: number };
      if (w.n === 0 || w.hi === null) return { deleted: 0, nextId: null };
      const deleted = this.remove.run(fromId, w.hi, horizon).changes;
      const done = w.n < limit || (w.firstArrival ?? 0) >= horizon;
      return { deleted, nextId: done ? null : w.hi + 1 };
    });
    // IMMEDIATE: the write lock is taken at BEGIN, so two pruners (two bridges) queue instead of
    // failing a lock upgrade halfway through a batch.
    this.batch = (horizon, fromId, limit) => tx.immediate(horizon, fromId, limit);
  }

  async pruneBatch(horizon: number, fromId: number, limit: number): Promise<RawPruneBatch> {
    return this.batch(horizon, fromId, limit);
  }
}
