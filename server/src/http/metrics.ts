// HTTP side of /metrics: the latency histogram fed by every request (by route pattern, so no ids
// reach a label), and the endpoint itself, outside /api and the OpenAPI document (operational, for
// Prometheus; Bearer METRICS_TOKEN, 404 when unset). docs/operations.md.
import type { Handler, MiddlewareHandler } from 'hono';
import { metricsAccess } from '../../../core/metrics/metrics-access.ts';
import type { MetricsRegistry } from '../../../core/metrics/registry.ts';
import { ApiError } from '../lib/errors.ts';
import type { AppEnv } from './types.ts';

export function httpMetrics(metrics: MetricsRegistry): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      // routePath is the pattern that answered (`/api/devices/:id`, `/api/*` for an unknown API path).
      metrics.httpDuration.observe({ method: c.req.method, route: c.req.routePath, status: String(c.res.status) }, (performance.now() - started) / 1000);
    }
  };
}

export const metricsEndpoint: Handler<AppEnv> = async (c) => {
  const { config, metrics } = c.get('deps');
  const access = metricsAccess(config.metricsToken, c.req.header('authorization'));
  if (access === 'off') throw new ApiError(404, 'not_found', 'no such route');
  if (access === 'refused') {
    c.header('WWW-Authenticate', 'Bearer realm="metrics"');
    throw new ApiError(401, 'unauthenticated', 'send Authorization: Bearer with the metrics token');
  }
  c.header('Cache-Control', 'no-store');
  return c.body(await metrics.text(), 200, { 'Content-Type': metrics.contentType });
};
