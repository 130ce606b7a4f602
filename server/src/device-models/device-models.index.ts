// The device catalogue: staff read every model (inactive ones too), admins add and change them.
import { kindProblems } from '../../../schemas/device-models.ts';
import type { DeviceKind } from '../../../schemas/devices.ts';
import { createRouter } from '../http/router.ts';
import { auditedChange } from '../http/audit.ts';
import { conflict, invalid, notFound } from '../lib/errors.ts';
import * as routes from './device-models.routes.ts';
import { assertKeepsUsedSizes, assertNameFree, modelInclude, toDeviceModel } from './device-models.service.ts';

/** A model's thresholds as stored: JSON text, or null for the defaults. */
const storedThresholds = (t: Record<string, number> | null | undefined) => (t && Object.keys(t).length ? JSON.stringify(t) : null);

export function deviceModelRoutes() {
  const app = createRouter();

  app.openapi(routes.list, async (c) => {
    const { active, kind } = c.req.valid('query');
    const rows = await c.get('deps').db.deviceModel.findMany({
      where: { ...(active !== undefined && { active }), ...(kind && { kind }) },
      include: modelInclude,
      orderBy: [{ active: 'desc' }, { kind: 'asc' }, { manufacturer: 'asc' }, { name: 'asc' }],
    });
    return c.json({ items: rows.map(toDeviceModel) }, 200);
  });

  app.openapi(routes.get, async (c) => {
    const row = await c.get('deps').db.deviceModel.findUnique({ where: { id: c.req.valid('param').id }, include: modelInclude });
    if (!row) throw notFound('device model');
    return c.json(toDeviceModel(row), 200);
  });

  app.openapi(routes.create, async (c) => {
    const { sizes, thresholds, ...fields } = c.req.valid('json');
    const row = await auditedChange(
      c,
      async (tx) => {
        await assertNameFree(tx, fields.manufacturer, fields.name);
        return tx.deviceModel.create({
          data: { ...fields, thresholds: storedThresholds(thresholds), sizes: { create: sizes } },
          include: modelInclude,
        });
      },
      (m) => ({ action: 'device_model.create', entityType: 'DeviceModel', entityId: m.id, centreId: null, details: { kind: m.kind, sizes: m.sizes.length, thresholds: m.thresholds !== null } }),
    );
    return c.json(toDeviceModel(row), 201);
  });

  app.openapi(routes.update, async (c) => {
    const { id } = c.req.valid('param');
    const { sizes, thresholds, ...fields } = c.req.valid('json');
    const body = c.req.valid('json');
    const row = await auditedChange(
      c,
      async (tx) => {
        const before = await tx.deviceModel.findUnique({ where: { id }, include: modelInclude });
        if (!before) throw notFound('device model');
        const used = before._count.devices + before._count.prescriptions > 0;
        if (fields.kind !== undefined && fields.kind !== before.kind && used) throw conflict('chairs or prescriptions use this model: its kind cannot change');
        const after = { ...before, ...fields, thresholds: thresholds === undefined ? before.thresholds : thresholds };
        const problems = kindProblems({ ...after, kind: after.kind as DeviceKind });
        if (problems.length) throw invalid('the model does not fit its kind; see issues', problems.map((p) => ({ ...p, code: 'custom' })));
        if (fields.name !== undefined || fields.manufacturer !== undefined) await assertNameFree(tx, after.manufacturer, after.name, id);
        if (sizes) {
          await assertKeepsUsedSizes(tx, id, sizes);
          await tx.deviceModelSize.deleteMany({ where: { modelId: id } });
          await tx.deviceModelSize.createMany({ data: sizes.map((s) => ({ ...s, modelId: id })) });
        }
        return tx.deviceModel.update({
          where: { id },
          data: { ...fields, ...(thresholds !== undefined && { thresholds: storedThresholds(thresholds) }) },
          include: modelInclude,
        });
      },
      (m) => ({
        action: body.active === false ? 'device_model.deactivate' : 'device_model.update',
        entityType: 'DeviceModel',
        entityId: m.id,
        centreId: null,
        details: { fields: Object.keys(body) },
      }),
    );
    return c.json(toDeviceModel(row), 200);
  });

  return app;
}
