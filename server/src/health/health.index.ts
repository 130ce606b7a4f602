// Liveness (/api/health), readiness (/api/health/ready) and the admins' health details.
import { runReadiness } from '../../../core/health/readiness.ts';
import { createRouter } from '../http/router.ts';
import { ApiError } from '../lib/errors.ts';
import * as routes from './health.routes.ts';
import pkg from '../../../package.json' with { type: 'json' };

const startedAt = Date.now();

export function healthRoutes() {
  const app = createRouter();

  // Cheap on purpose: a liveness probe that touched the database would restart a process that
  // only waits for its database to come back.
  app.openapi(routes.health, (c) => c.json({ status: 'ok' as const }, 200));

  app.openapi(routes.ready, async (c) => {
    const { readiness, log } = c.get('deps');
    const report = await runReadiness(readiness);
    if (!report.ready) {
      log.warn('not_ready', { checks: report.checks, causes: report.causes });
      const failed = Object.entries(report.checks).filter(([, v]) => v === 'failed').map(([k]) => k);
      throw new ApiError(503, 'unavailable', `not ready: ${failed.join(', ')}`, undefined, { reason: 'not_ready', checks: report.checks });
    }
    return c.json({ status: 'ready' as const, checks: report.checks }, 200);
  });

  app.openapi(routes.healthDetails, async (c) => {
    await c.get('deps').db.$queryRaw`SELECT 1`;
    return c.json({ status: 'ok' as const, version: pkg.version, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) }, 200);
  });

  return app;
}
