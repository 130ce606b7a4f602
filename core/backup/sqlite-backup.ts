// Online backup of the SQLite database while the server and bridge keep writing: SQLite's backup API
// (better-sqlite3 `backup()`) inside one read transaction, so the copy is the database exactly as it
// was when that transaction began, and ingest goes on meanwhile (WAL: readers never block writers).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openRaw } from '../db/client.ts';
import { copyProgress } from './copy-progress.ts';
import { packPhotos } from './photo-files.ts';
import { type InspectedFile, inspectOpen } from './sqlite-inspect.ts';

export interface SqliteBackupOptions {
  /** The live database file (DATA_DIR/atensi.db). */
  source: string;
  /** Where the backup goes; written to a temporary file beside it, then renamed. */
  out: string;
  /** The report photos' folder (DATA_DIR/photos): its files go into the backup too. */
  photosDir: string;
  /** Progress and summary lines. */
  line: (text: string) => void;
}

export interface SqliteBackupResult extends InspectedFile {
  out: string;
  /** When the snapshot was taken: every transaction committed before this is in the backup. */
  snapshotAt: Date;
  ms: number;
  photos: number;
}

/** Makes a file's directory entry durable after a rename or unlink in it. */
export function syncDir(dir: string) {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export async function backupSqlite(o: SqliteBackupOptions): Promise<SqliteBackupResult> {
  const started = performance.now();
  const tmp = path.join(path.dirname(o.out), `.${path.basename(o.out)}.partial-${process.pid}`);
  // Personal data: the backup is readable by its owner only, from its first byte.
  fs.closeSync(fs.openSync(tmp, 'w', 0o600));
  const source = openRaw(o.source);
  try {
    // Without this read transaction every commit by the bridge (another connection) restarts the
    // copy, and under steady ingest it may never finish; with it the copy is one consistent snapshot.
    source.exec('BEGIN');
    source.prepare('SELECT count(*) FROM sqlite_master').get();
    const snapshotAt = new Date();
    o.line(`Snapshot taken at ${snapshotAt.toISOString()}: copying ${o.source}`);
    const progress = copyProgress('backup', o.line);
    const copied = await source.backup(tmp, { progress });
    progress({ ...copied, remainingPages: 0 });
    source.exec('COMMIT');
    source.close();

    // One self-contained file (no -wal beside it), checked before it takes the final name.
    const copy = new Database(tmp);
    let inspected: InspectedFile;
    let photos: number;
    try {
      copy.pragma('journal_mode = DELETE');
      photos = packPhotos(copy, o.photosDir);
      inspected = inspectOpen(copy, tmp);
    } finally {
      copy.close();
    }
    fs.chmodSync(tmp, 0o600);
    fs.renameSync(tmp, o.out);
    syncDir(path.dirname(o.out));
    return { ...inspected, bytes: fs.statSync(o.out).size, out: o.out, snapshotAt, photos, ms: Math.round(performance.now() - started) };
  } catch (err) {
    if (source.open) source.close();
    fs.rmSync(tmp, { force: true });
    fs.rmSync(`${tmp}-journal`, { force: true });
    throw err;
  }
}
