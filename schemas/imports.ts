// Importing existing registers from CSV: the column headers each kind accepts (Bahasa Indonesia and
// English, one table used by the parser and the downloadable template), limits, dates as offices
// write them, and the per-row answer of a dry or real run.
import { z } from 'zod';
import { clinicalWriterRoles, Locale, workshopRoles, type Role } from './common.ts';
import { IntakeProblemCode } from './stock.ts';

/** One column of an import file: the field it fills and its header in each language. */
export interface ImportColumn<F extends string = string> {
  field: F;
  id: string;
  en: string;
  required: boolean;
}

/** The chairs register. The model is named as in the catalogue (with its maker when two makers share a name); the centre by its code. */
export const deviceImportColumns = [
  { field: 'serial', id: 'Nomor Seri', en: 'Serial Number', required: true },
  { field: 'manufacturer', id: 'Produsen', en: 'Manufacturer', required: false },
  { field: 'model', id: 'Model', en: 'Model', required: true },
  { field: 'seatWidthMm', id: 'Lebar Dudukan (mm)', en: 'Seat Width (mm)', required: true },
  { field: 'seatDepthMm', id: 'Kedalaman Dudukan (mm)', en: 'Seat Depth (mm)', required: true },
  { field: 'centreCode', id: 'Kode Balai', en: 'Centre Code', required: false },
  { field: 'receivedAt', id: 'Tanggal Diterima', en: 'Received Date', required: true },
  { field: 'supplier', id: 'Pemasok', en: 'Supplier', required: false },
  { field: 'fundingSource', id: 'Sumber Dana', en: 'Funding Source', required: false },
  { field: 'batteryInstalledAt', id: 'Tanggal Pasang Baterai', en: 'Battery Installed Date', required: false },
] as const satisfies readonly ImportColumn[];
export type DeviceImportField = (typeof deviceImportColumns)[number]['field'];

export const ImportKind = z.enum(['devices', 'beneficiaries']);
export type ImportKind = z.infer<typeof ImportKind>;

/** Who may import each kind (and download its template): the routes and the web's import page both use this. */
export const importRoles = { devices: workshopRoles, beneficiaries: clinicalWriterRoles } as const satisfies Record<ImportKind, readonly Role[]>;

export const IMPORT_LIMITS = {
  /** A larger body is refused with 413 before it is read whole. */
  maxBytes: 10 * 1024 * 1024,
  /** Data rows per file. */
  maxRows: 20_000,
} as const;

/** A header as compared: case, accents, spaces and punctuation do not matter ("Seat width (mm)" = "seat_width_mm"). */
export function normaliseHeader(h: string): string {
  return h.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/** The header of a column in a language (for the template and for messages). */
export const columnHeader = (c: ImportColumn, lang: Locale) => (lang === 'id' ? c.id : c.en);

/**
 * A date as Indonesian offices write it, `dd/mm/yyyy` (also with `-` or `.`), or ISO `yyyy-mm-dd`,
 * as an ISO date; null when it is neither or not a real calendar date (31/02/2026).
 */
export function parseImportDate(value: string): string | null {
  const v = value.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : [];
  if (!y || !m || !d) return null;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return null;
  return date.toISOString().slice(0, 10);
}

/** Why a row of a file is refused: the file's shape, a cell that does not read, or the intake's checks. */
export const ImportProblemCode = z.enum([
  'cell_count', 'required', 'invalid_value', 'invalid_date', 'unknown_model_name', 'ambiguous_model', 'unknown_centre_code',
  ...IntakeProblemCode.options,
  // The beneficiaries register (schemas/beneficiary-import.ts).
  'invalid_nik', 'date_in_future', 'consent_date', 'guardian_required', 'duplicate_in_file', 'nik_elsewhere', 'unknown_serial', 'device_unavailable',
]);
export type ImportProblemCode = z.infer<typeof ImportProblemCode>;

export const ImportOutcome = z.enum(['created', 'updated', 'unchanged', 'refused']);
export type ImportOutcome = z.infer<typeof ImportOutcome>;

export const ImportRowResult = z.object({
  line: z.number().int().describe('the line of the file, the header being line 1'),
  key: z.string().describe('what identifies the row to a person: the serial, or the name'),
  outcome: ImportOutcome,
  problems: z.array(z.object({
    column: z.string().nullable().describe('the header of the column at fault, as the file has it'),
    code: ImportProblemCode,
    message: z.string(),
  })),
});
export type ImportRowResult = z.infer<typeof ImportRowResult>;

export const ImportResult = z
  .object({
    kind: ImportKind,
    dryRun: z.boolean(),
    applied: z.boolean().describe('true when a real run wrote the rows (all of them); false for a dry run or a refused file'),
    counts: z.record(ImportOutcome, z.number().int()),
    rows: z.array(ImportRowResult),
  })
  .meta({ id: 'ImportResult' });
export type ImportResult = z.infer<typeof ImportResult>;

export const ImportQuery = z.object({
  dryRun: z.enum(['true', 'false']).default('true').transform((v) => v === 'true').describe('true (the default): check and answer, change nothing'),
});
export const TemplateQuery = z.object({ lang: Locale.default('id') });
