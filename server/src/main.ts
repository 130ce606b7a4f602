// Entry point: parse configuration, open and migrate the database, seed demo data on first start,
// then serve HTTP. Everything else is built by createApp and the services it wires.
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { seedDemoIfEmpty } from './demo/seed.ts';
import { createLogger } from './lib/logger.ts';

async function main() {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const started = performance.now();

  const applied = migrate(config.dataDir, config.databaseFile);
  if (applied.length) log.info('migrations_applied', { migrations: applied });
  const database = openDatabase(config.databaseFile);

  const userCount = await database.prisma.user.count();
  if (config.demo !== false && userCount === 0) {
    const summary = await seedDemoIfEmpty(database.prisma, config, (msg) => process.stdout.write(`${msg}\n`));
    if (summary) process.stdout.write(summary);
  } else if (userCount === 0) {
    process.stdout.write('No accounts yet and demo mode is off: create the first admin with `npm run admin:create`.\n');
  }

  const app = createApp({ db: database.prisma, config, log });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    log.info('listening', { port: info.port, startupMs: Math.round(performance.now() - started) });
    process.stdout.write(`Atensi Mobility is ready at http://localhost:${info.port}/ (API docs: /api/docs)\n`);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    server.close(() => {
      void database.close().then(() => process.exit(0));
    });
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`Atensi Mobility failed to start: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
