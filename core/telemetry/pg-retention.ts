// Retention on the PostgreSQL store: old raw samples leave by dropping whole day partitions (no
// row deletes, no bloat, no long lock on the hot partitions). A day leaves once it lies wholly
// before the horizon, so raw samples stay at most one day past TELEMETRY_RAW_DAYS; reads past the
// horizon are served from the hourly rollups anyway (retention.ts servedResolution).
import type { Pool } from 'pg';
import { partitionName, type RawPartitions } from './pg-partitions.ts';
import type { RawPruneBatch, RawPruner } from './retention.ts';

export class PgRawPruner implements RawPruner {
  constructor(
    private readonly pool: Pool,
    private readonly partitions: RawPartitions,
  ) {}

  /**
   * One batch is the whole run: every partition wholly before the horizon is dropped. `deleted` is
   * the catalogue's row estimate of the dropped partitions (counting them would read them all).
   */
  async pruneBatch(horizon: number): Promise<RawPruneBatch> {
    const { rows } = await this.pool.query<{ name: string; n: number }>(
      `SELECT c.relname AS name, greatest(c.reltuples, 0)::float8 AS n FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
       WHERE i.inhparent = 'telemetry_raw'::regclass`,
    );
    const estimate = new Map(rows.map((r) => [r.name, Number(r.n)]));
    const dropped = await this.partitions.dropBefore(horizon);
    const deleted = dropped.reduce((sum, day) => sum + (estimate.get(partitionName(day)) ?? 0), 0);
    return { deleted, nextId: null };
  }
}
