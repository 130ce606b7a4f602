// Database gauges for /metrics, behind one small interface so each engine reports what it has:
// SQLite its file and write-ahead-log sizes; PostgreSQL (the hook) its connection pool.
import fs from 'node:fs';
import { counter, type MetricsRegistry, readAtScrape } from './registry.ts';

export interface DatabaseStats {
  /** Bytes of the main database file (SQLite). */
  fileBytes?: number;
  /** Bytes of the write-ahead log (SQLite's `-wal` file); grows while readers hold old snapshots. */
  walBytes?: number;
  /** A connection pool's state (PostgreSQL: pg.Pool's totalCount, idleCount, waitingCount). */
  pool?: { total: number; idle: number; waiting: number };
}

export interface DatabaseStatsSource {
  engine: 'sqlite' | 'postgresql';
  read(): DatabaseStats | Promise<DatabaseStats>;
}

const sizeOf = (file: string) => {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0; // a checkpoint on close removes the WAL file
  }
};

export function sqliteStats(databaseFile: string): DatabaseStatsSource {
  return { engine: 'sqlite', read: () => ({ fileBytes: sizeOf(databaseFile), walBytes: sizeOf(`${databaseFile}-wal`) }) };
}

/**
 * The PostgreSQL hook: pass the `pg.Pool` the Prisma adapter uses (its counts are public
 * properties), and atensi_db_pool_connections reports it.
 */
export function poolStats(pool: { totalCount: number; idleCount: number; waitingCount: number }): DatabaseStatsSource {
  return { engine: 'postgresql', read: () => ({ pool: { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount } }) };
}

/** Each gauge appears only when the engine has it (no file size on PostgreSQL, no pool on SQLite). */
export function exposeDatabase(m: MetricsRegistry, source: DatabaseStatsSource) {
  const r = m.registry;
  const when = (v: number | undefined) => (v === undefined ? [] : counter(v));
  readAtScrape(r, 'atensi_db_info', 'Always 1; the database engine in its label', 'gauge', () => counter(1, { engine: source.engine }));
  readAtScrape(r, 'atensi_db_file_bytes', 'Size of the SQLite database file', 'gauge', async () => when((await source.read()).fileBytes));
  readAtScrape(r, 'atensi_db_wal_bytes', "Size of SQLite's write-ahead log", 'gauge', async () => when((await source.read()).walBytes));
  readAtScrape(r, 'atensi_db_pool_connections', 'Database pool connections by state (total, idle, waiting clients); PostgreSQL', 'gauge', async () => {
    const pool = (await source.read()).pool;
    return pool ? Object.entries(pool).map(([state, n]) => ({ value: n, labels: { state } })) : [];
  });
}
