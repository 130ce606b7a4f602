// Applies the committed PostgreSQL migrations (prisma/postgres/migrations) and keeps Prisma's own
// bookkeeping table, `_prisma_migrations`, so `prisma migrate status` and a later `migrate deploy`
// see the same history. Prisma's JavaScript schema engine cannot migrate through @prisma/adapter-pg
// yet (it fails on the `name` column type, prisma/orm#27403), and the native engine cannot be
// downloaded here, so this runner applies each file itself: in one transaction per migration
// (PostgreSQL's DDL is transactional), under an advisory lock so instances starting together
// apply each migration once.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

/** Prisma's advisory lock key for migrations: `prisma migrate` and this runner exclude each other. */
const MIGRATION_LOCK = 72707369;

const bookkeeping = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

async function appliedNames(client: pg.Client): Promise<Set<string>> {
  const table = await client.query<{ t: string | null }>(`SELECT to_regclass('"_prisma_migrations"')::text AS t`);
  if (!table.rows[0]?.t) return new Set();
  const rows = await client.query<{ name: string }>(
    'SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
  );
  return new Set(rows.rows.map((r) => r.name));
}

/** Names of `committed` migrations not yet recorded as finished in the database at `url`. */
export async function pendingPostgresMigrations(url: string, committed: string[]): Promise<string[]> {
  return withClient(url, async (client) => {
    const applied = await appliedNames(client);
    return committed.filter((m) => !applied.has(m));
  });
}

export class PostgresMigrationError extends Error {}

/** Applies the pending migrations of `dir` in name order; returns the names applied. */
export async function migratePostgres(url: string, dir: string, committed: string[]): Promise<string[]> {
  return withClient(url, async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query(bookkeeping);
      // Read under the lock: another instance may have applied some while this one waited.
      const applied = await appliedNames(client);
      const done: string[] = [];
      for (const name of committed.filter((m) => !applied.has(m))) {
        const sql = fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
        const checksum = crypto.createHash('sha256').update(sql).digest('hex');
        try {
          await client.query('BEGIN');
          await client.query(sql);
          await client.query(
            `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count, started_at)
             VALUES ($1, $2, now(), $3, 1, now())`,
            [crypto.randomUUID(), checksum, name],
          );
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw new PostgresMigrationError(`migration ${name} failed and was rolled back: ${(err as Error).message}`);
        }
        done.push(name);
      }
      return done;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    }
  });
}
