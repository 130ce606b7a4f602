// CSV that spreadsheets open whole in any locale, written by csv-stringify: every field holding a
// separator of either convention (`,` or `;`), a quote, `=` or a line break is quoted, and text a
// spreadsheet would run as a formula (= + - @, tab, CR) is prefixed with an apostrophe.
import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | null;

const options = {
  record_delimiter: 'windows', // CRLF, as RFC 4180 writes it
  // csv-stringify quotes `,` `"` and CRLF itself; a semicolon-locale spreadsheet also splits on `;`,
  // and a lone LF or CR, or `=`, must not be read bare either.
  quoted_match: /[;=\r\n]/,
  cast: { string: (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v) },
} as const;

/**
 * The rows as CSV text; with `bom`, prefixed with a byte-order mark so spreadsheets read UTF-8; with
 * `delimiter: ';'`, as spreadsheets in Indonesian (decimal-comma) locales save it.
 */
export function toCsv(rows: CsvCell[][], o: { bom?: boolean; delimiter?: ',' | ';' } = {}): string {
  return stringify(rows, { ...options, bom: o.bom ?? false, delimiter: o.delimiter ?? ',' });
}

/** One field as it appears in a row (for callers and tests that check a single cell). */
export function csvField(v: CsvCell): string {
  return toCsv([[v]]).replace(/\r\n$/, '');
}
