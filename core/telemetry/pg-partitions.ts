// The PostgreSQL raw-sample partitions: one per UTC day of sample time, created ahead of the
// samples that need them (idempotent across processes under an advisory lock), and dropped whole
// when their day leaves the retention horizon.
import type { Pool, PoolClient } from 'pg';

export const PARTITION_DAY_MS = 86_400_000;
/** Advisory lock key for partition DDL (any fixed number; distinct from Prisma's migration lock). */
const PARTITION_LOCK = 7_241_203_001;

export const partitionName = (day: number) => `telemetry_raw_d${day}`;

export class RawPartitions {
  private readonly known = new Set<number>();

  constructor(private readonly pool: Pool) {}

  /** Forgets the days known to have a partition (another process may have dropped some). */
  forget(): void {
    this.known.clear();
  }

  /** Days (since the epoch) that have a partition, read from the catalogue. */
  async existing(): Promise<number[]> {
    const { rows } = await this.pool.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
       WHERE i.inhparent = 'telemetry_raw'::regclass`,
    );
    return rows.map((r) => Number(/^telemetry_raw_d(\d+)$/.exec(r.name)?.[1])).filter((d) => Number.isInteger(d)).sort((a, b) => a - b);
  }

  /** Makes sure every day these sample times fall in has a partition (plus `ahead` days after the newest). */
  async ensureFor(tss: Iterable<number>, ahead = 0): Promise<void> {
    const days = new Set<number>();
    for (const ts of tss) {
      const day = Math.floor(ts / PARTITION_DAY_MS);
      for (let d = day; d <= day + ahead; d++) if (!this.known.has(d)) days.add(d);
    }
    if (!days.size) return;
    await this.locked(async (client) => {
      for (const day of days) {
        const from = day * PARTITION_DAY_MS;
        await client.query(
          `CREATE TABLE IF NOT EXISTS ${partitionName(day)} PARTITION OF telemetry_raw FOR VALUES FROM (${from}) TO (${from + PARTITION_DAY_MS})`,
        );
      }
    });
    for (const d of days) this.known.add(d);
  }

  /** Drops every partition that holds only samples taken before `ts` (whole days); returns the days dropped. */
  async dropBefore(ts: number): Promise<number[]> {
    const limit = Math.floor(ts / PARTITION_DAY_MS);
    const old = (await this.existing()).filter((d) => d < limit);
    if (!old.length) return [];
    await this.locked(async (client) => {
      for (const day of old) await client.query(`DROP TABLE IF EXISTS ${partitionName(day)}`);
    });
    for (const d of old) this.known.delete(d);
    return old;
  }

  /** Runs partition DDL in one transaction, one process at a time (IF NOT EXISTS alone can race in the catalogue). */
  private async locked(ddl: (client: PoolClient) => Promise<void>): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [PARTITION_LOCK]);
      await ddl(client);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }
}
