// `npm run restore -- FILE [--force]`: puts a backup made by `npm run backup` in place as the
// database of DATA_DIR, with the server and bridges stopped. Checks the file is an intact Atensi
// backup no newer than this code; an older one is migrated at the server's next start.
// Exit 0 done, 1 refused or failed, 2 usage.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { NotOurDatabase, formatBytes, formatRows } from '../../../core/backup/sqlite-inspect.ts';
import { RestoreRefused, restoreSqlite } from '../../../core/backup/sqlite-restore.ts';
import { photoDir } from '../reports/photos.ts';
import { restorePostgres } from '../../../core/backup/pg-backup.ts';
import { type DatabaseLocation, loadDatabaseLocation } from './backup-config.ts';
import { type CliIo, EXIT, runAsScript, stdIo } from './cli-io.ts';

const usage = 'usage: npm run restore -- FILE [--force]   (--force replaces the database in DATA_DIR, keeping it beside the new one)';

export interface RestoreArgs {
  file: string;
  force: boolean;
}

/** The command line checked on its own (no database touched): the arguments, or the usage error. */
export function parseRestoreArgs(argv: string[], cwd = process.cwd()): RestoreArgs | { error: string } {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { force: { type: 'boolean' } }, strict: true, allowPositionals: true });
  } catch (err) {
    return { error: (err as Error).message };
  }
  const files = parsed.positionals;
  if (files.length === 0) return { error: 'name the backup file to restore' };
  if (files.length > 1) return { error: `one backup file at a time (given ${files.length}: ${files.join(', ')})` };
  const file = path.resolve(cwd, files[0]!);
  if (!fs.existsSync(file)) return { error: `${file} does not exist` };
  if (!fs.statSync(file).isFile()) return { error: `${file} is not a file` };
  return { file, force: parsed.values.force ?? false };
}

export async function run(argv: string[], io: CliIo = stdIo, location: () => DatabaseLocation = loadDatabaseLocation): Promise<number> {
  const args = parseRestoreArgs(argv);
  if ('error' in args) {
    io.err(`${args.error}\n${usage}\n`);
    return EXIT.usage;
  }
  const db = location();
  if (db.engine === 'postgresql') return restoreIntoPostgres(db.url, args, io);
  if (args.file === db.file) {
    io.err(`the backup file is the database itself (${db.file})\n${usage}\n`);
    return EXIT.usage;
  }
  try {
    const result = await restoreSqlite({ from: args.file, target: db.file, photosDir: photoDir(db.dataDir), force: args.force, line: (text) => io.err(`${text}\n`), now: io.now });
    const schema =
      result.standing.kind === 'older'
        ? `It comes from an older version: the server applies ${result.standing.pending.length} migration(s) at its next start (${result.standing.pending.join(', ')}).`
        : 'Its schema matches this version.';
    io.out(
      `Restored ${args.file} into ${db.file}: ${formatBytes(result.bytes)}, ${formatRows(result.rows)}.\n` +
        `${result.photos === null ? 'The file carries no report photos: the photos folder is left as it is.' : `${result.photos} report photo(s) written to ${photoDir(db.dataDir)}.`}\n${schema}\n` +
        (result.replacedKeptAt ? `The database it replaced is kept at ${result.replacedKeptAt}.\n` : '') +
        'Start the server (and bridges): chairs resend what they hold beyond the restored acknowledgements.\n',
    );
    return EXIT.ok;
  } catch (err) {
    if (err instanceof RestoreRefused || err instanceof NotOurDatabase) {
      io.err(`restore refused: ${err.message}\n`);
      return EXIT.refused;
    }
    throw err;
  }
}

async function restoreIntoPostgres(url: string, args: { file: string; force: boolean }, io: CliIo): Promise<number> {
  try {
    const result = await restorePostgres({ url, file: args.file, force: args.force, line: (text) => io.err(`${text}\n`) });
    const schema =
      result.standing.kind === 'older'
        ? `It comes from an older version: the server applies ${result.standing.pending.length} migration(s) at its next start (${result.standing.pending.join(', ')}).`
        : 'Its schema matches this version.';
    io.out(
      `Restored ${args.file}: ${result.tables} tables with data${result.replaced ? ', replacing what the database held' : ''}.\n${schema}\n` +
        'Put the report photos (DATA_DIR/photos) back from the same backup, then start the API and bridges: chairs resend what they hold beyond the restored acknowledgements.\n',
    );
    return EXIT.ok;
  } catch (err) {
    if (err instanceof RestoreRefused || err instanceof NotOurDatabase) {
      io.err(`restore refused: ${err.message}\n`);
      return EXIT.refused;
    }
    throw err;
  }
}

runAsScript(/cli\/restore\.ts$/, 'restore', run);
