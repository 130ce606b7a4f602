// The server side of `npm run bench:api`: the real app on a loopback port over an already-seeded
// data directory, in its own process so the load generator does not share its event loop.
import { serve } from '@hono/node-server';
import { createApp } from '../src/app.ts';
import { parseConfig } from '../src/config.ts';
import { openDatabase } from '../../core/db/client.ts';
import { createLogger } from '../../core/log/logger.ts';

const config = parseConfig({ DATA_DIR: process.argv[2], LOG_LEVEL: 'silent' });
const database = openDatabase(config.databaseFile);

const app = createApp({ database, config, log: createLogger('silent') });
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => process.send?.({ port: info.port }));
process.on('SIGTERM', () => void database.close().then(() => process.exit(0)));
