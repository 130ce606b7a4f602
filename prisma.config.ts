// Prisma CLI configuration: the JavaScript schema engine over the better-sqlite3 adapter, so that
// migrations need no native engine download.
import fs from 'node:fs';
import path from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { defineConfig } from 'prisma/config';
import { loadConfig } from './server/src/config.ts';

export default defineConfig({
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  engine: 'js',
  experimental: { adapter: true },
  async adapter() {
    const { dataDir, databaseFile } = loadConfig();
    fs.mkdirSync(dataDir, { recursive: true });
    return new PrismaBetterSQLite3({ url: databaseFile });
  },
});
