// The one free-text schema (schemas/common.ts `text`): what it refuses, and how it normalises.
import { describe, expect, it } from 'vitest';
import { text } from '../../../schemas/common.ts';

const line = text(40);
const notes = text(40, { multiline: true });
const issue = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues[0]?.message;

describe('text()', () => {
  it('refuses a lone surrogate of either half, and keeps a surrogate pair (an emoji)', () => {
    for (const s of ['\ud800', 'a\udbffb', '\udc00', 'x\udfff']) expect(issue(line.safeParse(s))).toBe('contains a lone UTF-16 surrogate');
    expect(line.parse('Ayah 👨‍👧')).toBe('Ayah 👨‍👧');
  });

  it('refuses NUL, other C0 controls, DEL and C1 controls everywhere', () => {
    for (const c of ['\u0000', '\u0001', '\u0008', '\u000b', '\u001b', '\u007f', '\u0085', '\u009f']) {
      expect(line.safeParse(`a${c}b`).success, JSON.stringify(c)).toBe(false);
      expect(notes.safeParse(`a${c}b`).success, JSON.stringify(c)).toBe(false);
    }
  });

  it('allows tab and line breaks only in multi-line text, with CR LF and CR stored as LF', () => {
    for (const s of ['a\tb', 'a\nb', 'a\r\nb']) expect(line.safeParse(s).success, JSON.stringify(s)).toBe(false);
    expect(notes.parse('satu\r\ndua\rtiga\n\tempat')).toBe('satu\ndua\ntiga\n\tempat');
  });

  it('normalises to NFC and trims before counting length', () => {
    expect(line.parse('  Jose\u0301 A\u030angstro\u0308m ')).toBe('José Ångström');
    expect(line.parse('\u212b')).toBe('\u00c5');
    expect(text(4).safeParse('e\u0301e\u0301e\u0301e\u0301').success).toBe(true);
    expect(line.safeParse('   ').success).toBe(false);
    expect(text(10, { min: 0 }).parse('  ')).toBe('');
  });
});
