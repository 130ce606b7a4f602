// Notifications: one's own list and read marks (every role), and the centre webhook managed by the
// centre's manager or an admin. Webhook changes are audited; the URL and secret are not logged.
import { auditFrom } from '../http/audit.ts';
import { createRouter } from '../http/router.ts';
import { invalid } from '../lib/errors.ts';
import * as routes from './notifications.routes.ts';
import { listNotifications, markRead } from './notifications.service.ts';
import { newWebhookSecret } from './webhook-signature.ts';
import { checkWebhookUrl, findEndpoint, manageableCentre, webhookView } from './webhooks.service.ts';
import { actorOf } from '../http/access.ts';

export function notificationRoutes() {
  const app = createRouter();

  app.openapi(routes.list, async (c) => {
    return c.json(await listNotifications(c.get('deps').db, actorOf(c).id, c.req.valid('query')), 200);
  });

  app.openapi(routes.markRead, async (c) => {
    const body = c.req.valid('json');
    if (!body.ids && !body.all) {
      throw invalid('name the notifications (ids) or send all: true', [{ path: ['ids'], message: 'ids or all is required', code: 'custom' }]);
    }
    const { db, clock } = c.get('deps');
    return c.json(await markRead(db, actorOf(c).id, body, clock.now()), 200);
  });

  app.openapi(routes.getWebhook, async (c) => {
    const { db } = c.get('deps');
    const centreId = await manageableCentre(db, actorOf(c), c.req.valid('param').id);
    return c.json(await webhookView(db, await findEndpoint(db, centreId)), 200);
  });

  app.openapi(routes.putWebhook, async (c) => {
    const { db } = c.get('deps');
    const centreId = await manageableCentre(db, actorOf(c), c.req.valid('param').id);
    const body = c.req.valid('json');
    const url = checkWebhookUrl(body.url);
    const existing = await db.webhookEndpoint.findUnique({ where: { centreId } });
    if (existing) {
      const e = await db.webhookEndpoint.update({ where: { centreId }, data: { url, enabled: body.enabled } });
      await auditFrom(c, { action: 'webhook.update', entityType: 'WebhookEndpoint', entityId: e.id, centreId, details: { enabled: e.enabled, host: new URL(url).host } });
      return c.json(await webhookView(db, e), 200);
    }
    const secret = newWebhookSecret();
    const e = await db.webhookEndpoint.create({ data: { centreId, url, enabled: body.enabled, secret } });
    await auditFrom(c, { action: 'webhook.create', entityType: 'WebhookEndpoint', entityId: e.id, centreId, details: { enabled: e.enabled, host: new URL(url).host } });
    return c.json(await webhookView(db, e, secret), 201);
  });

  app.openapi(routes.rotateWebhook, async (c) => {
    const { db } = c.get('deps');
    const centreId = await manageableCentre(db, actorOf(c), c.req.valid('param').id);
    await findEndpoint(db, centreId);
    const secret = newWebhookSecret();
    const e = await db.webhookEndpoint.update({ where: { centreId }, data: { secret } });
    await auditFrom(c, { action: 'webhook.rotate', entityType: 'WebhookEndpoint', entityId: e.id, centreId });
    return c.json(await webhookView(db, e, secret), 200);
  });

  app.openapi(routes.deleteWebhook, async (c) => {
    const { db } = c.get('deps');
    const centreId = await manageableCentre(db, actorOf(c), c.req.valid('param').id);
    const e = await findEndpoint(db, centreId);
    await db.webhookEndpoint.delete({ where: { id: e.id } });
    await auditFrom(c, { action: 'webhook.delete', entityType: 'WebhookEndpoint', entityId: e.id, centreId });
    return c.json({ ok: true as const }, 200);
  });

  return app;
}
