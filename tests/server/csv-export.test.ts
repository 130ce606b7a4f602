// CSV exports open whole in any spreadsheet: read back with a real CSV parser (csv-parse), a
// centre named `Balai; "Harapan"` is one field, and every field holding `;` `,` `"` `=` or a line
// break is quoted; UTF-8 with a byte-order mark.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../server/src/lib/csv.ts';
import fs from 'node:fs';
import path from 'node:path';
import { CENTRE_B, createHarness, type Harness } from '../helpers/harness.ts';
import { EMAIL, loadWorld } from '../helpers/world.ts';

const NAME = 'Balai; "Harapan"';

describe('toCsv', () => {
  it.each([
    ['a semicolon', 'Balai; Harapan', '"Balai; Harapan"'],
    ['a comma', 'Bekasi, Jawa Barat', '"Bekasi, Jawa Barat"'],
    ['a quote', 'Balai "Kartini"', '"Balai ""Kartini"""'],
    ['an equals sign', 'a=b', '"a=b"'],
    ['a line feed', 'baris\nkedua', '"baris\nkedua"'],
    ['a carriage return', 'baris\rkedua', '"baris\rkedua"'],
    ['a formula', '=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['a phone number', '+62 812', "'+62 812"],
    ['plain text', 'Temanggung', 'Temanggung'],
  ])('quotes %s', (_what, value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('reads back whole with a CSV parser, with a BOM and CRLF lines', () => {
    const text = toCsv([['name', 'city'], [NAME, 'baris\nkedua'], ['=1+1', '']], { bom: true });
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parse(text, { bom: true })).toEqual([['name', 'city'], [NAME, 'baris\nkedua'], ["'=1+1", '']]);
  });

  it('neutralises formulas with a semicolon delimiter too (the Indonesian import template)', () => {
    const text = toCsv([['-2+3', '@SUM(A1)', 'a;b', 'a,b']], { delimiter: ';' });
    expect(parse(text, { delimiter: ';' })).toEqual([["'-2+3", "'@SUM(A1)", 'a;b', 'a,b']]);
  });

  it('is the only CSV writer: no other server or core module uses csv-stringify', () => {
    const files = [...fs.readdirSync('server/src', { recursive: true, encoding: 'utf8' }).map((f) => path.join('server/src', f)),
      ...fs.readdirSync('core', { recursive: true, encoding: 'utf8' }).map((f) => path.join('core', f))].filter((f) => f.endsWith('.ts'));
    const writers = files.filter((f) => /from 'csv-stringify/.test(fs.readFileSync(f, 'utf8')));
    expect(writers).toEqual([path.join('server/src', 'lib', 'csv.ts')]);
  });
});

describe('GET /api/indicators/csv', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    const world = await loadWorld(h);
    await h.db.prisma.centre.update({ where: { id: world.centreA }, data: { name: NAME } });
  });
  afterAll(() => h.close());

  it('gives the centre named `Balai; "Harapan"` as one whole field', async () => {
    const res = await (await h.as(EMAIL.admin)).get('/api/indicators/csv');
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the UTF-8 byte-order mark
    const text = bytes.toString('utf8');
    expect(text).toContain('"Balai; ""Harapan"""');
    const rows: string[][] = parse(text, { bom: true });
    const width = rows[0]!.length;
    for (const r of rows) expect(r).toHaveLength(width);
    expect(rows.map((r) => r[0])).toContain(NAME);
  });

  it('exports a centre name that looks like a formula as text', async () => {
    const formula = "=cmd|'/c calc'!A1";
    await h.db.prisma.centre.update({ where: { code: CENTRE_B }, data: { name: formula } });
    const rows: string[][] = parse(await (await (await h.as(EMAIL.admin)).get('/api/indicators/csv')).text(), { bom: true });
    expect(rows.map((r) => r[0])).toContain(`'${formula}`);
    expect(rows.map((r) => r[0])).not.toContain(formula);
  });
});
