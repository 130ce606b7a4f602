// The audit log: who read or changed what (UU PDP 27/2022). Details carry ids and field names only.
import type { Db } from '../db/client.ts';
import type { Clock } from '../lib/clock.ts';
import type { Logger } from '../lib/logger.ts';

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

export function createAuditService(db: Db, clock: Clock, log: Logger) {
  return {
    /** Writes the entry; with `tx`, inside that transaction, so it stands or falls with the change. */
    async record(entry: AuditEntry, tx: Pick<Db, 'auditLog'> = db) {
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
        // An audit write must never be lost silently; the log line keeps it when the database refuses.
        log.error('audit_write_failed', { action: entry.action, entityId: entry.entityId, message: (err as Error).message });
        throw err;
      }
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
