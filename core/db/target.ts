// Which database engine and where, from DATABASE_URL: unset or file: is SQLite (the default),
// postgresql:// or postgres:// is PostgreSQL. One definition for the processes and the Prisma CLI.
import path from 'node:path';

/** The SQLite file's name in DATA_DIR. */
export const DATABASE_FILE = 'atensi.db';

export type DatabaseTarget = { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string };

/** The URL schemes DATABASE_URL accepts, for the configuration check and its message. */
export const databaseUrlPattern = /^(file:|postgres(ql)?:\/\/.+)/;
export const databaseUrlHint = 'use postgresql://user:password@host:port/database (PostgreSQL) or leave unset / file: for SQLite in DATA_DIR';

/**
 * Reads an already validated DATABASE_URL. `file:` alone means DATA_DIR/atensi.db; `file:PATH`
 * names the SQLite file itself (relative to the working directory).
 */
export function databaseTarget(url: string | undefined, dataDir: string, cwd = process.cwd()): DatabaseTarget {
  if (url && /^postgres(ql)?:\/\//.test(url)) return { engine: 'postgres', url };
  const file = url?.startsWith('file:') ? url.slice('file:'.length) : '';
  return { engine: 'sqlite', file: file ? path.resolve(cwd, file) : path.join(dataDir, DATABASE_FILE) };
}

/** The URL without its password, for logs and messages. */
export function describeTarget(target: DatabaseTarget): string {
  if (target.engine === 'sqlite') return target.file;
  const url = new URL(target.url);
  if (url.password) url.password = '***';
  return url.toString();
}
