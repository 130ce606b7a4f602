// Enqueues webhook deliveries for freshly written notifications, inside the same transaction: a
// delivery exists exactly when its notification does, and the request never waits on the network.
import type { Prisma } from '@prisma/client';
import type { Locale } from '../../schemas/common.ts';
import type { NotificationKind, WebhookPayload } from '../../schemas/notifications.ts';
import { messageFor } from './messages.ts';

export type OutboxWriter = Pick<Prisma.TransactionClient, 'user' | 'webhookEndpoint' | 'webhookDelivery'>;

export interface NewNotification {
  id: string;
  userId: string;
  kind: NotificationKind;
  params: Record<string, string>;
  link: string;
  createdAt: Date;
}

const asLocale = (l: string): Locale => (l === 'en' ? 'en' : 'id');

/**
 * One delivery per notification whose recipient's centre has an enabled endpoint. Staff belong to
 * their own centre; a family to the centre of a linked beneficiary (the first, by link date, that
 * has an endpoint, so a family linked in two centres gets one message, not two). Admins have no
 * centre and get no webhook messages.
 */
export async function enqueueWebhookDeliveries(db: OutboxWriter, rows: NewNotification[]): Promise<number> {
  if (rows.length === 0) return 0;
  const endpoints = await db.webhookEndpoint.findMany({ where: { enabled: true }, select: { id: true, centreId: true } });
  if (endpoints.length === 0) return 0;
  const endpointOf = new Map(endpoints.map((e) => [e.centreId, e.id]));
  const users = await db.user.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.userId))] } },
    select: {
      id: true, name: true, phone: true, locale: true, role: true, centreId: true,
      familyLinks: { select: { beneficiary: { select: { centreId: true } } }, orderBy: { createdAt: 'asc' } },
    },
  });
  const byId = new Map(users.map((u) => [u.id, u]));
  const data: Prisma.WebhookDeliveryCreateManyInput[] = [];
  for (const n of rows) {
    const u = byId.get(n.userId);
    if (!u) continue;
    const centres = u.role === 'family' ? u.familyLinks.map((l) => l.beneficiary.centreId) : u.centreId ? [u.centreId] : [];
    const centreId = centres.find((c) => endpointOf.has(c));
    if (!centreId) continue;
    const locale = asLocale(u.locale);
    const payload: WebhookPayload = {
      id: n.id,
      event: n.kind,
      createdAt: n.createdAt.toISOString(),
      centreId,
      recipient: { userId: u.id, name: u.name, phone: u.phone, locale },
      message: messageFor(n.kind, n.params, locale),
      // An app path here; the dispatcher makes it absolute with PUBLIC_ORIGIN when that is set.
      link: n.link,
    };
    data.push({ endpointId: endpointOf.get(centreId)!, notificationId: n.id, event: n.kind, payload: JSON.stringify(payload), nextAttemptAt: n.createdAt, createdAt: n.createdAt });
  }
  if (data.length > 0) await db.webhookDelivery.createMany({ data });
  return data.length;
}

/**
 * The outbox's depth for /metrics: deliveries neither delivered nor given up (`maxAttempts`), to
 * enabled endpoints; what the dispatcher still has to send, due now or later.
 */
export function webhookQueueDepth(db: Pick<Prisma.TransactionClient, 'webhookDelivery'>, maxAttempts: number): Promise<number> {
  return db.webhookDelivery.count({ where: { deliveredAt: null, attempts: { lt: maxAttempts }, endpoint: { enabled: true } } });
}
