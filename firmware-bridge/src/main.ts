// The bridge on its own (`npm run bridge`): for deployments where the API runs with TELEMETRY=off
// and the bridge in its own process next to an external broker (MQTT_URL, e.g. Mosquitto), so that
// either can be restarted, or crash, without taking the other down. Same configuration and data
// directory as the server; the server owns the schema, so pending migrations stop the bridge.
import { ConfigError, loadBridgeConfig } from './config.ts';
import { openDatabase } from '../../core/db/client.ts';
import { pendingMigrations } from '../../core/db/migrate.ts';
import { createLogger } from '../../core/log/logger.ts';
import { startTelemetry } from './telemetry-service.ts';
import { IngestMetrics } from '../../core/metrics/ingest-metrics.ts';
import { createMetricsRegistry, exposeBroker, exposeIngest } from '../../core/metrics/registry.ts';
import { exposeDatabase, sqliteStats } from '../../core/metrics/database-stats.ts';
import { brokerReadiness, sqliteReadiness } from '../../core/health/readiness.ts';
import { type OpsHttp, startOpsHttp } from './ops-http.ts';
import pkg from '../../package.json' with { type: 'json' };

async function main() {
  const config = loadBridgeConfig();
  const log = createLogger(config.logLevel);
  if (config.database.engine === 'postgres') {
    process.stderr.write('DATABASE_URL names PostgreSQL: the bridge does not run on PostgreSQL yet (docs/architecture.md, "PostgreSQL status").\n');
    process.exit(2);
  }
  const pending = pendingMigrations(config.databaseFile);
  if (pending.length) {
    process.stderr.write(`The database at ${config.databaseFile} is not ready (${pending.length} migrations pending): start the server once first, it applies them.\n`);
    process.exit(2);
  }
  const database = openDatabase(config.databaseFile);
  const ingest = new IngestMetrics();
  const telemetry = await startTelemetry({ config, raw: database.raw, prisma: database.prisma, log, metrics: ingest });
  let ops: OpsHttp | undefined;
  if (config.opsHttp) {
    const metrics = createMetricsRegistry({ version: pkg.version });
    exposeIngest(metrics, ingest, () => telemetry.pipeline.pending);
    exposeBroker(metrics, () => telemetry.bridge.subscribed);
    exposeDatabase(metrics, sqliteStats(config.databaseFile));
    ops = await startOpsHttp({
      ...config.opsHttp, metrics, metricsToken: config.metricsToken, log,
      readiness: [...sqliteReadiness(config.databaseFile, async () => database.raw.prepare('SELECT 1').get()), brokerReadiness(() => telemetry.bridge.subscribed)],
    });
  }
  process.stdout.write(`Atensi bridge is ready (MQTT: ${telemetry.brokerUrl}, client id ${telemetry.clientId}${ops ? `; /metrics and /health on port ${ops.port}` : ''}).\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    setTimeout(() => process.exit(1), 10_000).unref();
    // Commits and acknowledges what it holds before the database closes.
    void telemetry
      .close()
      .then(() => ops?.close())
      .then(() => database.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`The Atensi bridge failed to start: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
