// The stand-alone bridge's own small HTTP listener (BRIDGE_HTTP_PORT; off when unset): GET /metrics
// (Bearer METRICS_TOKEN, 404 when unset), GET /health (the process is up) and GET /health/ready
// (database, migrations, broker). Errors in the API's one shape. No other path, no other method.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ReadinessCheck, runReadiness } from '../../core/health/readiness.ts';
import type { Logger } from '../../core/log/logger.ts';
import { metricsAccess } from '../../core/metrics/metrics-access.ts';
import type { MetricsRegistry } from '../../core/metrics/registry.ts';
import { type ErrorBody, errorCodeFor } from '../../schemas/common.ts';

export interface OpsHttpOptions {
  port: number;
  host: string;
  metrics: MetricsRegistry;
  metricsToken: string | undefined;
  readiness: readonly ReadinessCheck[];
  log: Logger;
}

export interface OpsHttp {
  port: number;
  close(): Promise<void>;
}

type Answer = { status: number; body: string; headers?: Record<string, string> };

const json = (status: number, value: unknown, headers: Record<string, string> = {}): Answer => ({
  status, body: JSON.stringify(value), headers: { 'Content-Type': 'application/json', ...headers },
});
const error = (status: number, message: string, details?: ErrorBody['error']['details'], headers?: Record<string, string>) =>
  json(status, { error: { code: errorCodeFor(status), message, ...(details ? { details } : {}) } } satisfies ErrorBody, headers);

async function answer(o: OpsHttpOptions, req: http.IncomingMessage): Promise<Answer> {
  const path = new URL(req.url ?? '/', 'http://bridge').pathname;
  if (path !== '/metrics' && path !== '/health' && path !== '/health/ready') return error(404, 'no such route');
  if (req.method !== 'GET' && req.method !== 'HEAD') return error(405, 'only GET', undefined, { Allow: 'GET, HEAD' });
  if (path === '/health') return json(200, { status: 'ok' });
  if (path === '/health/ready') {
    const report = await runReadiness(o.readiness);
    if (report.ready) return json(200, { status: 'ready', checks: report.checks });
    o.log.warn('not_ready', { checks: report.checks, causes: report.causes });
    const failed = Object.entries(report.checks).filter(([, v]) => v === 'failed').map(([k]) => k);
    return error(503, `not ready: ${failed.join(', ')}`, { reason: 'not_ready', checks: report.checks });
  }
  const access = metricsAccess(o.metricsToken, req.headers.authorization);
  if (access === 'off') return error(404, 'no such route');
  if (access === 'refused') return error(401, 'send Authorization: Bearer with the metrics token', undefined, { 'WWW-Authenticate': 'Bearer realm="metrics"' });
  return { status: 200, body: await o.metrics.text(), headers: { 'Content-Type': o.metrics.contentType } };
}

export async function startOpsHttp(o: OpsHttpOptions): Promise<OpsHttp> {
  const server = http.createServer((req, res) => {
    // The request body is never read: drop it.
    req.resume();
    answer(o, req)
      .catch((err: Error) => {
        o.log.error('ops_http_error', { message: err.message });
        return error(500, 'something went wrong on our side');
      })
      .then((a) => {
        res.writeHead(a.status, { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...a.headers });
        res.end(req.method === 'HEAD' ? undefined : a.body);
      });
  });
  server.requestTimeout = 10_000;
  server.headersTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
