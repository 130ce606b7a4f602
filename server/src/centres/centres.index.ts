// Centres: read by everyone within their scope, managed by admins, who may also load the
// programme's centre list in one action.
import { createRouter } from '../http/router.ts';
import type { Prisma } from '@prisma/client';
import { auditedChange } from '../http/audit.ts';
import type { Actor } from '../access/actor.ts';
import type { AppEnv } from '../http/types.ts';
import { notFound } from '../lib/errors.ts';
import * as routes from './centres.routes.ts';
import { programmeCentres } from './programme-centres.ts';
import type { Tx } from '../../../core/db/client.ts';
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
    const centre = await auditedChange(
      c,
      (tx) => tx.centre.create({ data: c.req.valid('json'), select }),
      (row) => ({ action: 'centre.create', entityType: 'Centre', entityId: row.id, centreId: row.id }),
    );
    return c.json(centre, 201);
  });

  app.openapi(routes.update, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const { db } = c.get('deps');
    if (!(await db.centre.findUnique({ where: { id } }))) throw notFound('centre');
    const centre = await auditedChange(
      c,
      (tx) => tx.centre.update({ where: { id }, data: body, select }),
      () => ({ action: 'centre.update', entityType: 'Centre', entityId: id, centreId: id, details: { fields: Object.keys(body) } }),
    );
    return c.json(centre, 200);
  });

  app.openapi(routes.loadProgramme, async (c) => {
    const result = await auditedChange(
      c,
      (tx) => upsertProgrammeCentres(tx),
      (r) => ({ action: 'centre.load_programme', entityType: 'Centre', details: { created: r.created, updated: r.updated, unchanged: r.unchanged } }),
    );
    const items = await c.get('deps').db.centre.findMany({ select, orderBy: { name: 'asc' } });
    return c.json({ ...result, items }, 200);
  });

  return app;
}

/** Upserts the programme's centres by code; counts what it created, changed and left as it was. */
async function upsertProgrammeCentres(tx: Tx) {
  const counts = { created: 0, updated: 0, unchanged: 0 };
  const existing = new Map((await tx.centre.findMany({ where: { code: { in: programmeCentres.map((p) => p.code) } }, select })).map((r) => [r.code, r]));
  for (const centre of programmeCentres) {
    const row = existing.get(centre.code);
    if (!row) {
      await tx.centre.create({ data: centre });
      counts.created++;
    } else if (row.name !== centre.name || row.city !== centre.city || row.province !== centre.province) {
      await tx.centre.update({ where: { id: row.id }, data: centre });
      counts.updated++;
    } else counts.unchanged++;
  }
  return counts;
}
