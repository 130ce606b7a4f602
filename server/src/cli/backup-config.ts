// Where the backup and restore commands find the database: the SQLite file in DATA_DIR, or a
// PostgreSQL server when DATABASE_URL names one (the variable's meaning is the same in every process).
import path from 'node:path';
import { z } from 'zod';
import { baseEnv, DATABASE_FILE, parseEnv } from '../../../core/config/env.ts';

// DATABASE_URL as issue 14 fixes it: unset or `file:…` is the SQLite file in DATA_DIR,
// `postgresql://…` (or `postgres://…`) a PostgreSQL database.
const DatabaseUrl = z.string().regex(/^(file:|postgres(ql)?:\/\/)/, 'use postgresql://user:password@host:port/database, or leave it unset for SQLite in DATA_DIR');

export type DatabaseLocation =
  | { engine: 'sqlite'; dataDir: string; file: string }
  | { engine: 'postgresql'; url: string };

export function parseDatabaseLocation(env: Record<string, string | undefined>, cwd = process.cwd()): DatabaseLocation {
  const e = parseEnv({ DATA_DIR: baseEnv.DATA_DIR, DATABASE_URL: DatabaseUrl.optional() }, env);
  if (e.DATABASE_URL && !e.DATABASE_URL.startsWith('file:')) return { engine: 'postgresql', url: e.DATABASE_URL };
  const dataDir = path.resolve(cwd, e.DATA_DIR);
  return { engine: 'sqlite', dataDir, file: path.join(dataDir, DATABASE_FILE) };
}

/** The database of this process's environment. */
export function loadDatabaseLocation(): DatabaseLocation {
  return parseDatabaseLocation(process.env);
}

/** What the PostgreSQL branch answers until pg_dump/pg_restore are wired in. */
export const postgresNotYet =
  'Backups of a PostgreSQL database (DATABASE_URL=postgresql://…) are not available in this command yet. ' +
  'Until they are, use pg_dump --format=custom and pg_restore; see docs/deploy.md, "Backups".\n';
