// Builds the whole HTTP application from its dependencies; the entry point only wires and serves.
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { createAuditService } from '../../core/audit/audit.service.ts';
import { accountRoutes } from './account/account.index.ts';
import { authRoutes } from './auth/auth.index.ts';
import { createLoginLimiters } from './sessions/login-limit.ts';
import { sqliteLimiters } from './sessions/limiter-store.ts';
import { createSessionService } from './sessions/sessions.service.ts';
import { beneficiaryRoutes } from './beneficiaries/beneficiaries.index.ts';
import { deviceRoutes } from './devices/devices.index.ts';
import { deviceModelRoutes } from './device-models/device-models.index.ts';
import { deviceCredentialRoutes } from './device-credentials/device-credentials.index.ts';
import { alertRoutes } from './alerts/alerts.index.ts';
import { workOrderRoutes } from './work-orders/work-orders.index.ts';
import { chairLifeRoutes } from './chair-life/chair-life.index.ts';
import { centreRoutes } from './centres/centres.index.ts';
import { requestRoutes } from './requests/requests.index.ts';
import { followUpRoutes } from './follow-ups/follow-ups.index.ts';
import { indicatorRoutes } from './indicators/indicators.index.ts';
import { reportRoutes } from './reports/reports.index.ts';
import { beneficiaryImportRoutes } from './imports/beneficiary-import.index.ts';
import { isRawUpload } from './http/photo-upload.ts';
import { notificationRoutes } from './notifications/notifications.index.ts';
import { auditRoutes } from './audit/audit.index.ts';
import { homeRoutes } from './home/home.index.ts';
import { exportDocumentCsp, privacyRoutes } from './privacy/privacy.index.ts';
import type { Config } from './config.ts';
import { type AnyDatabase, requireSqlite } from '../../core/db/client.ts';
import { accessLog, crossSiteGuard, depsMiddleware, jsonOnly, sessionLoader } from './http/middleware.ts';
import { mountDocs, mountWeb } from './http/static.ts';
import type { AppEnv, Deps } from './http/types.ts';
import { type Clock, systemClock } from '../../core/clock.ts';
import { ApiError, makeErrorHandler } from './lib/errors.ts';
import { createLogger, type Logger } from '../../core/log/logger.ts';
import { userRoutes } from './users/users.index.ts';
import { stockRoutes } from './stock/stock.index.ts';
import { importRoutes } from './imports/imports.index.ts';
import { invitationRoutes } from './invitations/invitations.index.ts';
import { SqliteTelemetryStore } from '../../core/telemetry/sqlite-telemetry-store.ts';
import type { TelemetryStore } from '../../core/telemetry/telemetry-store.ts';
import pkg from '../../package.json' with { type: 'json' };
import { withheldReadAudit } from './http/access.ts';
import { healthRoutes } from './health/health.index.ts';
import { httpMetrics, metricsEndpoint } from './http/metrics.ts';
import { createMetricsRegistry, exposeQueueDepth, type MetricsRegistry } from '../../core/metrics/registry.ts';
import { exposeDatabase, sqliteStats } from '../../core/metrics/database-stats.ts';
import { type ReadinessCheck, sqliteReadiness } from '../../core/health/readiness.ts';
import { webhookQueueDepth } from '../../core/notifications/webhook-outbox.ts';

export interface CreateAppOptions {
  /** The opened database (either engine): its Prisma client and the engine's own connection. */
  database: AnyDatabase;
  /** The telemetry store; by default the SQLite one on the raw connection (the embedded bridge passes its own). */
  telemetry?: TelemetryStore;
  config: Config;
  clock?: Clock;
  log?: Logger;
  /** Told when a chair's MQTT secret changed; the entry point passes the embedded broker's disconnect. */
  onCredentialsIssued?: (deviceId: string) => void;
  /** The process's metrics registry (the entry point adds the bridge's); by default a fresh one. */
  metrics?: MetricsRegistry;
  /** Readiness checks besides the database's own (the broker, where this process runs the bridge). */
  readiness?: readonly ReadinessCheck[];
}

export const MAX_BODY_BYTES = 1024 * 1024;

