// Every source file stays small and says what it is for: under 300 lines, a first-line purpose comment.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../..');
const folders = ['core', 'server', 'firmware-bridge', 'schemas', 'web/src', 'tests', 'scripts'];
const files = execFileSync('git', ['ls-files', '--', ...folders, '*.config.ts', '.dependency-cruiser.cjs'], { cwd: repo, encoding: 'utf8' })
  .split('\n')
  .filter((f) => /\.(ts|mjs|cjs)$/.test(f) && fs.existsSync(path.join(repo, f)));

const lines = (f: string) => fs.readFileSync(path.join(repo, f), 'utf8').split('\n');

describe('file shape', () => {
  it('reads the tracked source files', () => {
    expect(files).toContain('server/src/main.ts');
    expect(files.length).toBeGreaterThan(400);
  });

  it('keeps every file under 300 lines', () => {
    const long = files.filter((f) => lines(f).filter((l, i, all) => i < all.length - 1 || l !== '').length >= 300);
    expect(long).toEqual([]);
  });

  it('opens every module with a comment saying what it is for', () => {
    // A purpose line is a `//` comment of a few words, not a directive such as `/// <reference>`.
    const purpose = /^\/\/ (?!\/)\S+( \S+){3,}/;
    const without = files.filter((f) => !purpose.test(lines(f)[0] ?? ''));
    expect(without).toEqual([]);
  });
});
