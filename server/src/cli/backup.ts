// `npm run backup -- --out FILE [--force]`: an online backup of the database while the server and
// bridges keep running (SQLite's backup API on one consistent snapshot, or pg_dump), checked, then given its
// name. Progress goes to stderr, the summary to stdout. Exit 0 done, 1 refused or failed, 2 usage.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { backupSqlite } from '../../../core/backup/sqlite-backup.ts';
import { formatBytes, formatRows } from '../../../core/backup/sqlite-inspect.ts';
import { photoDir } from '../reports/photos.ts';
import { backupPostgres } from '../../../core/backup/pg-backup.ts';
import { type DatabaseLocation, loadDatabaseLocation } from './backup-config.ts';
import { type CliIo, EXIT, runAsScript, stdIo } from './cli-io.ts';

const usage = 'usage: npm run backup -- --out FILE [--force]   (--force replaces an existing FILE)';

export interface BackupArgs {
  out: string;
  force: boolean;
}

/** The command line checked on its own (no database touched): the arguments, or the usage error. */
export function parseBackupArgs(argv: string[], cwd = process.cwd()): BackupArgs | { error: string } {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { out: { type: 'string' }, force: { type: 'boolean' } }, strict: true, allowPositionals: false }));
  } catch (err) {
    return { error: (err as Error).message };
  }
  if (values.out === undefined) return { error: '--out FILE is required: where to write the backup' };
  if (values.out.trim() === '') return { error: '--out must name a file' };
  const out = path.resolve(cwd, values.out);
  const dir = path.dirname(out);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return { error: `--out: the folder ${dir} does not exist` };
  if (fs.existsSync(out) && !fs.statSync(out).isFile()) return { error: `--out: ${out} is not a file` };
  return { out, force: values.force ?? false };
}

export async function run(argv: string[], io: CliIo = stdIo, location: () => DatabaseLocation = loadDatabaseLocation): Promise<number> {
  const args = parseBackupArgs(argv);
  if ('error' in args) {
    io.err(`${args.error}\n${usage}\n`);
    return EXIT.usage;
  }
  const db = location();
  const out = args.out;
  if (db.engine === 'sqlite' && (out === db.file || out.startsWith(`${db.file}-`))) {
    io.err(`--out must not be the live database or its journal (${db.file})\n${usage}\n`);
    return EXIT.usage;
  }
  if (fs.existsSync(out) && !args.force) {
    io.err(`${out} already exists: pass --force to replace it\n`);
    return EXIT.refused;
  }
  if (db.engine === 'postgresql') {
    let result;
    try {
      result = await backupPostgres({ url: db.url, out, line: (text) => io.err(`${text}\n`) });
    } catch (err) {
      io.err(`backup failed, nothing written: ${(err as Error).message}\n`);
      return EXIT.refused;
    }
    io.out(
      `Backup written to ${result.out}: ${formatBytes(result.bytes)} in ${(result.ms / 1000).toFixed(1)} s (pg_dump custom format, ${result.tables} tables).\n` +
        `It holds everything committed before ${result.snapshotAt.toISOString()}. Report photos are files in DATA_DIR/photos: back that folder up with it.\n`,
    );
    return EXIT.ok;
  }
  if (!fs.existsSync(db.file)) {
    io.err(`no database at ${db.file}: set DATA_DIR to the server's data folder\n`);
    return EXIT.refused;
  }
  const result = await backupSqlite({ source: db.file, out, photosDir: photoDir(db.dataDir), line: (text) => io.err(`${text}\n`) });
  io.out(
    `Backup written to ${result.out}: ${formatBytes(result.bytes)} in ${(result.ms / 1000).toFixed(1)} s, integrity ok.\n` +
      `It holds everything committed before ${result.snapshotAt.toISOString()}: ${formatRows(result.rows)}, and ${result.photos} report photo(s).\n`,
  );
  return EXIT.ok;
}

runAsScript(/cli\/backup\.ts$/, 'backup', run);
