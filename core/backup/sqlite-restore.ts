// Restores an SQLite backup into the data directory: checks it is an intact Atensi backup from this
// version or an older one, copies it beside the target, and swaps it in with one rename, keeping any
// database it replaces. Refuses while a process (server, bridge) has the target open.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { copyProgress } from './copy-progress.ts';
import { swapInPhotos, unpackPhotos } from './photo-files.ts';
import { syncDir } from './sqlite-backup.ts';
import { type InspectedFile, inspectFile, inspectOpen } from './sqlite-inspect.ts';

export interface SqliteRestoreOptions {
  /** The backup file. */
  from: string;
  /** The database file to create or replace (DATA_DIR/atensi.db). */
  target: string;
  /** The report photos' folder (DATA_DIR/photos), replaced by the backup's photos. */
  photosDir: string;
  /** Replace an existing database (it is kept beside it, renamed). */
  force: boolean;
  line: (text: string) => void;
  now?: () => Date;
}

/** A restore that must not go ahead; the message says why and what to do. */
export class RestoreRefused extends Error {}

export interface SqliteRestoreResult extends InspectedFile {
  /** Where the database it replaced now is, if there was one. */
  replacedKeptAt: string | null;
  /** Photos written back, or null when the file carried none (not made by `npm run backup`). */
  photos: number | null;
}

/**
 * Whether another process has the database open. Every connection in WAL mode holds a shared lock
 * while it is open, even idle, so an exclusive lock can only be had when no one else has it open.
 */
export function databaseInUse(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  const probe = new Database(file, { timeout: 200 });
  try {
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE');
    probe.exec('COMMIT');
    // The old WAL is folded into the file now, so the -wal beside it holds nothing of value.
    probe.pragma('wal_checkpoint(TRUNCATE)');
    return false;
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_BUSY') return true;
    throw err;
  } finally {
    probe.close();
  }
}

function inUseMessage(target: string) {
  return `the database ${target} is open in another process (the server or a bridge): stop them first, then restore`;
}

export async function restoreSqlite(o: SqliteRestoreOptions): Promise<SqliteRestoreResult> {
  const backup = inspectFile(o.from);
  if (backup.standing.kind === 'newer') {
    throw new RestoreRefused(
      `${o.from} comes from a newer version of Atensi Mobility (migrations unknown here: ${backup.standing.unknown.join(', ')}). ` +
        'Restore it with that version or a later one; this one cannot run on its schema.',
    );
  }
  const exists = fs.existsSync(o.target);
  if (exists && databaseInUse(o.target)) throw new RestoreRefused(inUseMessage(o.target));
  if (exists && !o.force) {
    throw new RestoreRefused(`a database already exists at ${o.target}: pass --force to replace it (the one replaced is kept beside it)`);
  }

  fs.mkdirSync(path.dirname(o.target), { recursive: true, mode: 0o700 });
  const tmp = path.join(path.dirname(o.target), `.${path.basename(o.target)}.restoring-${process.pid}`);
  const freshPhotos = `${o.photosDir}.restoring-${process.pid}`;
  const stamp = (o.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
  fs.closeSync(fs.openSync(tmp, 'w', 0o600));
  try {
    const source = new Database(o.from, { readonly: true, fileMustExist: true });
    try {
      const progress = copyProgress('restore', o.line);
      const copied = await source.backup(tmp, { progress });
      progress({ ...copied, remainingPages: 0 });
    } finally {
      source.close();
    }
    const copy = new Database(tmp);
    let inspected: InspectedFile;
    let photos: number | null;
    try {
      photos = unpackPhotos(copy, freshPhotos);
      inspected = inspectOpen(copy, tmp, 'quick');
    } finally {
      copy.close();
    }

    let replacedKeptAt: string | null = null;
    if (fs.existsSync(o.target)) {
      // Checked again just before the swap: a server started meanwhile must not lose its file.
      if (databaseInUse(o.target)) throw new RestoreRefused(inUseMessage(o.target));
      replacedKeptAt = `${o.target}.replaced-${stamp}`;
      fs.linkSync(o.target, replacedKeptAt);
    }
    // The old database's -wal and -shm would be read as the new file's: they go before the swap
    // (the in-use probe has folded the WAL into the old file, which is kept).
    for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${o.target}${suffix}`, { force: true });
    fs.renameSync(tmp, o.target);
    if (photos !== null) swapInPhotos(freshPhotos, o.photosDir, `${o.photosDir}.replaced-${stamp}`);
    syncDir(path.dirname(o.target));
    return { ...inspected, bytes: fs.statSync(o.target).size, replacedKeptAt, photos };
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    fs.rmSync(`${tmp}-journal`, { force: true });
    fs.rmSync(freshPhotos, { recursive: true, force: true });
    throw err;
  }
}
