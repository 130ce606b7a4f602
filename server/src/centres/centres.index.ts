// Centres: read by everyone within their scope, managed by admins.
import { createRouter } from '../http/router.ts';
import type { Prisma } from '@prisma/client';
import { auditFrom } from '../http/audit.ts';
import type { Actor } from '../access/actor.ts';
import type { AppEnv } from '../http/types.ts';
import { notFound } from '../lib/errors.ts';
import * as routes from './centres.routes.ts';
import { centreScope } from '../access/scopes.ts';
import { actorOf } from '../http/access.ts';

const select = { id: true, code: true, name: true, city: true, province: true } as const;

export function centreRoutes() {
  const app = createRouter();

  app.openapi(routes.list, async (c) => {
    const items = await c.get('deps').db.centre.findMany({ where: centreScope(actorOf(c)), select, orderBy: { name: 'asc' } });
    return c.json({ items }, 200);
  });

  app.openapi(routes.get, async (c) => {
    const { id } = c.req.valid('param');
    const centre = await c.get('deps').db.centre.findFirst({ where: { AND: [{ id }, centreScope(actorOf(c))] }, select });
    if (!centre) throw notFound('centre');
    return c.json(centre, 200);
  });

  app.openapi(routes.create, async (c) => {
    const centre = await c.get('deps').db.centre.create({ data: c.req.valid('json'), select });
    await auditFrom(c, { action: 'centre.create', entityType: 'Centre', entityId: centre.id, centreId: centre.id });
    return c.json(centre, 201);
  });

  app.openapi(routes.update, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const { db } = c.get('deps');
    if (!(await db.centre.findUnique({ where: { id } }))) throw notFound('centre');
    const centre = await db.centre.update({ where: { id }, data: body, select });
    await auditFrom(c, { action: 'centre.update', entityType: 'Centre', entityId: id, centreId: id, details: { fields: Object.keys(body) } });
    return c.json(centre, 200);
  });

  return app;
}
