// Applies the committed migrations at start, for the engine DATABASE_URL names. SQLite: Prisma's own
// `migrate deploy` (the JavaScript schema engine) does the work, only spawned when a migration is
// pending, so restarts stay fast. PostgreSQL: core/db/pg-migrate.ts (prisma/postgres/migrations).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openRaw } from './client.ts';
import { migratePostgres, pendingPostgresMigrations } from './pg-migrate.ts';
import type { DatabaseTarget } from './target.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const migrationsDir = path.join(projectRoot, 'prisma', 'migrations');
export const postgresMigrationsDir = path.join(projectRoot, 'prisma', 'postgres', 'migrations');

export function committedMigrations(dir = migrationsDir): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort();
}

/** Names of committed migrations not yet recorded as finished in the SQLite file. */
export function pendingMigrations(databaseFile: string): string[] {
  const committed = committedMigrations();
  if (!fs.existsSync(databaseFile)) return committed;
  const raw = openRaw(databaseFile, { readonly: true });
  try {
    const table = raw
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'")
      .get();
    if (!table) return committed;
    const rows = raw
      .prepare('SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL')
      .all() as { name: string }[];
    const applied = new Set(rows.map((r) => r.name));
    return committed.filter((m) => !applied.has(m));
  } finally {
    raw.close();
  }
}

export class MigrationError extends Error {}

/** Brings the SQLite file up to date with the committed migrations. Returns what was applied. */
export function migrate(dataDir: string, databaseFile: string): string[] {
  const pending = pendingMigrations(databaseFile);
  if (pending.length === 0) return [];
  fs.mkdirSync(dataDir, { recursive: true });
  const cli = path.join(projectRoot, 'node_modules', 'prisma', 'build', 'index.js');
  const result = spawnSync(process.execPath, [cli, 'migrate', 'deploy'], {
    cwd: projectRoot,
    // The file is named outright, so prisma.config.ts picks SQLite whatever this process's environment says.
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: `file:${databaseFile}`, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new MigrationError(`prisma migrate deploy failed:\n${result.stdout}\n${result.stderr}`);
  }
  return pending;
}

/** Pending migrations of either engine. */
export async function pendingMigrationsOf(target: DatabaseTarget): Promise<string[]> {
  if (target.engine === 'sqlite') return pendingMigrations(target.file);
  return pendingPostgresMigrations(target.url, committedMigrations(postgresMigrationsDir));
}

/** Brings either engine up to date with its committed migrations. Returns what was applied. */
export async function migrateDatabase(config: { dataDir: string; database: DatabaseTarget }): Promise<string[]> {
  const { database } = config;
  if (database.engine === 'sqlite') return migrate(config.dataDir, database.file);
  return migratePostgres(database.url, postgresMigrationsDir, committedMigrations(postgresMigrationsDir));
}
