// Reads what a backup or database file is: whether SQLite finds it sound, whether it is ours (Prisma's
// migration table with our first migration), which migrations it has against the code's, its rows.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { committedMigrations } from '../db/migrate.ts';
import { PHOTO_TABLE } from './photo-files.ts';

/** How a file's schema stands against the migrations committed in this code. */
export type SchemaStanding =
  | { kind: 'same' }
  /** Made by an older version: the server applies these at its next start. */
  | { kind: 'older'; pending: string[] }
  /** Made by a newer version: this code does not know these migrations and must not run on it. */
  | { kind: 'newer'; unknown: string[] };

export interface InspectedFile {
  bytes: number;
  /** Rows per table, by name (tables of SQLite itself, Prisma's migration table and the backup's photos left out). */
  rows: Record<string, number>;
  standing: SchemaStanding;
}

/** A file that is not an intact Atensi database; the message says what is wrong with it. */
export class NotOurDatabase extends Error {}

const MIGRATIONS_TABLE = '_prisma_migrations';

export function appliedMigrations(db: Database.Database): string[] | null {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(MIGRATIONS_TABLE);
  if (!table) return null;
  const rows = db
    .prepare(`SELECT migration_name AS name FROM ${MIGRATIONS_TABLE} WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`)
    .all() as { name: string }[];
  return rows.map((r) => r.name).sort();
}

export function schemaStanding(applied: string[], committed = committedMigrations()): SchemaStanding {
  const known = new Set(committed);
  const unknown = applied.filter((m) => !known.has(m));
  if (unknown.length) return { kind: 'newer', unknown };
  const have = new Set(applied);
  const pending = committed.filter((m) => !have.has(m));
  return pending.length ? { kind: 'older', pending } : { kind: 'same' };
}

export function countRows(db: Database.Database): Record<string, number> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT IN (?, ?) ORDER BY name")
    .all(MIGRATIONS_TABLE, PHOTO_TABLE) as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, (db.prepare(`SELECT count(*) AS n FROM "${name.replaceAll('"', '""')}"`).get() as { n: number }).n]));
}

/**
 * Checks an open connection's database the way a restore needs it checked: sound pages
 * (`integrity_check`, or the faster `quick_check`), our migration table with our first migration.
 */
export function inspectOpen(db: Database.Database, file: string, check: 'integrity' | 'quick' = 'integrity'): InspectedFile {
  let verdict: unknown;
  try {
    verdict = db.pragma(check === 'integrity' ? 'integrity_check' : 'quick_check', { simple: true });
  } catch (err) {
    throw new NotOurDatabase(`${file} is not a readable SQLite database (${(err as Error).message})`);
  }
  if (verdict !== 'ok') throw new NotOurDatabase(`${file} is damaged: SQLite's ${check} check says "${String(verdict)}"`);
  const applied = appliedMigrations(db);
  const first = committedMigrations()[0];
  if (!applied || !first || !applied.includes(first)) {
    throw new NotOurDatabase(`${file} is an SQLite database but not an Atensi backup (no ${MIGRATIONS_TABLE} table with the first migration, ${first})`);
  }
  return { bytes: fs.statSync(file).size, rows: countRows(db), standing: schemaStanding(applied) };
}

/** Opens a file read-only and inspects it; anything that is not an intact Atensi database is a NotOurDatabase. */
export function inspectFile(file: string): InspectedFile {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new NotOurDatabase(`${file} cannot be opened as an SQLite database (${(err as Error).message})`);
  }
  try {
    return inspectOpen(db, file);
  } finally {
    db.close();
  }
}

/** "12.3 MB" and the like, for the summary lines. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(1)} ${units[i]}`;
}

/** One line of row counts: the tables that have rows, largest first. */
export function formatRows(rows: Record<string, number>): string {
  const total = Object.values(rows).reduce((a, b) => a + b, 0);
  const listed = Object.entries(rows)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([t, n]) => `${t} ${n}`);
  return `${total} rows in ${Object.keys(rows).length} tables (${listed.join(', ')})`;
}
