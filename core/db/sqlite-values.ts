// Values for rows written with prepared statements on the raw better-sqlite3 connection, in the form
// Prisma itself writes and reads: ids like the client's own, DateTime columns as ISO text.
import { randomBytes } from 'node:crypto';

/** A new primary key for a row Prisma would have given a cuid: 25 lower-case characters starting with "c". */
export const newRowId = () => `c${randomBytes(12).toString('hex')}`;

/** A DateTime column's value as Prisma's SQLite adapter writes it. */
export function sqliteDateTime(d: Date | number): string;
export function sqliteDateTime(d: Date | number | null | undefined): string | null;
export function sqliteDateTime(d: Date | number | null | undefined): string | null {
  return d === null || d === undefined ? null : new Date(d).toISOString().replace('Z', '+00:00');
}

/** True when better-sqlite3 refused a write because a unique index already holds the value. */
export const isSqliteUniqueViolation = (err: unknown) =>
  (err as { code?: unknown })?.code === 'SQLITE_CONSTRAINT_UNIQUE' || (err as { code?: unknown })?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