export function createApp(o: CreateAppOptions) {
  const { database, config, clock = systemClock, log = createLogger(config.logLevel), onCredentialsIssued } = o;
  const db = database.prisma;
  const raw = requireSqlite(database, 'the API').raw;
  const telemetry = o.telemetry ?? new SqliteTelemetryStore(raw);
  const metrics = o.metrics ?? createMetricsRegistry({ version: pkg.version });
  exposeDatabase(metrics, sqliteStats(config.databaseFile));
  exposeQueueDepth(metrics, { webhook: () => webhookQueueDepth(db, config.webhook.maxAttempts) });
  const deps: Deps = {
    db,
    database,
    telemetry,
    config,
    clock,
    log,
    sessions: createSessionService({ db, raw, clock, ttlHours: config.sessionTtlHours }),
    audit: createAuditService(db, clock, log),
    // In the shared database, so N API processes limit sign-ins together.
    loginLimiters: createLoginLimiters(sqliteLimiters(raw), config.loginMaxAttempts, config.loginWindowMinutes),
    metrics,
    readiness: [...sqliteReadiness(config.databaseFile, () => db.$queryRaw`SELECT 1`), ...(o.readiness ?? [])],
    onCredentialsIssued,
  };

  const app = new OpenAPIHono<AppEnv>();
  app.onError(makeErrorHandler(log));
  app.use('*', requestId(), depsMiddleware(deps), httpMetrics(metrics));
  // Before secureHeaders, so a printable export keeps its stricter CSP (privacy/privacy.index.ts).
  app.use('/api/beneficiaries/:id/export', exportDocumentCsp);
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      referrerPolicy: 'same-origin',
      permissionsPolicy: { camera: ['self'], geolocation: [], microphone: [] },
    }),
  );
  app.use('/api/*', accessLog);
  const apiBodyLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new ApiError(413, 'payload_too_large', 'request body is larger than 1 MB');
    },
  });
  // Uploads (a report photo, a CSV register) read their bodies with their own streaming limits (lib/read-body.ts).
  app.use('/api/*', (c, next) => (isRawUpload(c.req.method, c.req.path, c.req.header('content-type')) ? next() : apiBodyLimit(c, next)));
  const ownOrigin = (origin: string, c: { req: { url: string } }) => origin === (config.publicOrigin ?? new URL(c.req.url).origin);
  app.use('/api/*', csrf({ origin: ownOrigin }), crossSiteGuard(ownOrigin));
  app.use('/api/*', jsonOnly, sessionLoader, withheldReadAudit);

  app.route('/', healthRoutes());
  app.route('/', authRoutes());
  app.route('/', accountRoutes());
  app.route('/', centreRoutes());
  app.route('/', userRoutes());
  app.route('/', invitationRoutes());
  app.route('/', beneficiaryRoutes());
  app.route('/', deviceModelRoutes());
  app.route('/', beneficiaryImportRoutes());
  app.route('/', deviceRoutes());
  app.route('/', stockRoutes());
  app.route('/', importRoutes());
  app.route('/', deviceCredentialRoutes());
  app.route('/', alertRoutes());
  app.route('/', workOrderRoutes());
  app.route('/', chairLifeRoutes());
  app.route('/', requestRoutes());
  app.route('/', followUpRoutes());
  app.route('/', indicatorRoutes());
  app.route('/', reportRoutes());
  app.route('/', notificationRoutes());
  app.route('/', auditRoutes());
  app.route('/', privacyRoutes());
  app.route('/', homeRoutes());

  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: '__Host-atensi_session',
    description: 'Session cookie set by POST /api/auth/login (named atensi_session on plain-HTTP localhost).',
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    // Relative: the document is served by the API it describes, wherever that is deployed.
    servers: [{ url: '/', description: 'This server (the origin the document was fetched from)' }],
    info: {
      license: { name: 'AGPL-3.0-or-later', url: 'https://www.gnu.org/licenses/agpl-3.0.html' },
      title: 'Atensi Mobility API',
      version: pkg.version,
      description:
        'Wheelchair service pathway, fleet health and family reports for Indonesia\'s ATENSI social-rehabilitation centres. ' +
        'Errors share one shape: `{ error: { code, message, requestId, issues? } }`. Each operation lists the roles allowed in `x-access`.',
    },
  });
  mountDocs(app);
  app.get('/metrics', metricsEndpoint);
  app.all('/api/*', () => {
    throw new ApiError(404, 'not_found', 'no such API route');
  });
  mountWeb(app);
  return app;
}

export type App = ReturnType<typeof createApp>;
