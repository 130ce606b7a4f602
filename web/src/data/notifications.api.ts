// In-app notifications (every role) and a centre's outbound webhook (managers and admins).
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { z } from 'zod';
import { NotificationList, WebhookView } from '../../../schemas/notifications.ts';
import { ApiError } from './api-error.ts';
import { apiRequest } from './api-client.ts';

export type NotificationPage = z.infer<typeof NotificationList>;
export type Webhook = z.infer<typeof WebhookView>;

const Anything = z.unknown();

export function listNotifications(query: { unread?: boolean; limit?: number; offset?: number }, signal?: AbortSignal): Promise<NotificationPage> {
  return apiRequest(NotificationList, '/api/notifications', {
    query: { unread: query.unread === undefined ? undefined : String(query.unread), limit: query.limit, offset: query.offset },
    signal,
  });
}

export async function markRead(target: { ids: string[] } | { all: true }): Promise<void> {
  await apiRequest(Anything, '/api/notifications/read', { method: 'POST', body: target });
  announceChange();
}

/** Tells the header bell (and any open list) that read states changed, so counts update at once. */
export const NOTIFICATIONS_CHANGED = 'atensi-notifications-changed';

/** Calls `onChange` whenever read states change, while the host element is on the page. */
export class NotificationsChangedController implements ReactiveController {
  constructor(host: ReactiveControllerHost, private readonly onChange: () => void) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener(NOTIFICATIONS_CHANGED, this.onChange);
  }

  hostDisconnected(): void {
    window.removeEventListener(NOTIFICATIONS_CHANGED, this.onChange);
  }
}
export function announceChange(): void {
  window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
}

const webhookPath = (centreId: string) => `/api/centres/${encodeURIComponent(centreId)}/webhook`;

/** The centre's webhook, or null when none is set up (404). */
export async function getWebhook(centreId: string, signal?: AbortSignal): Promise<Webhook | null> {
  try {
    return await apiRequest(WebhookView, webhookPath(centreId), { signal });
  } catch (err) {
    // A missing centre is also 404, but with its own message: only "webhook not found" means none yet.
    if (err instanceof ApiError && err.status === 404 && err.message.startsWith('webhook')) return null;
    throw err;
  }
}

export function saveWebhook(centreId: string, body: { url: string; enabled: boolean }): Promise<Webhook> {
  return apiRequest(WebhookView, webhookPath(centreId), { method: 'PUT', body });
}

export async function deleteWebhook(centreId: string): Promise<void> {
  await apiRequest(Anything, webhookPath(centreId), { method: 'DELETE' });
}

export function rotateWebhookSecret(centreId: string): Promise<Webhook> {
  return apiRequest(WebhookView, `${webhookPath(centreId)}/rotate`, { method: 'POST' });
}
