// `npm run backup` / `npm run restore` on PostgreSQL (DATABASE_URL=postgresql://…): pg_dump's custom
// format taken from a real, migrated and seeded database, restored into an empty one row for row,
// with the same refusals as on SQLite (not ours, in use, not empty without --force).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type AnyDatabase } from '../../core/db/client.ts';
import { migrateDatabase } from '../../core/db/migrate.ts';
import { parseConfig } from '../../server/src/config.ts';
import { seedDemo } from '../../server/src/demo/seed.ts';
import { run as backup } from '../../server/src/cli/backup.ts';
import { run as restore } from '../../server/src/cli/restore.ts';
import type { DatabaseLocation } from '../../server/src/cli/backup-config.ts';
import { queryRows, runSql } from '../helpers/pg-catalog.ts';
import { startPostgres, type PostgresCluster } from '../helpers/postgres.ts';

let cluster: PostgresCluster;
let sourceUrl: string;
let tmp: string;
let file: string;

async function call(command: typeof backup, argv: string[], url: string) {
  let out = '';
  let err = '';
  const io = { out: (s: string) => void (out += s), err: (s: string) => void (err += s), now: () => new Date('2026-12-03T21:00:00Z') };
  const code = await command(argv, io, (): DatabaseLocation => ({ engine: 'postgresql', url }));
  return { code, out, err };
}

/** Rows per table of the public schema, Prisma's bookkeeping included. */
async function counts(url: string): Promise<Record<string, number>> {
  const tables = await queryRows<{ t: string }>(url, "SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
  const result: Record<string, number> = {};
  for (const { t } of tables) result[t] = Number((await queryRows<{ n: string }>(url, `SELECT count(*) AS n FROM "${t}"`))[0]!.n);
  return result;
}

beforeAll(async () => {
  cluster = await startPostgres();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'atensi-pg-backup-'));
  sourceUrl = await cluster.createDatabase();
  const config = parseConfig({ DATA_DIR: tmp, DATABASE_URL: sourceUrl, LOG_LEVEL: 'silent' });
  await migrateDatabase(config);
  const db: AnyDatabase = openDatabase(config.database);
  try {
    await seedDemo(db.prisma, config);
  } finally {
    await db.close();
  }
  file = path.join(tmp, 'atensi.backup');
}, 120_000);

afterAll(async () => {
  await cluster?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('backup and restore on PostgreSQL', () => {
  it('backs up with progress, restores into an empty database row for row, and refuses to overwrite', async () => {
    const made = await call(backup, ['--out', file], sourceUrl);
    expect(made.code, made.err).toBe(0);
    expect(made.err).toMatch(/^backup: table 1 of \d+: /m);
    expect(made.out).toMatch(/Backup written to .*pg_dump custom format/);
    expect(fs.statSync(file).mode & 0o077).toBe(0);
    expect((await call(backup, ['--out', file], sourceUrl)).code).toBe(1);

    const target = await cluster.createDatabase();
    const restored = await call(restore, [file], target);
    expect(restored.code, restored.err).toBe(0);
    expect(restored.err).toMatch(/^restore: table \d+: /m);
    expect(restored.out).toMatch(/Its schema matches this version/);
    const expected = await counts(sourceUrl);
    expect(expected.User).toBeGreaterThan(0);
    expect(expected.Device).toBeGreaterThan(0);
    expect(await counts(target)).toEqual(expected);
    const emails = "SELECT string_agg(email, ',' ORDER BY email) AS e FROM \"User\"";
    expect(await queryRows(target, emails)).toEqual(await queryRows(sourceUrl, emails));
  });

  it('refuses a database that holds tables unless --force, and one in use even then', async () => {
    const target = await cluster.createDatabase();
    await runSql(target, 'CREATE TABLE "Stray" (id int); INSERT INTO "Stray" VALUES (1)');
    const refused = await call(restore, [file], target);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/already holds 1 table\(s\): pass --force/);

    const holder = new pg.Client({ connectionString: target });
    await holder.connect();
    try {
      const busy = await call(restore, ['--force', file], target);
      expect(busy.code).toBe(1);
      expect(busy.err).toMatch(/in use \(1 other connection\(s\)\)/);
    } finally {
      await holder.end();
    }
    const forced = await call(restore, ['--force', file], target);
    expect(forced.code, forced.err).toBe(0);
    expect(forced.out).toMatch(/replacing what the database held/);
    expect(await counts(target)).toEqual(await counts(sourceUrl));
  });

  it('refuses files that are not a backup of an Atensi database', async () => {
    const target = await cluster.createDatabase();
    const text = path.join(tmp, 'notes.txt');
    fs.writeFileSync(text, 'not a backup');
    const notArchive = await call(restore, [text], target);
    expect(notArchive.code).toBe(1);
    expect(notArchive.err).toMatch(/not a PostgreSQL backup/);

    const other = await cluster.createDatabase();
    await runSql(other, 'CREATE TABLE t (id int)');
    const foreign = path.join(tmp, 'foreign.backup');
    expect((await call(backup, ['--out', foreign], other)).code).toBe(1);
    expect(fs.existsSync(foreign)).toBe(false);
    expect(await queryRows(target, "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'")).toEqual([{ n: 0 }]);
  });
});
