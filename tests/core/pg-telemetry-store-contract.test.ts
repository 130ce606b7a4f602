// Runs the telemetry store contract against the PostgreSQL store on a real PostgreSQL (one cluster
// for the file, a freshly migrated database for each part of the contract).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { openDatabase, type PostgresDatabase } from '../../core/db/client.ts';
import { migrateDatabase } from '../../core/db/migrate.ts';
import { PgTelemetryStore } from '../../core/telemetry/pg-telemetry-store.ts';
import { parseConfig } from '../../server/src/config.ts';
import { startPostgres, type PostgresCluster } from '../helpers/postgres.ts';
import { runTelemetryStoreContract } from './telemetry-store.case.ts';

let cluster: PostgresCluster | undefined;
afterAll(() => cluster?.stop());

runTelemetryStoreContract('PostgreSQL', async () => {
  cluster ??= await startPostgres();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atensi-pg-contract-'));
  const config = parseConfig({ DATA_DIR: dir, DATABASE_URL: await cluster.createDatabase(), LOG_LEVEL: 'silent' });
  await migrateDatabase(config);
  const db = openDatabase(config.database) as PostgresDatabase;
  return {
    prisma: db.prisma,
    open: ({ now }) => new PgTelemetryStore(db.pool, { now }),
    async close() {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});
