// Records audit entries on behalf of the request's actor: a change together with its row, or a read.
import type Database from 'better-sqlite3';
import type { Context } from 'hono';
import type { AuditEntry, ChangeOptions } from '../../../core/audit/audit.service.ts';
import { requireSqlite, type Tx } from '../../../core/db/client.ts';
import type { AuditWriter } from '../../../core/maintenance/maintenance.service.ts';
import type { AppEnv } from './types.ts';

/** What a route says about a change; the actor defaults to the signed-in one, the request id is the request's. */
export type RouteAuditEntry = Omit<AuditEntry, 'requestId'>;

function withRequest(c: Context<AppEnv>, entry: RouteAuditEntry): AuditEntry {
  const actor = c.get('actor');
  return { ...entry, actorId: entry.actorId ?? actor?.id ?? null, actorRole: entry.actorRole ?? actor?.role ?? null, requestId: c.get('requestId') };
}

/**
 * The one way a route makes an audited change: `change` runs in a transaction, and the audit row
 * that `entry` makes of its result is written in the same one, so both commit or neither does.
 * `entry` returns null when nothing was changed (a replay). Slow work (password hashing, image
 * decoding) belongs before the call, so the write lock is held only for the writes.
 */
export function auditedChange<T>(
  c: Context<AppEnv>,
  change: (tx: Tx) => Promise<T>,
  entry: (result: T) => RouteAuditEntry | null,
  options?: ChangeOptions,
): Promise<T> {
  return c.get('deps').audit.change(change, (result) => {
    const e = entry(result);
    return e ? withRequest(c, e) : null;
  }, options);
}

/**
 * A bulk change (an import) and its audit row in one short write transaction on the raw connection:
 * `change` gets that connection and writes with prepared statements, synchronously. Checks and reads
 * come before, so SQLite's write lock is held only for the writes (the bridge's busy timeout is 5 s).
 */
export function auditedRawChange<T>(c: Context<AppEnv>, change: (raw: Database.Database) => T, entry: (result: T) => RouteAuditEntry | null): T {
  const { audit, database } = c.get('deps');
  const { raw } = requireSqlite(database, 'bulk imports and stock intake');
  return audit.changeRaw(raw, () => change(raw), (result) => {
    const e = entry(result);
    return e ? withRequest(c, e) : null;
  });
}

/**
 * Records that personal data was read (or exported). A read has no change to be atomic with: the
 * row is written after the read, and a refused write fails the request before anything is shown.
 */
export function auditFrom(c: Context<AppEnv>, entry: RouteAuditEntry) {
  return c.get('deps').audit.record(withRequest(c, entry));
}

/**
 * An audit writer for services that run their own transaction (the maintenance service): each row
 * is written inside the transaction it is given, on behalf of the request's actor.
 */
export function requestAuditWriter(c: Context<AppEnv>): AuditWriter {
  return { record: (entry, tx) => c.get('deps').audit.record(withRequest(c, entry), tx) };
}
