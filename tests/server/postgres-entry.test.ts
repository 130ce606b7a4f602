// The entry points with DATABASE_URL=postgresql://…: the server applies the migrations at start and
// then says plainly that it does not run on PostgreSQL yet; `admin:create` and `db:migrate` work.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { committedMigrations, postgresMigrationsDir } from '../../core/db/migrate.ts';
import { queryRows } from '../helpers/pg-catalog.ts';
import { root } from '../helpers/process.ts';
import { startPostgres, type PostgresCluster } from '../helpers/postgres.ts';

let cluster: PostgresCluster;
let dir: string;
beforeAll(async () => {
  cluster = await startPostgres();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atensi-pg-entry-'));
});
afterAll(async () => {
  await cluster?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const env = (url: string) => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dir, DATABASE_URL: url, LOG_LEVEL: 'warn', PORT: '0', MQTT_PORT: '0' });
const node = (script: string, args: string[], url: string, input?: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { cwd: root, env: env(url), encoding: 'utf8', input, timeout: 120_000 });

const scalar = async (url: string, sql: string) => Object.values((await queryRows(url, sql))[0]!)[0];

describe('entry points on PostgreSQL', () => {
  it('the server migrates, then stops with a clear message instead of half working', async () => {
    const url = await cluster.createDatabase();
    const run = node('server/src/main.ts', [], url);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('the API does not run on PostgreSQL yet');
    expect(Number(await scalar(url, 'SELECT count(*) FROM "_prisma_migrations" WHERE finished_at IS NOT NULL'))).toBe(committedMigrations(postgresMigrationsDir).length);
    expect(fs.existsSync(path.join(dir, 'atensi.db'))).toBe(false);
  });

  it('db:migrate and admin:create work, the admin and its audit row in the PostgreSQL database', async () => {
    const url = await cluster.createDatabase();
    const migrated = node('server/src/cli/db-migrate.ts', [], url);
    expect(migrated.stdout).toMatch(/^Applied \d+ migrations to postgresql:\/\/postgres@127\.0\.0\.1:\d+\/test_/);
    expect(node('server/src/cli/db-migrate.ts', [], url).stdout).toMatch(/is up to date\.\n$/);

    const created = node('server/src/cli/admin-create.ts', ['--email', 'direktorat@example.id', '--password-stdin'], url, 'Kuda-Lumping-2026-Jepara\n');
    expect(created.stderr).toBe('');
    expect(created.stdout).toBe('Created admin direktorat@example.id.\n');
    expect(await scalar(url, `SELECT role FROM "User" WHERE email = 'direktorat@example.id'`)).toBe('admin');
    expect(Number(await scalar(url, `SELECT count(*) FROM "AuditLog" WHERE action = 'user.create'`))).toBe(1);
    expect(fs.existsSync(path.join(dir, 'atensi.db'))).toBe(false);
  });

  it('a DATABASE_URL of another kind is refused before anything is touched', () => {
    const run = node('server/src/cli/db-migrate.ts', [], 'mysql://db/atensi');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/DATABASE_URL: use postgresql:\/\//);
    expect(execFileSync('ls', [dir], { encoding: 'utf8' })).toBe('');
  });
});
