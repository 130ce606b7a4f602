// `npm run backup` and `npm run restore` called in-process (their run() with captured output) on
// copies of the suite's migrated database: every wrong command line is a usage error (exit 2) that
// touches nothing, and a restore refuses (exit 1) what is not an intact Atensi backup no newer than
// this code, an existing database without --force, and a database another connection has open.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { run as backup } from '../../server/src/cli/backup.ts';
import { run as restore } from '../../server/src/cli/restore.ts';
import type { DatabaseLocation } from '../../server/src/cli/backup-config.ts';
import { parseDatabaseLocation } from '../../server/src/cli/backup-config.ts';
import { committedMigrations } from '../../core/db/migrate.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'atensi-backup-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
let n = 0;

/** A data directory holding a copy of the migrated, seeded database. */
function dataDir(withDatabase = true): DatabaseLocation & { engine: 'sqlite' } {
  const dir = path.join(tmp, `data-${n++}`);
  fs.mkdirSync(dir);
  const file = path.join(dir, 'atensi.db');
  if (withDatabase) fs.copyFileSync(inject('templateDb'), file);
  return { engine: 'sqlite', dataDir: dir, file };
}

async function call(command: typeof backup, argv: string[], location: DatabaseLocation) {
  let out = '';
  let err = '';
  const code = await command(argv, { out: (s) => (out += s), err: (s) => (err += s), now: () => new Date('2026-12-03T21:00:00Z') }, () => location);
  return { code, out, err };
}

const rowsOf = (file: string, table: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('npm run backup', () => {
  const live = dataDir();
  it.each([
    [[], /--out FILE is required/],
    [['--out'], /argument missing/],
    [['--out', ' '], /--out must name a file/],
    [['--out', path.join(tmp, 'no-such-folder', 'b.db')], /the folder .*no-such-folder does not exist/],
    [['--out', tmp], /is not a file/],
    [['--out', path.join(tmp, 'b.db'), 'extra'], /Unexpected argument 'extra'/],
    [['--out', path.join(tmp, 'b.db'), '--bogus'], /Unknown option '--bogus'/],
    [['--out', live.file], /must not be the live database/],
    [['--out', `${live.file}-wal`], /must not be the live database/],
  ])('%j exits 2 with the reason and the usage, writing nothing', async (argv, reason) => {
    const before = fs.readdirSync(tmp).length;
    const r = await call(backup, argv, live);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(reason);
    expect(r.err).toMatch(/usage: npm run backup -- --out FILE/);
    expect(r.out).toBe('');
    expect(fs.readdirSync(tmp).length).toBe(before);
  });

  it('writes a checked, private, self-contained copy and never overwrites one without --force', async () => {
    const out = path.join(tmp, 'first.db');
    const r = await call(backup, ['--out', out], live);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^Backup written to .*first\.db: [\d.]+ (KB|MB) in [\d.]+ s, integrity ok\./);
    expect(r.out).toContain(`User ${rowsOf(live.file, 'User')}`);
    expect(r.err).toMatch(/backup: 100 % \((\d+) of \1 pages\)/);
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(tmp).filter((f) => f.includes('first.db'))).toEqual(['first.db']); // no -wal, no partial file
    expect(rowsOf(out, 'Device')).toBe(rowsOf(live.file, 'Device'));

    fs.writeFileSync(out, 'precious');
    const again = await call(backup, ['--out', out], live);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already exists: pass --force/);
    expect(fs.readFileSync(out, 'utf8')).toBe('precious');
    const forced = await call(backup, ['--out', out, '--force'], live);
    expect(forced.code, forced.err).toBe(0);
    expect(rowsOf(out, 'Device')).toBe(rowsOf(live.file, 'Device'));
  });

  it('refuses without a database, and fails cleanly when PostgreSQL cannot be reached', async () => {
    const empty = dataDir(false);
    const none = await call(backup, ['--out', path.join(tmp, 'none.db')], empty);
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/no database at .*atensi\.db/);
    expect(fs.existsSync(path.join(tmp, 'none.db'))).toBe(false);
    const pg = parseDatabaseLocation({ DATABASE_URL: 'postgresql://atensi@127.0.0.1:1/atensi' });
    expect(pg).toEqual({ engine: 'postgresql', url: 'postgresql://atensi@127.0.0.1:1/atensi' });
    const r = await call(backup, ['--out', path.join(tmp, 'pg.db')], pg);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/backup failed, nothing written: .*ECONNREFUSED/);
    expect(fs.existsSync(path.join(tmp, 'pg.db'))).toBe(false);
    expect(() => parseDatabaseLocation({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(parseDatabaseLocation({ DATABASE_URL: 'file:', DATA_DIR: '/srv/atensi' }, '/')).toEqual({ engine: 'sqlite', dataDir: '/srv/atensi', file: '/srv/atensi/atensi.db' });
    expect(parseDatabaseLocation({ DATABASE_URL: 'file:./x.db', DATA_DIR: '/srv/atensi' }, '/srv')).toEqual({ engine: 'sqlite', dataDir: '/srv/atensi', file: '/srv/x.db' });
  });
});

