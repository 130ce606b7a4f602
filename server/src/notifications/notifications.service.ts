// Reading and marking one's own notifications. Every query is keyed on the actor's user id, so
// nobody can list or mark another user's notifications, whatever ids they send.
import type { Notification } from '@prisma/client';
import type { NotificationKind, NotificationView } from '../../../schemas/notifications.ts';
import type { Db } from '../../../core/db/client.ts';

export function toNotification(n: Notification): NotificationView {
  return {
    id: n.id,
    kind: n.kind as NotificationKind,
    params: JSON.parse(n.params) as Record<string, string>,
    link: n.link,
    urgent: n.urgent,
    readAt: n.readAt?.toISOString() ?? null,
    createdAt: n.createdAt.toISOString(),
  };
}

export async function listNotifications(db: Db, userId: string, q: { limit: number; offset: number; unread?: 'true' | 'false' }) {
  const where = { userId, ...(q.unread === 'true' ? { readAt: null } : q.unread === 'false' ? { readAt: { not: null } } : {}) };
  const [items, total, unread] = await Promise.all([
    db.notification.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: q.limit, skip: q.offset }),
    db.notification.count({ where }),
    db.notification.count({ where: { userId, readAt: null } }),
  ]);
  return { items: items.map(toNotification), total, unread };
}

export async function markRead(db: Db, userId: string, body: { ids?: string[]; all?: true }, now: Date) {
  const which = body.all ? {} : { id: { in: body.ids ?? [] } };
  const { count } = await db.notification.updateMany({ where: { userId, readAt: null, ...which }, data: { readAt: now } });
  const unread = await db.notification.count({ where: { userId, readAt: null } });
  return { updated: count, unread };
}
