// Entry point: parse configuration, open and migrate the database, seed demo data on first start,
// then serve HTTP. Everything else is built by createApp and the services it wires.
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from '../../core/db/client.ts';
import { migrateDatabase } from '../../core/db/migrate.ts';
import { seedDemoIfEmpty } from './demo/seed.ts';
import { createLogger } from '../../core/log/logger.ts';
import { systemClock } from '../../core/clock.ts';
import { createWebhookDispatcher } from './notifications/webhook-dispatcher.ts';
import { startTelemetry, type TelemetryService } from '../../firmware-bridge/src/telemetry-service.ts';
import { startDemoFleet } from '../../firmware-bridge/src/demo-fleet.ts';
import { IngestMetrics } from '../../core/metrics/ingest-metrics.ts';
import { createMetricsRegistry, exposeBroker, exposeIngest } from '../../core/metrics/registry.ts';
import { brokerReadiness } from '../../core/health/readiness.ts';
import pkg from '../../package.json' with { type: 'json' };

async function main() {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const started = performance.now();

  const applied = await migrateDatabase(config);
  if (applied.length) log.info('migrations_applied', { migrations: applied });
  if (config.database.engine === 'postgres') {
    // Work in progress (docs/architecture.md, "PostgreSQL status"): the domain tables are there, the telemetry store and raw writers are not.
    process.stderr.write('DATABASE_URL names PostgreSQL: its migrations are applied, but the API does not run on PostgreSQL yet (docs/architecture.md, "PostgreSQL status").\n');
    process.exit(2);
  }
  const database = openDatabase(config.databaseFile);

  const userCount = await database.prisma.user.count();
  if (config.demo !== false && userCount === 0) {
    const summary = await seedDemoIfEmpty(database.prisma, config, (msg) => process.stdout.write(`${msg}\n`));
    if (summary) process.stdout.write(summary);
  } else if (userCount === 0) {
    process.stdout.write('No accounts yet and demo mode is off: create the first admin with `npm run admin:create`.\n');
  }

  const metrics = createMetricsRegistry({ version: pkg.version });
  let telemetry: TelemetryService | undefined;
  let fleet: Awaited<ReturnType<typeof startDemoFleet>> = null;
  if (config.telemetry === 'on') {
    const ingest = new IngestMetrics();
    telemetry = await startTelemetry({ config, raw: database.raw, prisma: database.prisma, log, metrics: ingest });
    const { pipeline, bridge } = telemetry;
    exposeIngest(metrics, ingest, () => pipeline.pending);
    exposeBroker(metrics, () => bridge.subscribed);
    if (config.demo !== false) fleet = await startDemoFleet({ config, raw: database.raw, url: telemetry.brokerUrl, log });
  }

  const app = createApp({
    database, telemetry: telemetry?.store, config, log, metrics,
    // Where this process runs the bridge, it is ready only while the bridge hears the broker.
    readiness: telemetry ? [brokerReadiness(() => telemetry.bridge.subscribed)] : [],
    // A new secret ends the chair's open connection on the embedded broker (an external one reloads on SIGHUP).
    onCredentialsIssued: (deviceId) => telemetry?.broker?.disconnect(deviceId),
  });
  // Outbound webhooks are sent in the background from rows written by requests and rules.
  const webhooks = createWebhookDispatcher({
    db: database.prisma, clock: systemClock, log, timeoutMs: config.webhook.timeoutMs, maxAttempts: config.webhook.maxAttempts, publicOrigin: config.publicOrigin,
    allowPrivate: config.webhook.allowPrivate,
  });
  webhooks.start();
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    log.info('listening', { port: info.port, startupMs: Math.round(performance.now() - started) });
    const mqttLine = telemetry ? ` MQTT: ${telemetry.brokerUrl}${fleet ? `, ${fleet.chairs.length} simulated chairs` : ''}.` : '';
    process.stdout.write(`Atensi Mobility is ready at http://localhost:${info.port}/ (API docs: /api/docs).${mqttLine}\n`);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    setTimeout(() => process.exit(1), 10_000).unref();
    // Chairs first, then the bridge commits and acknowledges what it holds, then HTTP and the database.
    void (async () => {
      await fleet?.stop();
      await telemetry?.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await webhooks.stop();
      await database.close();
      process.exit(0);
    })();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    process.stderr.write(`A port is already in use (${(err as Error).message}). Set PORT or MQTT_PORT to a free one.\n`);
    process.exit(2);
  }
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`Atensi Mobility failed to start: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
