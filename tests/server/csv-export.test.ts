// CSV exports open whole in any spreadsheet: read back with a real CSV parser (csv-parse), a
// centre named `Balai; "Harapan"` is one field, and every field holding `;` `,` `"` `=` or a line
// break is quoted; UTF-8 with a byte-order mark.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../server/src/lib/csv.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
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
});
