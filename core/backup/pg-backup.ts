// PostgreSQL backup and restore through PostgreSQL's own tools: `pg_dump --format=custom` (one
// consistent snapshot while the system runs) and `pg_restore` in one transaction, with progress
// lines, the same checks as the SQLite commands (ours? newer schema? in use? replace only on force).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { committedMigrations, postgresMigrationsDir } from '../db/migrate.ts';
import { syncDir } from './sqlite-backup.ts';
import { NotOurDatabase, schemaStanding, type SchemaStanding } from './sqlite-inspect.ts';
import { RestoreRefused } from './sqlite-restore.ts';

const MIGRATIONS_TABLE = '_prisma_migrations';

/** The tool on PATH, else the newest Debian server package's (/usr/lib/postgresql/<major>/bin). */
export function pgTool(name: 'pg_dump' | 'pg_restore'): string {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    if (fs.existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  const root = '/usr/lib/postgresql';
  const majors = fs.existsSync(root) ? fs.readdirSync(root).filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const major of majors) if (fs.existsSync(path.join(root, major, 'bin', name))) return path.join(root, major, 'bin', name);
  throw new RestoreRefused(`${name} is not installed: install PostgreSQL's client tools (Debian: apt-get install postgresql-client)`);
}

/** Runs a PostgreSQL tool; stderr lines go to `onLine`; resolves with stdout, rejects with the last lines of stderr. */
function runTool(name: 'pg_dump' | 'pg_restore', args: string[], onLine: (l: string) => void = () => {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(pgTool(name), args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const tail: string[] = [];
    let partial = '';
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => {
      const lines = (partial + b.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      for (const l of lines) {
        onLine(l);
        tail.push(l);
        if (tail.length > 8) tail.shift();
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new Error(`${name} exited with ${code}: ${[...tail, partial].filter(Boolean).join(' | ')}`));
    });
  });
}

/** The migrations a custom-format archive's `_prisma_migrations` data records as applied; null when it has none. */
async function archiveMigrations(file: string): Promise<string[] | null> {
  let listing: string;
  try {
    listing = await runTool('pg_restore', ['--list', file]);
  } catch {
    throw new NotOurDatabase(`${file} is not a PostgreSQL backup (pg_restore cannot read it)`);
  }
  if (!new RegExp(`TABLE DATA \\S+ ${MIGRATIONS_TABLE} `).test(listing)) return null;
  const sql = await runTool('pg_restore', ['--data-only', `--table=${MIGRATIONS_TABLE}`, '--file=-', file]);
  const lines = sql.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`COPY public.${MIGRATIONS_TABLE} (`));
  if (start < 0) return null;
  const columns = /\((.*)\)/.exec(lines[start]!)![1]!.split(', ');
  const [name, finished, rolledBack] = ['migration_name', 'finished_at', 'rolled_back_at'].map((c) => columns.indexOf(c));
  const applied: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line === '\\.') break;
    const cells = line.split('\t');
    if (cells[finished!] !== '\\N' && cells[rolledBack!] === '\\N') applied.push(cells[name!]!);
  }
  return applied.sort();
}

async function inspectArchive(file: string): Promise<SchemaStanding> {
  const applied = await archiveMigrations(file);
  const committed = committedMigrations(postgresMigrationsDir);
  if (!applied || !applied.includes(committed[0]!)) throw new NotOurDatabase(`${file} is a PostgreSQL backup, but not of an Atensi database (no record of its migrations)`);
  return schemaStanding(applied, committed);
}

async function withClient<T>(url: string, f: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await f(client);
  } finally {
    await client.end();
  }
}

const tableCount = (c: pg.Client) => c.query<{ n: string }>("SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'").then((r) => Number(r.rows[0]!.n));

export interface PgBackupResult {
  out: string;
  bytes: number;
  ms: number;
  snapshotAt: Date;
  tables: number;
  standing: SchemaStanding;
}

export async function backupPostgres(o: { url: string; out: string; line: (text: string) => void }): Promise<PgBackupResult> {
  const started = performance.now();
  const tables = await withClient(o.url, tableCount);
  const snapshotAt = new Date();
  const tmp = path.join(path.dirname(o.out), `.${path.basename(o.out)}.partial-${process.pid}`);
  fs.closeSync(fs.openSync(tmp, 'w', 0o600));
  try {
    let done = 0;
    await runTool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', '--verbose', `--file=${tmp}`, `--dbname=${o.url}`], (l) => {
      const table = /dumping contents of table "(?:public\.)?([^"]+)"/.exec(l);
      if (table) o.line(`backup: table ${++done} of ${tables}: ${table[1]}`);
    });
    const standing = await inspectArchive(tmp);
    fs.renameSync(tmp, o.out);
    syncDir(path.dirname(o.out));
    return { out: o.out, bytes: fs.statSync(o.out).size, ms: performance.now() - started, snapshotAt, tables, standing };
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

export interface PgRestoreResult {
  tables: number;
  standing: SchemaStanding;
  replaced: boolean;
}

export async function restorePostgres(o: { url: string; file: string; force: boolean; line: (text: string) => void }): Promise<PgRestoreResult> {
  const standing = await inspectArchive(o.file);
  if (standing.kind === 'newer') {
    throw new RestoreRefused(
      `${o.file} comes from a newer version of Atensi Mobility (migrations unknown here: ${standing.unknown.join(', ')}). ` +
        'Restore it with that version or a later one; this one cannot run on its schema.',
    );
  }
  const replaced = await withClient(o.url, async (c) => {
    const others = await c.query<{ n: string }>('SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
    if (Number(others.rows[0]!.n) > 0) {
      throw new RestoreRefused(`the database is in use (${others.rows[0]!.n} other connection(s)): stop the API processes and bridges first`);
    }
    const existing = await tableCount(c);
    if (existing > 0 && !o.force) throw new RestoreRefused(`the database already holds ${existing} table(s): pass --force to replace everything in it`);
    if (existing > 0) {
      o.line('restore: emptying the database (--force)');
      await c.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    }
    return existing > 0;
  });
  let tables = 0;
  await runTool('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', '--verbose', `--dbname=${o.url}`, o.file], (l) => {
    const table = /processing data for table "(?:public\.)?([^"]+)"/.exec(l);
    if (table) o.line(`restore: table ${++tables}: ${table[1]}`);
  });
  return { tables, standing, replaced };
}
