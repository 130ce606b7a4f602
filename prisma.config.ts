// Prisma CLI configuration: the JavaScript schema engine over a driver adapter (no native engine
// download), with the schema, migrations and adapter of the engine DATABASE_URL names:
// unset or file: → SQLite (prisma/), postgresql:// → PostgreSQL (prisma/postgres/).
import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { baseEnv, parseEnv } from './core/config/env.ts';
import { databaseTarget } from './core/db/target.ts';

const env = parseEnv({ DATA_DIR: baseEnv.DATA_DIR, DATABASE_URL: baseEnv.DATABASE_URL }, process.env);
const target = databaseTarget(env.DATABASE_URL, path.resolve(env.DATA_DIR));
const folder = target.engine === 'postgres' ? path.join('prisma', 'postgres') : 'prisma';

export default defineConfig({
  schema: path.join(folder, 'schema.prisma'),
  migrations: { path: path.join(folder, 'migrations') },
  engine: 'js',
  experimental: { adapter: true },
  async adapter() {
    if (target.engine === 'postgres') {
      const { PrismaPg } = await import('@prisma/adapter-pg');
      return new PrismaPg({ connectionString: target.url });
    }
    const { PrismaBetterSQLite3 } = await import('@prisma/adapter-better-sqlite3');
    fs.mkdirSync(path.dirname(target.file), { recursive: true });
    return new PrismaBetterSQLite3({ url: target.file });
  },
});
