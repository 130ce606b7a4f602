// Route declarations for the signed-in user's notifications and a centre's outbound webhook.
import { z } from 'zod';
import { managementRoles, OkBody, roles } from '../../../schemas/common.ts';
import { MarkReadBody, NotificationList, NotificationListQuery, WebhookBody, WebhookView } from '../../../schemas/notifications.ts';
import { json, routeGroup } from '../http/route.ts';

const route = routeGroup('notifications');

export const list = route.get(roles, '/api/notifications', { query: NotificationListQuery, 200: json(NotificationList, 'Notifications') },
  'The signed-in user\'s own notifications, newest first, with the count of unread ones');

export const markRead = route.post(
  roles, '/api/notifications/read',
  { body: MarkReadBody, 200: json(z.object({ updated: z.number().int(), unread: z.number().int() }), 'Marked') },
  'Mark own notifications read: the listed `ids` (others\' ids match nothing), or `all: true`');

export const getWebhook = route.get(managementRoles, '/api/centres/{id}/webhook', { 200: json(WebhookView, 'The webhook') },
  'The centre\'s outbound webhook (never its secret) and its recent deliveries; 404 when none is set up');

export const putWebhook = route.put(
  managementRoles, '/api/centres/{id}/webhook',
  { body: WebhookBody, 200: json(WebhookView, 'Changed'), 201: json(WebhookView, 'Created, with the secret') },
  'Set up or change the centre\'s webhook; on creation the answer holds the signing secret, shown once',
  'Each notification for the centre\'s staff and families is POSTed to `url`, signed with HMAC-SHA256 ' +
  '(see docs/webhooks.md). URLs with a user name or password are refused; addresses on the local network are allowed.');

export const rotateWebhook = route.post(managementRoles, '/api/centres/{id}/webhook/rotate', { 200: json(WebhookView, 'Rotated') },
  'Replace the signing secret; the answer holds the new one, shown once');

export const deleteWebhook = route.delete(managementRoles, '/api/centres/{id}/webhook', { 200: json(OkBody, 'Removed') },
  'Remove the centre\'s webhook and its queued deliveries');
