// The one way anything tells people something: in-app notification rows and, where the recipient's
// centre has an enabled webhook, a delivery per row. Called inside the caller's transaction, so a
// notification (and its delivery) exists exactly when the change it announces does.
import type { Prisma } from '@prisma/client';
import type { NotificationKind } from '../../schemas/notifications.ts';
import type { Role } from '../../schemas/common.ts';
import { enqueueWebhookDeliveries, type OutboxWriter } from './webhook-outbox.ts';

type Writer = Pick<Prisma.TransactionClient, 'notification' | 'user' | 'familyLink'> & OutboxWriter;

export interface NotifyInput {
  userIds: string[];
  kind: NotificationKind;
  /** Values for the kind's message template; strings only, no clinical detail. */
  params: Record<string, string>;
  /** An app path, e.g. `/reports/{id}`. */
  link: string;
  urgent?: boolean;
  /** One notification per user and key (e.g. one deep-discharge nudge per episode). */
  dedupeKey?: string;
  now: Date;
}

export async function notify(db: Writer, input: NotifyInput): Promise<number> {
  const userIds = [...new Set(input.userIds)];
  if (userIds.length === 0) return 0;
  const existing = input.dedupeKey
    ? new Set((await db.notification.findMany({ where: { dedupeKey: { in: userIds.map((u) => `${input.dedupeKey}:${u}`) } }, select: { userId: true } })).map((n) => n.userId))
    : new Set<string>();
  const rows = userIds
    .filter((u) => !existing.has(u))
    .map((userId) => ({
      userId,
      kind: input.kind,
      params: JSON.stringify(input.params),
      link: input.link,
      urgent: input.urgent ?? false,
      dedupeKey: input.dedupeKey ? `${input.dedupeKey}:${userId}` : null,
      createdAt: input.now,
    }));
  if (rows.length === 0) return 0;
  const created = await db.notification.createManyAndReturn({ data: rows, select: { id: true, userId: true } });
  await enqueueWebhookDeliveries(
    db,
    created.map((n) => ({ id: n.id, userId: n.userId, kind: input.kind, params: input.params, link: input.link, createdAt: input.now })),
  );
  return rows.length;
}

/** Active staff of a centre with the given roles. */
export async function centreStaff(db: Writer, centreId: string, roles: readonly Role[]): Promise<string[]> {
  const users = await db.user.findMany({ where: { centreId, role: { in: [...roles] }, disabled: false }, select: { id: true } });
  return users.map((u) => u.id);
}

/** Active family accounts linked to a beneficiary. */
export async function familyOf(db: Writer, beneficiaryId: string): Promise<string[]> {
  const links = await db.familyLink.findMany({ where: { beneficiaryId, user: { disabled: false } }, select: { userId: true } });
  return links.map((l) => l.userId);
}
