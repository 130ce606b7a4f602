// Values for rows written with prepared statements on the raw better-sqlite3 connection, in the form
// Prisma itself writes and reads: ids like the client's own, DateTime columns as ISO text.
import { randomBytes } from 'node:crypto';

let counter = 0;
/**
 * A new primary key for a row Prisma would have given a cuid: 25 lower-case characters starting with
 * "c", time then a counter then random, so ids made in a row sort in order. Ordered keys go to the end
 * of the primary-key index; fully random ones scatter 10,000 inserts across it (measured 2-4× slower).
 */
export function newRowId(): string {
  counter = (counter + 1) % 1_679_616; // 36^4
  return `c${Date.now().toString(36).padStart(8, '0')}${counter.toString(36).padStart(4, '0')}${randomBytes(6).toString('hex')}`;
}

/** A DateTime column's value as Prisma's SQLite adapter writes it. */
export function sqliteDateTime(d: Date | number): string;
export function sqliteDateTime(d: Date | number | null | undefined): string | null;
export function sqliteDateTime(d: Date | number | null | undefined): string | null {
  return d === null || d === undefined ? null : new Date(d).toISOString().replace('Z', '+00:00');
}

/** True when better-sqlite3 refused a write because a unique index already holds the value. */
export const isSqliteUniqueViolation = (err: unknown) =>
  (err as { code?: unknown })?.code === 'SQLITE_CONSTRAINT_UNIQUE' || (err as { code?: unknown })?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
