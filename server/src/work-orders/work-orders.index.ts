// Work orders: the queue, one work order with its alerts, opening one by hand, and moving it
// through the state machine. Every write is audited.
import { acknowledgers, alertInclude, toAlert } from '../alerts/alerts.service.ts';
import { findVisibleDevice } from '../devices/devices.service.ts';
import type { Db } from '../../../core/db/client.ts';
import { auditedChange, auditFrom, requestAuditWriter } from '../http/audit.ts';
import { createRouter } from '../http/router.ts';
import type { Actor } from '../access/actor.ts';
import { invalid } from '../lib/errors.ts';
import * as routes from './work-orders.routes.ts';
import { applyAction, assignableWhere } from './work-order-actions.ts';
import { answeredAlerts, openWorkOrder } from '../../../core/maintenance/maintenance.service.ts';
import { findVisibleWorkOrder, listWorkOrders, toWorkOrder, type WorkOrderRow } from './work-orders.service.ts';
import { alertScope } from '../access/scopes.ts';
import { actorOf } from '../http/access.ts';

/** The maintenance service's audit rows, on behalf of the request's actor. */

async function detail(db: Db, actor: Actor, w: WorkOrderRow) {
  const view = toWorkOrder(w, actor);
  if (actor.role === 'family') return view;
  const [alerts, people] = await Promise.all([
    db.alert.findMany({
      // Answered alerts, but not the same rule's cleared alerts from before this work order.
      where: { AND: [alertScope(actor), answeredAlerts(w), { OR: [{ clearedAt: null }, { clearedAt: { gte: w.createdAt } }, { workOrderId: w.id }] }] },
      include: alertInclude,
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      take: 50,
    }),
    db.user.findMany({ where: assignableWhere(w), select: { id: true, name: true, role: true }, orderBy: [{ role: 'asc' }, { name: 'asc' }] }),
  ]);
  const names = await acknowledgers(db, alerts);
  return {
    ...view,
    alerts: alerts.map((a) => toAlert(a, names)),
    assignable: people.map((p) => ({ id: p.id, name: p.name, role: p.role as 'technician' | 'therapist' })),
  };
}

export function workOrderRoutes() {
  const app = createRouter();

  app.openapi(routes.list, async (c) => {
    const actor = actorOf(c);
    const { items, total } = await listWorkOrders(c.get('deps').db, actor, c.req.valid('query'));
    return c.json({ items: items.map((w) => toWorkOrder(w, actor)), total }, 200);
  });

  app.openapi(routes.get, async (c) => {
    const { db } = c.get('deps');
    const actor = actorOf(c);
    const w = await findVisibleWorkOrder(db, actor, c.req.valid('param').id);
    return c.json(await detail(db, actor, w), 200);
  });

  app.openapi(routes.create, async (c) => {
    const { db, clock } = c.get('deps');
    const actor = actorOf(c);
    const body = c.req.valid('json');
    const device = await findVisibleDevice(db, actor, body.deviceId);
    if (body.kind === 'refurbishment') {
      throw invalid('a refurbishment starts when the chair is returned (POST /api/devices/{id}/return)', [{ path: ['kind'], message: 'opened by a return', code: 'custom' }]);
    }
    if (body.kind === 'battery_replacement' && device.model.kind !== 'electric') {
      throw invalid('a manual chair has no battery to replace', [{ path: ['kind'], message: 'not for a manual chair', code: 'custom' }]);
    }
    const created = await db.$transaction((tx) =>
      openWorkOrder(
        { tx, audit: requestAuditWriter(c), now: clock.now() },
        { centreId: device.centreId, deviceId: device.id, kind: body.kind, category: body.category, priority: body.priority, description: body.description },
      ),
    );
    return c.json(await detail(db, actor, await findVisibleWorkOrder(db, actor, created.id)), 201);
  });

  app.openapi(routes.update, async (c) => {
    const { db, telemetry, clock } = c.get('deps');
    const actor = actorOf(c);
    const { id } = c.req.valid('param');
    const action = c.req.valid('json');
    const w = await findVisibleWorkOrder(db, actor, id);
    await applyAction({ db, reader: telemetry, actor, audit: requestAuditWriter(c), now: clock.now() }, w, action);
    return c.json(await detail(db, actor, await findVisibleWorkOrder(db, actor, id)), 200);
  });

  return app;
}
