// The committed PostgreSQL migrations build, on a fresh real PostgreSQL, exactly the database that
// prisma/postgres/schema.prisma describes; they apply once even when instances start together,
// and a failing one leaves nothing behind.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { committedMigrations, migrateDatabase, pendingMigrationsOf, postgresMigrationsDir } from '../../core/db/migrate.ts';
import { migratePostgres, PostgresMigrationError } from '../../core/db/pg-migrate.ts';
import { catalogDifferences, catalogLines, queryRows as query, runSql } from '../helpers/pg-catalog.ts';
import { startPostgres, type PostgresCluster } from '../helpers/postgres.ts';

const repo = path.resolve(import.meta.dirname, '../..');
let cluster: PostgresCluster;
beforeAll(async () => {
  cluster = await startPostgres();
});
afterAll(() => cluster?.stop());

const target = (url: string) => ({ dataDir: os.tmpdir(), database: { engine: 'postgres' as const, url } });

/** The DDL Prisma derives from the schema file alone (what `migrate diff --from-empty` prints). */
function schemaScript(): string {
  return execFileSync(process.execPath, [path.join(repo, 'node_modules/prisma/build/index.js'), 'migrate', 'diff', '--from-empty',
    '--to-schema-datamodel', 'prisma/postgres/schema.prisma', '--script'], {
    cwd: repo, encoding: 'utf8', env: { ...process.env, DATABASE_URL: cluster.url, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  });
}

describe('PostgreSQL migrations', () => {
  const committed = committedMigrations(postgresMigrationsDir);

  it('apply on a fresh database once, with Prisma’s bookkeeping', async () => {
    const url = await cluster.createDatabase();
    expect(committed.length).toBeGreaterThan(0);
    expect(await pendingMigrationsOf(target(url).database)).toEqual(committed);
    expect(await migrateDatabase(target(url))).toEqual(committed);
    expect(await pendingMigrationsOf(target(url).database)).toEqual([]);
    expect(await migrateDatabase(target(url))).toEqual([]);
    const rows = await query<{ migration_name: string; checksum: string }>(url, 'SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY 1');
    expect(rows).toEqual(committed.map((name) => ({
      migration_name: name,
      checksum: crypto.createHash('sha256').update(fs.readFileSync(path.join(postgresMigrationsDir, name, 'migration.sql'))).digest('hex'),
    })));
  });

  it('build the database the schema describes', async () => {
    const migrated = await cluster.createDatabase();
    await migrateDatabase(target(migrated));
    const fromSchema = await cluster.createDatabase();
    await runSql(fromSchema, schemaScript());
    // telemetry_raw (partitioned by day, bigint id) and fleet_clock (the fleet_change triggers'
    // clock) are the telemetry store's own, made by raw SQL and checked by
    // tests/core/pg-telemetry-store.test.ts; the rest must be what the schema says.
    const own = (l: string) => !/telemetry_raw|fleet_clock/.test(l);
    const [a, b] = [(await catalogLines(migrated)).filter(own), (await catalogLines(fromSchema)).filter(own)];
    expect(a.length).toBeGreaterThan(300);
    expect(a).toContain('column "Device".serial text NOT NULL');
    expect(catalogDifferences(a, b)).toEqual([]);

    // The comparison sees a drift: a column the schema would not have, an index it would.
    await runSql(fromSchema, 'ALTER TABLE "Centre" ADD COLUMN "island" text; DROP INDEX "Device_centreId_status_idx"');
    expect(catalogDifferences(a, (await catalogLines(fromSchema)).filter(own))).toEqual([
      '- index CREATE INDEX "Device_centreId_status_idx" ON public."Device" USING btree ("centreId", status)',
      '+ column "Centre".island text',
    ]);
  });

  it('apply once when two instances start together', async () => {
    const url = await cluster.createDatabase();
    const [a, b] = await Promise.all([migrateDatabase(target(url)), migrateDatabase(target(url))]);
    expect([...a, ...b].sort()).toEqual(committed);
    const [{ n }] = await query<{ n: string }>(url, 'SELECT count(*) AS n FROM "_prisma_migrations"') as [{ n: string }];
    expect(Number(n)).toBe(committed.length);
  });

  it('roll a failing migration back whole and record only those that finished', async () => {
    const url = await cluster.createDatabase();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atensi-pg-migrations-'));
    const write = (name: string, sql: string) => {
      fs.mkdirSync(path.join(dir, name));
      fs.writeFileSync(path.join(dir, name, 'migration.sql'), sql);
    };
    write('001_ok', 'CREATE TABLE "first" (id int);');
    write('002_bad', 'CREATE TABLE "second" (id int);\nSELECT 1 / 0;');
    try {
      await expect(migratePostgres(url, dir, ['001_ok', '002_bad'])).rejects.toThrow(PostgresMigrationError);
      await expect(migratePostgres(url, dir, ['001_ok', '002_bad'])).rejects.toThrow(/002_bad failed and was rolled back: division by zero/);
      const tables = await query<{ t: string }>(url, "SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
      expect(tables.map((r) => r.t)).toEqual(['_prisma_migrations', 'first']);
      const names = await query<{ m: string }>(url, 'SELECT migration_name AS m FROM "_prisma_migrations"');
      expect(names.map((r) => r.m)).toEqual(['001_ok']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
