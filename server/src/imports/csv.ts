// Reads an uploaded register (CSV as spreadsheets export it) into rows keyed by field, for every
// import kind: UTF-8 with or without BOM, comma or semicolon (detected from the header), Bahasa
// Indonesia or English headers (schemas/imports.ts). A file that is not a usable CSV is refused
// whole (400/415); a row with more or fewer cells than the header becomes a problem of that row.
import { CsvError, parse } from 'csv-parse/sync';
import { IMPORT_LIMITS, normaliseHeader, type ImportColumn } from '../../../schemas/imports.ts';
import { ApiError } from '../lib/errors.ts';

/** A problem of one data row; `line` counts the header as line 1. */
export interface CsvRowProblem {
  line: number;
  column: string | null;
  code: 'cell_count';
  message: string;
}

export interface CsvRead<F extends string> {
  /** The rows that have as many cells as the header, trimmed, keyed by field ('' for an empty or absent optional column). */
  rows: Record<F, string>[];
  /** The file line of each row in `rows`. */
  lines: number[];
  /** Rows that could not be read as rows. */
  problems: CsvRowProblem[];
  /** Each field's header as the file wrote it (for messages naming a column). */
  headers: Record<F, string>;
  delimiter: ',' | ';';
}

const notCsv = (why: string) => new ApiError(415, 'unsupported_media_type', `this is not a CSV file (${why}); save the spreadsheet as CSV (UTF-8)`);
const badFile = (message: string, issues?: { path: (string | number)[]; message: string; code: string }[]) =>
  new ApiError(400, 'bad_request', message, issues);
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The text of the file, refusing what is plainly not CSV: binary, a spreadsheet workbook, HTML. */
function decode(bytes: Uint8Array): string {
  const head = bytes.subarray(0, 4096);
  if (head[0] === 0x50 && head[1] === 0x4b) throw notCsv('a spreadsheet workbook or other ZIP file');
  if (head.includes(0)) throw notCsv('binary content');
  let text: string;
  try {
    text = utf8.decode(bytes); // also drops a leading BOM
  } catch {
    throw notCsv('not UTF-8 text');
  }
  if (/^\s*<(!doctype|html|\?xml|[a-z]+[\s>])/i.test(text)) throw notCsv('HTML or XML');
  return text;
}

/** Comma or semicolon: whichever the header line holds more of outside quotes (comma when neither). */
export function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** Each header cell's field, or the problems of the header row (unknown, repeated or missing columns). */
function mapHeader<F extends string>(header: string[], columns: readonly ImportColumn<F>[]) {
  const byName = new Map<string, ImportColumn<F>>();
  for (const c of columns) for (const name of [c.id, c.en, c.field]) byName.set(normaliseHeader(name), c);
  const issues: { path: (string | number)[]; message: string; code: string }[] = [];
  const fieldAt: (F | null)[] = [];
  const headers = {} as Record<F, string>;
  header.forEach((h, i) => {
    const col = byName.get(normaliseHeader(h));
    if (!col) {
      if (h.trim() !== '') issues.push({ path: [1, h], message: `unknown column "${h}"`, code: 'unknown_column' });
      fieldAt.push(null);
    } else if (col.field in headers) {
      issues.push({ path: [1, h], message: `column "${h}" appears twice`, code: 'duplicate_column' });
      fieldAt.push(null);
    } else {
      headers[col.field] = h;
      fieldAt.push(col.field);
    }
  });
  for (const c of columns) {
    if (c.required && !(c.field in headers)) issues.push({ path: [1, c.id], message: `missing column "${c.id}" (or "${c.en}")`, code: 'missing_column' });
  }
  if (issues.length > 0) throw badFile('the header row does not match the template', issues);
  return { fieldAt, headers };
}

/** Reads the file's rows by the header table of its kind; see the module comment for what is refused. */
export function readCsv<F extends string>(bytes: Uint8Array, columns: readonly ImportColumn<F>[]): CsvRead<F> {
  const text = decode(bytes);
  if (text.trim() === '') throw badFile('the file is empty');
  const delimiter = detectDelimiter(text);
  let records: { record: string[]; raw: string; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter,
      info: true,
      raw: true,
      trim: true,
      relax_column_count: true,
      relax_quotes: true, // a quote inside an unquoted cell (5" castor) is text, as spreadsheets read it
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      max_record_size: 64 * 1024,
      to_line: IMPORT_LIMITS.maxRows + 2,
    }) as unknown as typeof records;
  } catch (err) {
    if (err instanceof CsvError) throw badFile(`the file cannot be read as CSV at line ${(err as CsvError & { lines?: number }).lines ?? '?'}: ${err.message}`);
    throw err;
  }
  const [first, ...data] = records;
  if (!first) throw badFile('the file is empty');
  if (data.length === 0) throw badFile('the file has a header row but no data rows');
  if (data.length > IMPORT_LIMITS.maxRows) throw new ApiError(413, 'payload_too_large', `at most ${IMPORT_LIMITS.maxRows} rows per file`);
  const { fieldAt, headers } = mapHeader(first.record, columns);

  const rows: Record<F, string>[] = [];
  const lines: number[] = [];
  const problems: CsvRowProblem[] = [];
  for (const { record, raw, info } of data) {
    // csv-parse counts to a record's last line; a quoted cell may span several, and people look for the first.
    const line = info.lines - (raw.replace(/\r?\n$|\r$/, '').match(/\r\n|\n|\r/g)?.length ?? 0);
    if (record.length !== fieldAt.length) {
      const more = record.length > fieldAt.length;
      problems.push({ line, column: null, code: 'cell_count', message: `${record.length} cells where the header has ${fieldAt.length} (${more ? 'too many' : 'too few'})` });
      continue;
    }
    const row = Object.fromEntries(columns.map((c) => [c.field, ''])) as Record<F, string>;
    record.forEach((cell, i) => {
      const field = fieldAt[i];
      if (field) row[field] = cell;
    });
    rows.push(row);
    lines.push(line);
  }
  return { rows, lines, problems, headers, delimiter };
}
