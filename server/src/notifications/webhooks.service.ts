// A centre's webhook endpoint: scoping (managers their own centre, admins any), URL checks and the
// view with recent deliveries. The secret leaves the server only in the answer that made it.
import type { WebhookEndpoint } from '@prisma/client';
import type { z } from 'zod';
import type { WebhookView } from '../../../schemas/notifications.ts';
import { assertCentre } from '../access/policy.ts';
import type { Db } from '../../../core/db/client.ts';
import type { Actor } from '../access/actor.ts';
import { invalid, notFound } from '../lib/errors.ts';

type View = z.infer<typeof WebhookView>;

const RECENT = 20;

/** The centre, if the actor may manage its webhook; 404 for another centre or a missing one. */
export async function manageableCentre(db: Db, actor: Actor, centreId: string): Promise<string> {
  assertCentre(actor, centreId, 'centre');
  if (!(await db.centre.findUnique({ where: { id: centreId }, select: { id: true } }))) throw notFound('centre');
  return centreId;
}

export async function findEndpoint(db: Db, centreId: string): Promise<WebhookEndpoint> {
  const e = await db.webhookEndpoint.findUnique({ where: { centreId } });
  if (!e) throw notFound('webhook');
  return e;
}

/**
 * Refuses credentials in the URL: they would be stored and shown in clear, and a secret belongs in
 * the signing secret instead. Where the URL points is judged at each delivery, when the name is
 * resolved (webhook-target.ts): loopback, link-local and private addresses are refused there unless
 * WEBHOOK_ALLOW_PRIVATE=1 (a gateway on the centre's own network), and a failure is recorded only
 * as a category, so the URL cannot be used to probe the server's network.
 */
export function checkWebhookUrl(raw: string): string {
  const url = new URL(raw);
  if (url.username || url.password) {
    throw invalid('the URL must not contain a user name or password', [{ path: ['url'], message: 'no credentials in the URL', code: 'custom' }]);
  }
  return url.toString();
}

export async function webhookView(db: Db, e: WebhookEndpoint, secret?: string): Promise<View> {
  const recent = await db.webhookDelivery.findMany({
    where: { endpointId: e.id },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: RECENT,
    select: { id: true, event: true, attempts: true, deliveredAt: true, lastError: true, nextAttemptAt: true },
  });
  return {
    centreId: e.centreId,
    url: e.url,
    enabled: e.enabled,
    createdAt: e.createdAt.toISOString(),
    ...(secret ? { secret } : {}),
    recent: recent.map((d) => ({
      id: d.id,
      event: d.event,
      attempts: d.attempts,
      deliveredAt: d.deliveredAt?.toISOString() ?? null,
      lastError: d.lastError,
      nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null,
    })),
  };
}
