// docs/architecture.md "PostgreSQL status" names every source file that runs SQLite-only SQL or
// needs the SQLite connection outside core/telemetry/, so the PostgreSQL work knows what remains.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../..');
/** Signs of the SQLite connection: the driver, its pragmas and catalogue, statements on `raw`. */
const sqliteOnly = /better-sqlite3|openRaw|Database\.Database|\.pragma\(|sqlite_master|\b(db|database|raw)\.(raw|prepare|exec|transaction)\b/;

const sources = execFileSync('git', ['ls-files', '--', 'core', 'server', 'firmware-bridge', 'scripts', '*.config.ts'], { cwd: repo, encoding: 'utf8' })
  .split('\n')
  .filter((f) => f.endsWith('.ts') && !f.startsWith('core/telemetry/') && fs.existsSync(path.join(repo, f)));

const doc = fs.readFileSync(path.join(repo, 'docs/architecture.md'), 'utf8');
const section = doc.slice(doc.indexOf('## PostgreSQL status'), doc.indexOf('\n## ', doc.indexOf('## PostgreSQL status') + 1));
const listed = new Set([...section.matchAll(/`([\w./-]+\.ts)`/g)].map((m) => m[1]!));

describe('PostgreSQL status', () => {
  it('finds the SQLite-only places it checks (the pattern works)', () => {
    const found = sources.filter((f) => sqliteOnly.test(fs.readFileSync(path.join(repo, f), 'utf8')));
    expect(found).toContain('server/src/sessions/sessions.service.ts');
    expect(found).not.toContain('server/src/users/users.service.ts');
  });

  it('lists every source file that needs SQLite outside the telemetry store', () => {
    const missing = sources.filter((f) => sqliteOnly.test(fs.readFileSync(path.join(repo, f), 'utf8')) && !listed.has(f));
    expect(missing).toEqual([]);
  });

  it('lists only files that exist', () => {
    expect([...listed].filter((f) => !fs.existsSync(path.join(repo, f)))).toEqual([]);
  });
});
