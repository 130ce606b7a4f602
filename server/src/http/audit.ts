// Records an audit entry on behalf of the request's actor.
import type { Context } from 'hono';
import type { AuditEntry } from '../../../core/audit/audit.service.ts';
import type { Db } from '../../../core/db/client.ts';
import type { AppEnv } from './types.ts';

export function auditFrom(c: Context<AppEnv>, entry: Omit<AuditEntry, 'actorId' | 'actorRole' | 'requestId'>, tx?: Pick<Db, 'auditLog'>) {
  const actor = c.get('actor');
  return c.get('deps').audit.record({ ...entry, actorId: actor?.id ?? null, actorRole: actor?.role ?? null, requestId: c.get('requestId') }, tx);
}
