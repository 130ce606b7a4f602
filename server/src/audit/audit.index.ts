// The audit-log viewer: admins read all of it, managers their own centre's; each read is recorded.
import { auditFrom } from '../http/audit.ts';
import { createRouter } from '../http/router.ts';
import { listAudit } from './audit-query.ts';
import * as routes from './audit.routes.ts';
import { actorOf } from '../http/access.ts';

export function auditRoutes() {
  const app = createRouter();

  app.openapi(routes.list, async (c) => {
    const actor = actorOf(c);
    const q = c.req.valid('query');
    const page = await listAudit(c.get('deps').db, actor, q);
    // Which filters were used (names and ids only) and how much was seen.
    const filters = Object.fromEntries(Object.entries(q).filter(([k, v]) => v !== undefined && k !== 'limit' && k !== 'cursor'));
    await auditFrom(c, {
      action: 'audit.read',
      entityType: 'AuditLog',
      centreId: actor.role === 'admin' ? (q.centreId ?? null) : actor.centreId,
      details: { filters, page: q.cursor ? 'next' : 'first', items: page.items.length },
    });
    return c.json(page, 200);
  });

  return app;
}
