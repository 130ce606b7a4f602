// Stock: chairs received one by one or in bulk, corrections while they are in stock, and the stock view.
import { day } from '../../../schemas/centre-time.ts';
import { serialKey } from '../../../schemas/devices.ts';
import { stockOnlyFields, type DeviceIntake, type IntakeProblem } from '../../../schemas/stock.ts';
import { deviceScope } from '../access/scopes.ts';
import { actorOf } from '../http/access.ts';
import { auditedChange, auditedRawChange } from '../http/audit.ts';
import { createRouter } from '../http/router.ts';
import { ApiError, conflict, notFound } from '../lib/errors.ts';
import { writeIntake } from './intake-writer.ts';
import { checkIntake, planIntake } from './intake.service.ts';
import * as routes from './stock.routes.ts';
import { stockedSelect, stockView, toStocked } from './stock.service.ts';

/** 409 when every problem is a serial already registered, else 422; each issue names the row and field. */
function refuse(problems: IntakeProblem[], bulk: boolean): ApiError {
  const issues = problems.map((p) => ({ path: bulk ? ['items', p.index, p.path] : [p.path], message: p.message, code: p.code }));
  const clash = problems.every((p) => p.code === 'serial_in_use');
  return clash
    ? new ApiError(409, 'conflict', 'a serial is already registered to another chair', issues)
    : new ApiError(422, 'invalid_input', `${new Set(problems.map((p) => p.index)).size} chair(s) cannot be received as given`, issues);
}

const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : undefined);

export function stockRoutes() {
  const app = createRouter();

  app.openapi(routes.receive, async (c) => {
    const body = c.req.valid('json');
    const rows: DeviceIntake[] = 'items' in body ? body.items : [body];
    const actor = actorOf(c);
    const { db, clock } = c.get('deps');
    const problems = await checkIntake(db, actor, rows, { now: clock.now(), mode: 'create' });
    if (problems.length > 0) throw refuse(problems, 'items' in body);
    const plan = await planIntake(db, actor, rows);
    const result = auditedRawChange(
      c,
      (raw) => writeIntake(raw, actor, plan, { now: clock.now() }),
      (r) => ({
        action: 'device.intake', entityType: 'Device', entityId: r.created.length === 1 ? r.created[0] : undefined,
        centreId: rows[0]!.centreId ?? actor.centreId, details: { count: r.created.length, deviceIds: r.created },
      }),
    );
    const made = await db.device.findMany({ where: { id: { in: result.created } }, select: stockedSelect, orderBy: { serial: 'asc' } });
    return c.json({ items: made.map(toStocked) }, 201);
  });

  app.openapi(routes.update, async (c) => {
    const { id } = c.req.valid('param');
    const patch = c.req.valid('json');
    const actor = actorOf(c);
    const { db, clock } = c.get('deps');
    const chair = await db.device.findFirst({ where: { AND: [{ id }, deviceScope(actor)] }, select: stockedSelect });
    if (!chair) throw notFound('device');
    const current = toStocked(chair);
    const changes = (Object.keys(patch) as (keyof typeof patch)[]).filter((k) => patch[k] !== current[k]);
    const locked = changes.filter((k) => (stockOnlyFields as readonly string[]).includes(k));
    if (locked.length > 0 && chair.status !== 'in_stock') throw conflict(`${locked.join(', ')} can only be corrected while the chair is in stock (it is ${chair.status})`);
    const merged: DeviceIntake = {
      serial: patch.serial ?? chair.serial, modelId: chair.modelId, centreId: chair.centreId,
      seatWidthMm: patch.seatWidthMm ?? chair.seatWidthMm ?? 0, seatDepthMm: patch.seatDepthMm ?? chair.seatDepthMm ?? 0,
      receivedAt: patch.receivedAt ?? isoDay(chair.receivedAt) ?? isoDay(clock.now())!,
      ...(patch.batteryInstalledAt !== undefined && { batteryInstalledAt: patch.batteryInstalledAt }),
    };
    // Only the fields being changed are checked: a chair made before intake existed may lack a size, and that is no reason to refuse a new supplier.
    const problems = (await checkIntake(db, actor, [merged], { now: clock.now(), deviceId: id }))
      .filter((p) => changes.includes(p.path as keyof typeof patch) || (p.path === 'seatWidthMm' && changes.includes('seatDepthMm')));
    if (problems.length > 0) throw refuse(problems, false);
    const row = await auditedChange(
      c,
      async (tx) => {
        if (changes.length === 0) return chair;
        const data = {
          ...patch,
          ...(patch.serial && { serialKey: serialKey(patch.serial) }),
          ...(patch.receivedAt && { receivedAt: day(patch.receivedAt) }),
          ...(patch.batteryInstalledAt && { batteryInstalledAt: day(patch.batteryInstalledAt) }),
        };
        const updated = await tx.device.update({ where: { id }, data, select: stockedSelect });
        await tx.deviceEvent.create({ data: { deviceId: id, kind: 'updated', actorId: actor.id, centreId: chair.centreId, details: JSON.stringify({ fields: changes }) } });
        return updated;
      },
      () => (changes.length === 0 ? null : { action: 'device.update', entityType: 'Device', entityId: id, centreId: chair.centreId, details: { fields: changes } }),
    );
    return c.json(toStocked(row), 200);
  });

  app.openapi(routes.view, async (c) => {
    const { centreId } = c.req.valid('query');
    const actor = actorOf(c);
    if (actor.role !== 'admin' && centreId !== undefined && centreId !== actor.centreId) throw notFound('centre');
    const { db } = c.get('deps');
    const target = actor.role === 'admin' ? (centreId ?? null) : actor.centreId;
    if (target !== null && !(await db.centre.findUnique({ where: { id: target }, select: { id: true } }))) throw notFound('centre');
    return c.json(await stockView(db, target), 200);
  });

  return app;
}
