// Route declarations for the signed-in user's notifications and a centre's outbound webhook.
import { z } from 'zod';
import { IdParams, managementRoles, OkBody, roles } from '../../../schemas/common.ts';
import { MarkReadBody, NotificationList, NotificationListQuery, WebhookBody, WebhookView } from '../../../schemas/notifications.ts';
import { defineRoute, json, jsonBody } from '../http/route.ts';

const tags = ['notifications'];

export const list = defineRoute(roles, {
  method: 'get',
  path: '/api/notifications',
  tags,
  summary: 'The signed-in user\'s own notifications, newest first, with the count of unread ones',
  request: { query: NotificationListQuery },
  responses: { 200: json(NotificationList, 'Notifications') },
});

export const markRead = defineRoute(roles, {
  method: 'post',
  path: '/api/notifications/read',
  tags,
  summary: 'Mark own notifications read: the listed `ids` (others\' ids match nothing), or `all: true`',
  request: { body: jsonBody(MarkReadBody) },
  responses: { 200: json(z.object({ updated: z.number().int(), unread: z.number().int() }), 'Marked') },
});

export const getWebhook = defineRoute(managementRoles, {
  method: 'get',
  path: '/api/centres/{id}/webhook',
  tags,
  summary: 'The centre\'s outbound webhook (never its secret) and its recent deliveries; 404 when none is set up',
  request: { params: IdParams },
  responses: { 200: json(WebhookView, 'The webhook') },
});

export const putWebhook = defineRoute(managementRoles, {
  method: 'put',
  path: '/api/centres/{id}/webhook',
  tags,
  summary: 'Set up or change the centre\'s webhook; on creation the answer holds the signing secret, shown once',
  description:
    'Each notification for the centre\'s staff and families is POSTed to `url`, signed with HMAC-SHA256 ' +
    '(see docs/webhooks.md). URLs with a user name or password are refused; addresses on the local network are allowed.',
  request: { params: IdParams, body: jsonBody(WebhookBody) },
  responses: { 200: json(WebhookView, 'Changed'), 201: json(WebhookView, 'Created, with the secret') },
});

export const rotateWebhook = defineRoute(managementRoles, {
  method: 'post',
  path: '/api/centres/{id}/webhook/rotate',
  tags,
  summary: 'Replace the signing secret; the answer holds the new one, shown once',
  request: { params: IdParams },
  responses: { 200: json(WebhookView, 'Rotated') },
});

export const deleteWebhook = defineRoute(managementRoles, {
  method: 'delete',
  path: '/api/centres/{id}/webhook',
  tags,
  summary: 'Remove the centre\'s webhook and its queued deliveries',
  request: { params: IdParams },
  responses: { 200: json(OkBody, 'Removed') },
});
