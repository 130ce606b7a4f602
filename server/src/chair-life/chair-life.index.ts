// Handlers for a chair's life: its history, the loans list, and each step (loan, return, transfer,
// receive, battery, retire), answered with the chair as GET /api/devices/{id} shows it.
import type { Context } from 'hono';
import { createRouter } from '../http/router.ts';
import { requestAuditWriter } from '../http/audit.ts';
import { actorOf } from '../http/access.ts';
import type { AppEnv } from '../http/types.ts';
import { findVisibleFleetRow, toDetail } from '../devices/devices.service.ts';
import * as routes from './chair-life.routes.ts';
import { type Chair, findChair, giveBack, lend, receive, replaceBattery, retire, transfer, type StepContext } from './chair-life.service.ts';
import { chairHistory } from './history.service.ts';
import { listLoans } from './loans.service.ts';

function stepContext(c: Context<AppEnv>): StepContext {
  const { db, clock } = c.get('deps');
  return { db, actor: actorOf(c), audit: requestAuditWriter(c), now: clock.now() };
}

/** One step on a chair the actor may see, answered with the chair afterwards. */
async function step<B>(c: Context<AppEnv>, id: string, body: B, run: (ctx: StepContext, chair: Chair, body: B) => Promise<unknown>) {
  const ctx = stepContext(c);
  await run(ctx, await findChair(ctx.db, ctx.actor, id), body);
  const { telemetry, clock, config } = c.get('deps');
  return toDetail(await findVisibleFleetRow(telemetry, ctx.actor, id, clock.now()), ctx.actor, clock.now(), config.rules);
}

export function chairLifeRoutes() {
  const app = createRouter();

  app.openapi(routes.history, async (c) => {
    const { db } = c.get('deps');
    const actor = actorOf(c);
    const chair = await findChair(db, actor, c.req.valid('param').id);
    return c.json(await chairHistory(db, actor, chair.id), 200);
  });

  app.openapi(routes.loans, async (c) => {
    const { db, clock } = c.get('deps');
    return c.json(await listLoans(db, actorOf(c), c.req.valid('query'), clock.now()), 200);
  });

  app.openapi(routes.transferTargets, async (c) => {
    const actor = actorOf(c);
    const centres = await c.get('deps').db.centre.findMany({
      where: actor.centreId ? { id: { not: actor.centreId } } : {}, select: { id: true, code: true, name: true }, orderBy: { name: 'asc' },
    });
    return c.json({ items: centres }, 200);
  });

  app.openapi(routes.loan, async (c) => c.json(await step(c, c.req.valid('param').id, c.req.valid('json'), lend), 200));
  app.openapi(routes.giveBack, async (c) => c.json(await step(c, c.req.valid('param').id, c.req.valid('json'), giveBack), 200));
  app.openapi(routes.transfer, async (c) => c.json(await step(c, c.req.valid('param').id, c.req.valid('json'), transfer), 200));
  app.openapi(routes.receive, async (c) => c.json(await step(c, c.req.valid('param').id, c.req.valid('json'), receive), 200));
  app.openapi(routes.battery, async (c) => c.json(await step(c, c.req.valid('param').id, c.req.valid('json'), replaceBattery), 200));
  app.openapi(routes.retire, async (c) => c.json(await step(c, c.req.valid('param').id, c.req.valid('json'), retire), 200));

  return app;
}
