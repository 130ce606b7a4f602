// The audit log: who read or changed what (UU PDP 27/2022). Details carry ids and field names only.
import type Database from 'better-sqlite3';
import { type Db, isUniqueViolation, type Tx } from '../db/client.ts';
import { newRowId, sqliteDateTime } from '../db/sqlite-values.ts';
import type { Clock } from '../clock.ts';
import type { Logger } from '../log/logger.ts';
import { REFUSAL_RETENTION_MS } from '../../schemas/refusals.ts';

const HOUR_MS = 3_600_000;

export interface AuditEntry {
  action: string;
  actorId?: string | null;
  actorRole?: string | null;
  entityType?: string;
  entityId?: string;
  centreId?: string | null;
  requestId?: string;
  details?: Record<string, unknown>;
}

export interface ChangeOptions {
  /** The transaction's time limit, for the few changes that write thousands of rows (an import); Prisma's default is 5 s. */
  timeoutMs?: number;
}

/** One row per key and window for refusals (failed or throttled sign-ins). */
export interface AggregateOptions {
  /** What makes two refusals the same row, besides the action and the window: ids and codes only. */
  key: string;
  windowMs: number;
}

const INSERT_AUDIT = `INSERT INTO "AuditLog" (id, at, actorId, actorRole, action, entityType, entityId, centreId, requestId, details, count)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`;

export function createAuditService(db: Db, clock: Clock, log: Logger) {
  let prunedAt = 0;
  /** Drops aggregate rows past their retention, at most once an hour (REFUSAL_RETENTION_DAYS). */
  async function prune(now: Date) {
    if (now.getTime() - prunedAt < HOUR_MS) return;
    prunedAt = now.getTime();
    await db.auditLog.deleteMany({ where: { aggregateKey: { not: null }, at: { lt: new Date(now.getTime() - REFUSAL_RETENTION_MS) } } });
  }

  const lost = (entry: AuditEntry, err: unknown) => {
    // An audit write must never be lost silently; the log line keeps it when the database refuses.
    log.error('audit_write_failed', { action: entry.action, entityId: entry.entityId, message: (err as Error).message });
  };

  /** Writes the entry; with `tx`, inside that transaction, so it stands or falls with the change. */
  async function record(entry: AuditEntry, tx: Pick<Db, 'auditLog'> = db) {
    try {
      await tx.auditLog.create({
        data: {
          at: clock.now(),
          action: entry.action,
          actorId: entry.actorId ?? null,
          actorRole: entry.actorRole ?? null,
          entityType: entry.entityType ?? null,
          entityId: entry.entityId ?? null,
          centreId: entry.centreId ?? null,
          requestId: entry.requestId ?? null,
          details: entry.details ? JSON.stringify(entry.details) : null,
        },
      });
    } catch (err) {
      lost(entry, err);
      throw err;
    }
  }

  return {
    record,

    /**
     * Counts a refusal into the row of its key and window (created by the first one), so that
     * an attacker's flood adds one row per key and window, not one per attempt. The row keeps the
     * first time (`at`), the last (`lastAt`), how many (`count`) and the last request's id.
     */
    async recordAggregate(entry: Omit<AuditEntry, 'entityType' | 'entityId'>, o: AggregateOptions) {
      const now = clock.now();
      const window = Math.floor(now.getTime() / o.windowMs) * o.windowMs;
      const aggregateKey = `${entry.action}|${o.key}|${window}`;
      const update = { count: { increment: 1 }, lastAt: now, requestId: entry.requestId ?? null };
      const create = {
        at: now,
        lastAt: now,
        aggregateKey,
        action: entry.action,
        actorId: entry.actorId ?? null,
        actorRole: entry.actorRole ?? null,
        centreId: entry.centreId ?? null,
        requestId: entry.requestId ?? null,
        details: entry.details ? JSON.stringify(entry.details) : null,
      };
      try {
        await db.auditLog.upsert({ where: { aggregateKey }, create, update });
      } catch (err) {
        // Two first refusals at once: the other one created the row, so this one counts into it.
        if (!isUniqueViolation(err)) {
          log.error('audit_write_failed', { action: entry.action, message: (err as Error).message });
          throw err;
        }
        await db.auditLog.update({ where: { aggregateKey }, data: update });
      }
      await prune(now);
    },

    /**
     * Runs `change` and writes the audit row that `entry` makes of its result in ONE transaction:
     * both commit or neither does, so no change stands without its record (UU PDP). `entry` may
     * return null when the result changed nothing worth recording (e.g. a replayed request).
     */
    async change<T>(change: (tx: Tx) => Promise<T>, entry: (result: T) => AuditEntry | null, options: ChangeOptions = {}): Promise<T> {
      return db.$transaction(async (tx) => {
        const result = await change(tx);
        const e = entry(result);
        if (e) await record(e, tx);
        return result;
      }, options.timeoutMs === undefined ? undefined : { timeout: options.timeoutMs, maxWait: options.timeoutMs });
    },

    /**
     * `change` as one short write transaction on the raw better-sqlite3 connection (prepared
     * statements, BEGIN IMMEDIATE), with its audit row in it: both commit or neither does. For bulk
     * writes (imports) that must not hold SQLite's write lock for seconds while the bridge writes
     * telemetry; every read and check belongs before the call. `change` is synchronous.
     */
    changeRaw<T>(raw: Database.Database, change: () => T, entry: (result: T) => AuditEntry | null): T {
      const insert = raw.prepare(INSERT_AUDIT);
      return raw.transaction(() => {
        const result = change();
        const e = entry(result);
        if (e) {
          try {
            insert.run(newRowId(), sqliteDateTime(clock.now()), e.actorId ?? null, e.actorRole ?? null, e.action, e.entityType ?? null,
              e.entityId ?? null, e.centreId ?? null, e.requestId ?? null, e.details ? JSON.stringify(e.details) : null);
          } catch (err) {
            lost(e, err);
            throw err;
          }
        }
        return result;
      }).immediate();
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