describe('npm run restore', () => {
  const source = dataDir();
  const good = path.join(tmp, 'good.db');
  let made: ReturnType<typeof call>;
  const photos = path.join(source.dataDir, 'photos');
  beforeAll(async () => {
    fs.mkdirSync(photos);
    fs.writeFileSync(path.join(photos, 'photo0001.jpg'), 'first photo');
    fs.writeFileSync(path.join(photos, 'photo0002.jpg'), 'second photo');
    fs.writeFileSync(path.join(photos, 'photo0003.jpg.123.tmp'), 'half written');
    made = call(backup, ['--out', good], source);
    await made;
  });

  /** A copy of the good backup changed by `change` (raw SQL on the copy). */
  async function variant(name: string, change: (db: Database.Database) => void) {
    await made;
    const file = path.join(tmp, name);
    fs.copyFileSync(good, file);
    const db = new Database(file);
    change(db);
    db.close();
    return file;
  }

  it.each([
    [[], /name the backup file to restore/],
    [['a.db', 'b.db'], /one backup file at a time/],
    [[path.join(tmp, 'missing.db')], /missing\.db does not exist/],
    [[tmp], /is not a file/],
    [['--bogus', 'x.db'], /Unknown option '--bogus'/],
  ])('%j exits 2 with the reason and the usage', async (argv, reason) => {
    const target = dataDir(false);
    const r = await call(restore, argv, target);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(reason);
    expect(r.err).toMatch(/usage: npm run restore -- FILE/);
    expect(fs.readdirSync(target.dataDir)).toEqual([]);
  });

  it('restores into an empty data directory, report photos included', async () => {
    const made_ = await made;
    expect(made_.code, made_.err).toBe(0);
    expect(made_.out).toMatch(/, and 2 report photo\(s\)\./);
    const target = dataDir(false);
    const r = await call(restore, [good], target);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Its schema matches this version/);
    expect(r.out).toMatch(/2 report photo\(s\) written to .*photos/);
    expect(rowsOf(target.file, 'Beneficiary')).toBe(rowsOf(source.file, 'Beneficiary'));
    expect(fs.readdirSync(target.dataDir).sort()).toEqual(['atensi.db', 'photos']);
    expect(fs.readdirSync(path.join(target.dataDir, 'photos')).sort()).toEqual(['photo0001.jpg', 'photo0002.jpg']);
    expect(fs.readFileSync(path.join(target.dataDir, 'photos', 'photo0002.jpg'), 'utf8')).toBe('second photo');
    // The photos' table was the backup's own: the restored database has the live schema.
    const db = new Database(target.file, { readonly: true });
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'atensi_backup%'").all()).toEqual([]);
    db.close();
  });

  it('refuses a file that is not an Atensi backup, and one from a newer version', async () => {
    const text = path.join(tmp, 'notes.txt');
    fs.writeFileSync(text, 'not a database at all, just some words that fill more than a header');
    const other = path.join(tmp, 'other.db');
    new Database(other).exec('CREATE TABLE t (x)').close();
    const newer = await variant('newer.db', (db) =>
      db.prepare("INSERT INTO _prisma_migrations (id, checksum, migration_name, finished_at, applied_steps_count) VALUES ('x', 'x', '29991231000000_future', 1, 1)").run(),
    );
    for (const [file, reason] of [
      [text, /not a readable SQLite database/],
      [other, /not an Atensi backup \(no _prisma_migrations table/],
      [newer, /newer version of Atensi Mobility \(migrations unknown here: 29991231000000_future\)/],
    ] as const) {
      const target = dataDir(false);
      const r = await call(restore, [file], target);
      expect(r.code, file).toBe(1);
      expect(r.err).toMatch(reason);
      expect(fs.readdirSync(target.dataDir), file).toEqual([]);
    }
  });

  it('takes a backup from an older version and says the server migrates it', async () => {
    const last = committedMigrations().at(-1)!;
    const older = await variant('older.db', (db) => db.prepare('DELETE FROM _prisma_migrations WHERE migration_name = ?').run(last));
    const r = await call(restore, [older], dataDir(false));
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`applies 1 migration(s) at its next start (${last})`);
  });

  it('replaces an existing database only with --force, keeping the old one, and never one in use', async () => {
    await made;
    const target = dataDir();
    fs.writeFileSync(path.join(target.dataDir, 'marker'), '');
    fs.mkdirSync(path.join(target.dataDir, 'photos'));
    fs.writeFileSync(path.join(target.dataDir, 'photos', 'replaced1.jpg'), 'old');
    new Database(target.file).exec('DELETE FROM "AuditLog"; CREATE TABLE before_restore (x)').close();
    const refused = await call(restore, [good], target);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/a database already exists at .*: pass --force/);

    const holder = new Database(target.file);
    holder.prepare('SELECT count(*) FROM "User"').get();
    const busy = await call(restore, [good, '--force'], target);
    holder.close();
    expect(busy.code).toBe(1);
    expect(busy.err).toMatch(/open in another process \(the server or a bridge\): stop them first/);

    const r = await call(restore, [good, '--force'], target);
    expect(r.code, r.err).toBe(0);
    const kept = path.join(target.dataDir, 'atensi.db.replaced-2026-12-03T21-00-00-000Z');
    expect(r.out).toContain(`kept at ${kept}`);
    expect(fs.readdirSync(target.dataDir).sort()).toEqual(['atensi.db', 'atensi.db.replaced-2026-12-03T21-00-00-000Z', 'marker', 'photos', 'photos.replaced-2026-12-03T21-00-00-000Z']);
    expect(fs.readdirSync(path.join(target.dataDir, 'photos.replaced-2026-12-03T21-00-00-000Z'))).toEqual(['replaced1.jpg']);
    const restored = new Database(target.file, { readonly: true });
    expect(restored.prepare("SELECT name FROM sqlite_master WHERE name = 'before_restore'").get()).toBeUndefined();
    restored.close();
    expect(rowsOf(kept, 'before_restore')).toBe(0);
    expect(rowsOf(target.file, 'AuditLog')).toBe(rowsOf(good, 'AuditLog'));
  });
});
