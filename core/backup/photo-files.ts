// The report photos are files in DATA_DIR/photos, not rows: a backup carries them inside its one
// file (a table of its own), and a restore writes them back and drops that table again.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';

const TABLE = 'atensi_backup_photo';
/** Only the files the server writes (`<id>.jpg`); temporary files of a write in progress are left out. */
const PHOTO_FILE = /^[a-z0-9]{8,40}\.jpg$/;

/** Copies every photo file of `dir` into the backup; returns how many. */
export function packPhotos(db: Database.Database, dir: string): number {
  db.exec(`CREATE TABLE ${TABLE} (name TEXT PRIMARY KEY, data BLOB NOT NULL)`);
  if (!fs.existsSync(dir)) return 0;
  const insert = db.prepare(`INSERT INTO ${TABLE} (name, data) VALUES (?, ?)`);
  let count = 0;
  db.transaction(() => {
    for (const name of fs.readdirSync(dir)) {
      if (!PHOTO_FILE.test(name)) continue;
      try {
        insert.run(name, fs.readFileSync(path.join(dir, name)));
        count++;
      } catch (err) {
        // A photo erased between the snapshot and this copy belongs to no row of the backup either.
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
    }
  })();
  return count;
}

/**
 * Writes the backup's photos into the new folder `fresh` and drops their table, so the restored
 * database has the live schema only. Returns how many, or null for a file without the table.
 */
export function unpackPhotos(db: Database.Database, fresh: string): number | null {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(TABLE);
  if (!table) return null;
  fs.rmSync(fresh, { recursive: true, force: true });
  fs.mkdirSync(fresh, { mode: 0o700 });
  let count = 0;
  for (const row of db.prepare(`SELECT name, data FROM ${TABLE}`).iterate() as Iterable<{ name: string; data: Buffer }>) {
    if (!PHOTO_FILE.test(row.name)) continue;
    fs.writeFileSync(path.join(fresh, row.name), row.data, { mode: 0o600 });
    count++;
  }
  db.exec(`DROP TABLE ${TABLE}`);
  return count;
}

/** Puts the restored folder in place, moving one already there to `replaced`. */
export function swapInPhotos(fresh: string, dir: string, replaced: string) {
  if (fs.existsSync(dir)) fs.renameSync(dir, replaced);
  fs.renameSync(fresh, dir);
}

/** The table's name, left out of row counts of the live database's tables. */
export const PHOTO_TABLE = TABLE;
