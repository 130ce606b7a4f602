// The CSV reader every import uses: BOM, comma or semicolon, either language's headers, quoted
// cells, per-row cell-count problems, and the files it refuses whole.
import { describe, expect, it } from 'vitest';
import { deviceImportColumns, parseImportDate } from '../../../schemas/imports.ts';
import { detectDelimiter, readCsv } from '../../../server/src/imports/csv.ts';
import { ApiError } from '../../../server/src/lib/errors.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
const read = (s: string) => readCsv(bytes(s), deviceImportColumns);
const refusal = (s: string | Uint8Array) => {
  try {
    readCsv(typeof s === 'string' ? bytes(s) : s, deviceImportColumns);
  } catch (e) {
    if (e instanceof ApiError) return { status: e.status, message: e.message, codes: (e.issues ?? []).map((i) => i.code) };
    throw e;
  }
  throw new Error('the file was accepted');
};
const id = 'Nomor Seri;Model;Lebar Dudukan (mm);Kedalaman Dudukan (mm);Tanggal Diterima';

describe('readCsv', () => {
  it('reads a semicolon file with a BOM and Indonesian headers, skipping blank rows', () => {
    const r = read(`\uFEFF${id}\r\nA 1;Moti-Care;280;280;01/02/2026\r\n\r\n;;;;\r\nB2;"Rough; Terrain";340;360;2026-02-01\r\n`);
    expect(r.delimiter).toBe(';');
    expect(r.lines).toEqual([2, 5]);
    expect(r.rows[0]).toMatchObject({ serial: 'A 1', model: 'Moti-Care', seatWidthMm: '280', receivedAt: '01/02/2026', supplier: '' });
    expect(r.rows[1]!.model).toBe('Rough; Terrain');
    expect(r.headers.serial).toBe('Nomor Seri');
  });

  it('reads a comma file with English headers in any case and order, formulas kept as text', () => {
    const r = read('received date,SERIAL NUMBER,model,seat_width_mm,Seat Depth (mm),Supplier\n2026-01-05,X9,=HYPERLINK("x"),300,300,"-1, @me"\n');
    expect(r.delimiter).toBe(',');
    expect(r.rows).toEqual([expect.objectContaining({ serial: 'X9', model: '=HYPERLINK("x")', receivedAt: '2026-01-05', supplier: '-1, @me' })]);
  });

  it('gives a row with more or fewer cells than the header as a problem of its line, the first line of a multi-line row', () => {
    const r = read(`${id}\nA;M;1;2;3;4\nB;M;1\n"C\nC";M;1;2;3\n`);
    expect(r.problems.map((p) => [p.line, p.code])).toEqual([[2, 'cell_count'], [3, 'cell_count']]);
    expect(r.lines).toEqual([4]);
  });

  it('refuses files that are not CSV, empty, header-only, or with a wrong header', () => {
    expect(refusal(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))).toMatchObject({ status: 415 });
    expect(refusal(new Uint8Array([0x41, 0x00, 0x42]))).toMatchObject({ status: 415 });
    expect(refusal(new Uint8Array([0xc3, 0x28, 0x2c]))).toMatchObject({ status: 415 });
    expect(refusal('<!DOCTYPE html><html><body>x</body></html>')).toMatchObject({ status: 415 });
    expect(refusal('  \n')).toMatchObject({ status: 400 });
    expect(refusal(`${id}\r\n`)).toMatchObject({ status: 400, message: expect.stringContaining('no data rows') });
    expect(refusal('Serial Number;Colour;Serial\nA;b;c\n')).toMatchObject({
      status: 400, codes: ['unknown_column', 'duplicate_column', 'missing_column', 'missing_column', 'missing_column', 'missing_column'],
    });
    expect(refusal(`${id}\nA;"M;1;2;3\n`)).toMatchObject({ status: 400, message: expect.stringContaining('line') });
  });

  it('detects the delimiter from the header only, ignoring quoted separators', () => {
    expect(detectDelimiter('"a;b;c",d\n1;2;3;4;5')).toBe(',');
    expect(detectDelimiter('a;b,c;d\n')).toBe(';');
  });
});

describe('parseImportDate', () => {
  it('reads dd/mm/yyyy (with / - or .) and ISO dates, refusing impossible ones', () => {
    expect(parseImportDate('05/01/2026')).toBe('2026-01-05');
    expect(parseImportDate('5-1-2026')).toBe('2026-01-05');
    expect(parseImportDate('05.01.2026')).toBe('2026-01-05');
    expect(parseImportDate('2026-01-05')).toBe('2026-01-05');
    for (const bad of ['31/02/2026', '2026-13-01', '01/2026', 'kemarin', '46023']) expect(parseImportDate(bad)).toBeNull();
  });
});
