// Where the backup and restore commands find the database: the SQLite file in DATA_DIR, or a
// PostgreSQL server when DATABASE_URL names one (the variable's meaning is the same in every process).
import path from 'node:path';
import { baseEnv, parseEnv } from '../../../core/config/env.ts';
import { databaseTarget } from '../../../core/db/target.ts';

export type DatabaseLocation =
  | { engine: 'sqlite'; dataDir: string; file: string }
  | { engine: 'postgresql'; url: string };

export function parseDatabaseLocation(env: Record<string, string | undefined>, cwd = process.cwd()): DatabaseLocation {
  const e = parseEnv({ DATA_DIR: baseEnv.DATA_DIR, DATABASE_URL: baseEnv.DATABASE_URL }, env);
  const dataDir = path.resolve(cwd, e.DATA_DIR);
  const target = databaseTarget(e.DATABASE_URL, dataDir, cwd);
  return target.engine === 'sqlite' ? { engine: 'sqlite', dataDir, file: target.file } : { engine: 'postgresql', url: target.url };
}

/** The database of this process's environment. */
export function loadDatabaseLocation(): DatabaseLocation {
  return parseDatabaseLocation(process.env);
}
