// Builds one migrated and demo-seeded SQLite file per test run; each suite copies it, so every
// suite gets a fresh, real database without paying for migrations and password hashing again.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { parseConfig } from '../../server/src/config.ts';
import { openDatabase } from '../../core/db/client.ts';
import { migrate } from '../../core/db/migrate.ts';
import { seedDemo } from '../../server/src/demo/seed.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDb: string;
    demoCredentials: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atensi-template-'));
  const config = parseConfig({ DATA_DIR: dir });
  migrate(config.dataDir, config.databaseFile);
  const db = openDatabase(config.databaseFile);
  const { file } = await seedDemo(db.prisma, config);
  db.raw.pragma('wal_checkpoint(TRUNCATE)');
  await db.close();
  project.provide('templateDb', config.databaseFile);
  project.provide('demoCredentials', file);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
