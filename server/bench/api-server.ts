// The server side of `npm run bench:api`: the real app on a loopback port over an already-seeded
// data directory, in its own process so the load generator does not share its event loop.
// With `session-cache` it also answers the what-if question "how fast would these reads be if the
// session lookup cost nothing": session rows are kept for 5 s (measurement only, never in the app).
import type { PrismaClient } from '@prisma/client';
import { serve } from '@hono/node-server';
import { createApp } from '../src/app.ts';
import { parseConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/client.ts';
import { createLogger } from '../src/lib/logger.ts';

const config = parseConfig({ DATA_DIR: process.argv[2], LOG_LEVEL: 'silent' });
const database = openDatabase(config.databaseFile);

function withSessionCache(prisma: PrismaClient): PrismaClient {
  const cache = new Map<string, { at: number; value: unknown }>();
  const session = new Proxy(prisma.session, {
    get(target, prop) {
      if (prop !== 'findUnique') return Reflect.get(target, prop);
      return async (args: { where: { tokenHash?: string } }) => {
        const key = JSON.stringify(args);
        const hit = cache.get(key);
        if (hit && Date.now() - hit.at < 5000) return hit.value;
        const value = await target.findUnique(args as never);
        cache.set(key, { at: Date.now(), value });
        return value;
      };
    },
  });
  return new Proxy(prisma, {
    get(target, prop) {
      if (prop === 'session') return session;
      const v = Reflect.get(target, prop);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

const db = process.argv[3] === 'session-cache' ? withSessionCache(database.prisma) : database.prisma;
const app = createApp({ db, raw: database.raw, config, log: createLogger('silent') });
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => process.send?.({ port: info.port }));
process.on('SIGTERM', () => void database.close().then(() => process.exit(0)));
