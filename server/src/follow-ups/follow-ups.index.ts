// Follow-ups (list, record findings) and the worklist.
import { auditFrom } from '../http/audit.ts';
import { createRouter } from '../http/router.ts';
import * as routes from './follow-ups.routes.ts';
import { completeFollowUp, findVisibleFollowUp, followUpWhere, itemInclude, toItem } from './follow-ups.service.ts';
import { buildWorklist } from './worklist.service.ts';
import { actorOf } from '../http/access.ts';

export function followUpRoutes() {
  const app = createRouter();

  app.openapi(routes.list, async (c) => {
    const { db, clock } = c.get('deps');
    const actor = actorOf(c);
    const q = c.req.valid('query');
    const now = clock.now();
    const where = followUpWhere(actor, q, now);
    const [rows, total] = await Promise.all([
      db.followUp.findMany({ where, include: itemInclude, orderBy: [{ dueAt: q.status === 'done' ? 'desc' : 'asc' }, { id: 'asc' }], take: q.limit, skip: q.offset }),
      db.followUp.count({ where }),
    ]);
    return c.json({ items: rows.map((f) => toItem(f, actor, now)), total }, 200);
  });

  app.openapi(routes.complete, async (c) => {
    const { db, clock } = c.get('deps');
    const actor = actorOf(c);
    const now = clock.now();
    const f = await findVisibleFollowUp(db, actor, c.req.valid('param').id);
    const { updated, created } = await completeFollowUp(db, actor, f, c.req.valid('json'), now);
    await auditFrom(c, { action: 'follow_up.complete', entityType: 'FollowUp', entityId: f.id, centreId: f.beneficiary.centreId, details: { next: created?.id ?? null } });
    return c.json({ followUp: toItem(updated, actor, now), next: created ? toItem(created, actor, now) : null }, 200);
  });

  app.openapi(routes.worklist, async (c) => {
    const { db, clock } = c.get('deps');
    return c.json(await buildWorklist(db, actorOf(c), clock.now()), 200);
  });

  return app;
}
