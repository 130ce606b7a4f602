// In-app notifications for every role, and the signed outbound webhook a centre can point at an
// SMS or WhatsApp gateway.
import { z } from 'zod';
import { Id, PageQuery } from './common.ts';

export const NotificationKind = z.enum([
  'report_new',
  'report_red_flag',
  'report_status',
  'report_comment',
  'work_order_assigned',
  'work_order_status',
  'deep_discharge',
  'request_approved',
  'report_photo_request',
  'loan_due',
  'loan_overdue',
]);
export type NotificationKind = z.infer<typeof NotificationKind>;

export const NotificationView = z
  .object({
    id: Id,
    kind: NotificationKind,
    /** Values for the message template of the kind (names, statuses, dates); the client words them. */
    params: z.record(z.string(), z.string()),
    link: z.string().describe('an app path, e.g. /reports/{id}'),
    urgent: z.boolean(),
    readAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Notification' });
export type NotificationView = z.infer<typeof NotificationView>;

export const NotificationListQuery = PageQuery.extend({ unread: z.enum(['true', 'false']).optional() });
export const NotificationList = z.object({ items: z.array(NotificationView), total: z.number().int(), unread: z.number().int() });
export const MarkReadBody = z.strictObject({ ids: z.array(Id).min(1).max(200).optional(), all: z.literal(true).optional() });

/** A centre's outbound channel. The secret signs each delivery (HMAC-SHA256) and is shown once. */
export const WebhookBody = z.strictObject({
  url: z.url({ protocol: /^https?$/ }).max(500),
  enabled: z.boolean().default(true),
});
/**
 * What a failed delivery records as `lastError`: one of these categories, or `http_<status>` when the
 * receiver answered outside 2xx. Never the raw socket error (it would map the server's network).
 */
export const webhookErrorCategories = ['timeout', 'refused', 'tls', 'dns', 'network', 'private_address'] as const;
export type WebhookError = (typeof webhookErrorCategories)[number] | `http_${number}`;

export const WebhookView = z.object({
  centreId: Id,
  url: z.string(),
  enabled: z.boolean(),
  createdAt: z.string(),
  /** Only in the answer that created or rotated it. */
  secret: z.string().optional(),
  recent: z.array(
    z.object({ id: Id, event: z.string(), attempts: z.number().int(), deliveredAt: z.string().nullable(), lastError: z.string().nullable().describe('a category (timeout, refused, tls, dns, network, private_address) or http_<status>'), nextAttemptAt: z.string().nullable() }),
  ),
});

/**
 * What the webhook receives: POST, JSON, headers `X-Atensi-Event`, `X-Atensi-Delivery` (id, the
 * same on every retry) and `X-Atensi-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`.
 * No clinical detail: enough for a gateway to text the right person.
 */
export const WebhookPayload = z.object({
  id: Id,
  event: NotificationKind,
  createdAt: z.string(),
  centreId: Id,
  recipient: z.object({ userId: Id, name: z.string(), phone: z.string().nullable(), locale: z.enum(['id', 'en']) }),
  message: z.string().describe('ready to send, in the recipient\'s language'),
  link: z.string().describe('absolute URL when PUBLIC_ORIGIN is set, else an app path'),
});
export type WebhookPayload = z.infer<typeof WebhookPayload>;
