// Alerts: the list technicians work from, and acknowledging one (audited).
import type { Prisma } from '@prisma/client';
import { auditFrom } from '../http/audit.ts';
import { createRouter } from '../http/router.ts';
import { conflict } from '../lib/errors.ts';
import { rankedPage } from '../lib/ranked-page.ts';
import * as routes from './alerts.routes.ts';
import { acknowledgers, alertInclude, findVisibleAlert, severityOrder, toAlert } from './alerts.service.ts';
import { alertScope } from '../access/scopes.ts';
import { actorOf } from '../http/access.ts';

export function alertRoutes() {
  const app = createRouter();

  app.openapi(routes.list, async (c) => {
    const { db } = c.get('deps');
    const actor = actorOf(c);
    const q = c.req.valid('query');
    const where: Prisma.AlertWhereInput = {
      AND: [
        alertScope(actor),
        q.status === 'open' ? { clearedAt: null } : q.status === 'cleared' ? { clearedAt: { not: null } } : {},
        q.deviceId ? { deviceId: q.deviceId } : {},
        q.kind ? { kind: q.kind } : {},
        q.severity ? { severity: q.severity } : {},
        q.centreId ? { centreId: q.centreId } : {},
      ],
    };
    const groups = await db.alert.groupBy({ by: ['severity'], where, _count: { _all: true } });
    const { items, total } = await rankedPage(
      severityOrder,
      new Map(groups.map((g) => [g.severity, g._count._all])),
      (severity, skip, take) =>
        db.alert.findMany({ where: { AND: [where, { severity }] }, include: alertInclude, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], skip, take }),
      q.offset,
      q.limit,
    );
    const names = await acknowledgers(db, items);
    return c.json({ items: items.map((a) => toAlert(a, names)), total }, 200);
  });

  app.openapi(routes.acknowledge, async (c) => {
    const { db, clock } = c.get('deps');
    const actor = actorOf(c);
    const a = await findVisibleAlert(db, actor, c.req.valid('param').id);
    if (a.clearedAt) throw conflict('this alert has already cleared');
    if (a.acknowledgedAt) throw conflict('this alert was already acknowledged');
    const done = await db.alert.updateMany({ where: { id: a.id, acknowledgedAt: null, clearedAt: null }, data: { acknowledgedAt: clock.now(), acknowledgedById: actor.id } });
    if (done.count !== 1) throw conflict('this alert changed meanwhile; reload it');
    await auditFrom(c, { action: 'alert.acknowledge', entityType: 'Alert', entityId: a.id, centreId: a.centreId, details: { kind: a.kind } });
    const updated = await findVisibleAlert(db, actor, a.id);
    return c.json(toAlert(updated, await acknowledgers(db, [updated])), 200);
  });

  return app;
}
