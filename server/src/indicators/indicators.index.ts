// Centre indicators for managers (their centre) and admins (any centre, or all).
import type { Context } from 'hono';
import { createRouter } from '../http/router.ts';
import type { AppEnv } from '../http/types.ts';
import { notFound } from '../lib/errors.ts';
import { centreDay } from '../../../schemas/centre-time.ts';
import { indicatorsCsv } from './csv.ts';
import * as routes from './indicators.routes.ts';
import { indicatorsFor } from './indicators.service.ts';
import { actorOf } from '../http/access.ts';

/** The centres a request for indicators covers: a manager's own; an admin's choice, or null for all. */
async function centresFor(c: Context<AppEnv>, requested: string | undefined) {
  const { db } = c.get('deps');
  const actor = actorOf(c);
  const id = actor.role === 'admin' ? requested : actor.centreId;
  if (actor.role !== 'admin' && requested && requested !== actor.centreId) throw notFound('centre');
  if (!id) return null;
  const centre = await db.centre.findUnique({ where: { id }, select: { id: true, name: true } });
  if (!centre) throw notFound('centre');
  return centre;
}

export function indicatorRoutes() {
  const app = createRouter();

  app.openapi(routes.get, async (c) => {
    const { db, clock } = c.get('deps');
    const centre = await centresFor(c, c.req.valid('query').centreId);
    return c.json(await indicatorsFor(db, centre, clock.now()), 200);
  });

  app.openapi(routes.csv, async (c) => {
    const { db, clock } = c.get('deps');
    const { centreId, lang } = c.req.valid('query');
    const centre = await centresFor(c, centreId);
    const now = clock.now();
    // Admins without a centre get every centre, one row each.
    const centres = centre ? [centre] : await db.centre.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } });
    const rows = await Promise.all(centres.map((x) => indicatorsFor(db, x, now)));
    const file = `indikator-${centreDay(now)}.csv`;
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${file}"`);
    return c.body(indicatorsCsv(rows, lang), 200) as never;
  });

  return app;
}
