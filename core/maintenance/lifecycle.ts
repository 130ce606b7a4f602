// What every write of the maintenance service works inside: the caller's transaction, the audit
// writer that records it there, and the time of the change.
import type { Prisma } from '@prisma/client';
import type { AuditEntry } from '../audit/audit.service.ts';

export type Tx = Prisma.TransactionClient;

/**
 * Writes one audit row inside `tx`, so it commits or rolls back with the change. The caller's
 * writer says who acted: the HTTP side adds the signed-in person and the request id, the rules
 * engine records `system`. core/audit/audit.service.ts `record` is one.
 */
export interface AuditWriter {
  record(entry: AuditEntry, tx: Tx): Promise<unknown>;
}

export interface Lifecycle {
  tx: Tx;
  audit: AuditWriter;
  now: Date;
}

/** A move the state machine refuses, or one that lost a race; the API answers it with 409. */
export class MoveRefused extends Error {
  override readonly name = 'MoveRefused';
}
