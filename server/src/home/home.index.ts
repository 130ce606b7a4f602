// Home: the counts of each staff role's own work.
import { createRouter } from '../http/router.ts';
import * as routes from './home.routes.ts';
import { homeSummary } from './home.service.ts';
import { actorOf } from '../http/access.ts';

export function homeRoutes() {
  const app = createRouter();
  app.openapi(routes.summary, async (c) => {
    const { db, clock } = c.get('deps');
    return c.json(await homeSummary(db, actorOf(c), clock.now()), 200);
  });
  return app;
}
