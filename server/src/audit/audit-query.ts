// Reading the audit log: filters that map onto its indexes, newest first, keyset pages.
import type { Prisma } from '@prisma/client';
import type { AuditItem, AuditListQuery } from '../../../schemas/privacy.ts';
import type { Db } from '../../../core/db/client.ts';
import type { Actor } from '../access/actor.ts';
import { invalid } from '../lib/errors.ts';
import { auditEntityNames } from './audit-names.ts';
import { auditScope } from '../access/scopes.ts';

const DAY_MS = 86_400_000;
const isDateOnly = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

/** The first instant of a `from` bound: a date is the start of that UTC day. */
export const fromInstant = (s: string) => new Date(isDateOnly(s) ? `${s}T00:00:00Z` : s);
/** The last instant of a `to` bound: a date is the end of that UTC day. */
export const toInstant = (s: string) => (isDateOnly(s) ? new Date(Date.parse(`${s}T00:00:00Z`) + DAY_MS - 1) : new Date(s));

/** A cursor is the (at, id) of the last item of a page, opaque to clients. */
export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.getTime()}:${id}`, 'utf8').toString('base64url');
}

/** The latest instant a JavaScript Date (and so the database driver) can hold. */
const MAX_DATE_MS = 8.64e15;

export function decodeCursor(cursor: string): { at: Date; id: string } {
  const parts = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
  const [ms, id] = parts;
  // Only digits: Number() would also take '', ' 1', '1e3' and '0x1f'. Safe integers alone are not
  // enough: 2^53 − 1 ms is no date, and an Invalid Date reached the database as a 500.
  const at = ms && /^\d{1,16}$/.test(ms) ? Number(ms) : Number.NaN;
  if (parts.length !== 2 || !(at <= MAX_DATE_MS) || !id || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) {
    throw invalid('the cursor is not one this API gave', [{ path: ['cursor'], message: 'not a cursor from this API', code: 'custom' }]);
  }
  return { at: new Date(at), id };
}

/**
 * An action filter: exact, or a prefix when it ends with `.` or `*`. The prefix is a range
 * (prefix ≤ action < prefix + U+FFFF) rather than LIKE, whose `_` would be a wildcard.
 */
export function actionWhere(action: string): Prisma.AuditLogWhereInput {
  if (!action.endsWith('.') && !action.endsWith('*')) return { action };
  const prefix = action.replace(/\*$/, '');
  return { action: { gte: prefix, lt: `${prefix}\uffff` } };
}

export function auditWhere(actor: Actor, q: AuditListQuery): Prisma.AuditLogWhereInput {
  const from = q.from ? fromInstant(q.from) : undefined;
  const to = q.to ? toInstant(q.to) : undefined;
  if (from && to && from > to) throw invalid('from is after to', [{ path: ['from'], message: 'after to', code: 'custom' }]);
  const cursor = q.cursor ? decodeCursor(q.cursor) : undefined;
  const and: Prisma.AuditLogWhereInput[] = [auditScope(actor)];
  if (q.actorId) and.push({ actorId: q.actorId });
  if (q.entityType) and.push({ entityType: q.entityType });
  if (q.entityId) and.push({ entityId: q.entityId });
  if (q.action) and.push(actionWhere(q.action));
  if (q.centreId) and.push({ centreId: q.centreId });
  if (from || to) and.push({ at: { ...(from ? { gte: from } : {}), ...(to ? { lte: to } : {}) } });
  // Keyset: strictly older than the last item seen. Written as a range on `at` plus a tie-break,
  // so the (at), (actorId, at) and (entityType, entityId) indexes still bound the scan.
  if (cursor) and.push({ at: { lte: cursor.at } }, { OR: [{ at: { lt: cursor.at } }, { id: { lt: cursor.id } }] });
  return { AND: and };
}

const parseDetails = (raw: string | null): Record<string, unknown> | null => {
  if (!raw) return null;
  try {
    const v: unknown = JSON.parse(raw);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : { value: v };
  } catch {
    return { unparsed: true };
  }
};

export async function listAudit(db: Db, actor: Actor, q: AuditListQuery): Promise<{ items: AuditItem[]; nextCursor: string | null }> {
  const rows = await db.auditLog.findMany({
    where: auditWhere(actor, q),
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const actorIds = [...new Set(page.map((r) => r.actorId).filter((x): x is string => !!x))];
  const users = actorIds.length ? await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } }) : [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  const entityNames = await auditEntityNames(db, page);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorId: r.actorId,
      actorName: r.actorId ? (names.get(r.actorId) ?? null) : null,
      actorRole: r.actorRole,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      entityName: (r.entityType && r.entityId && entityNames.get(`${r.entityType}:${r.entityId}`)) || null,
      centreId: r.centreId,
      requestId: r.requestId,
      details: parseDetails(r.details),
      count: r.count,
      lastAt: r.lastAt?.toISOString() ?? null,
    })),
    nextCursor: rows.length > q.limit && last ? encodeCursor(last.at, last.id) : null,
  };
}
