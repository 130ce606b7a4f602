// What is wrong with a whole import file, in the person's language: chosen from the server's answer
// (413, 415, 400 with the header's faults, 409/422 when the data changed after the check); the
// server's own messages are English, so only its codes and column names are shown.
import { IMPORT_LIMITS } from '../../../../schemas/imports.ts';
import { isApiError } from '../../data/api-error.ts';
import type { MessageKey, MessageParams } from '../../i18n/i18n.ts';
import { formatNumber } from '../../i18n/format.ts';

const headerCodes = ['unknown_column', 'missing_column', 'duplicate_column'] as const;
type HeaderCode = (typeof headerCodes)[number];

export interface FileProblem {
  key: MessageKey;
  params?: MessageParams;
  /** The header row's faults, each with the column as the file (or the template) names it. */
  header?: { code: HeaderCode; column: string }[];
}

export const limitParams = (): MessageParams => ({ mb: formatNumber(IMPORT_LIMITS.maxBytes / (1024 * 1024)), rows: formatNumber(IMPORT_LIMITS.maxRows) });

/** Refused before sending: a file over the size limit (the server would answer 413). */
export function tooLarge(file: File): FileProblem | undefined {
  return file.size > IMPORT_LIMITS.maxBytes ? { key: 'imports.error.tooLarge', params: limitParams() } : undefined;
}

/** Lines that hold a value (csv-parse skips blank lines and rows of empty cells). */
function filledLines(bytes: ArrayBuffer): number {
  const text = new TextDecoder().decode(bytes);
  return text.split(/\r\n|\n|\r/).filter((line) => line.replace(/[;,"\s\uFEFF]/g, '') !== '').length;
}

/** The file's problem for an error of a check or an import; undefined when the error is not about the file. */
export function fileProblemOf(err: unknown, bytes: ArrayBuffer): FileProblem | undefined {
  if (!isApiError(err)) return undefined;
  if (err.status === 413) return { key: 'imports.error.tooLarge', params: limitParams() };
  if (err.status === 415) return { key: 'imports.error.notCsv' };
  if (err.status === 409 || err.status === 422) return { key: 'imports.error.changed' };
  if (err.status !== 400) return undefined;
  const header = err.issues.flatMap((i) =>
    (headerCodes as readonly string[]).includes(i.code) ? [{ code: i.code as HeaderCode, column: String(i.path[1] ?? '') }] : [],
  );
  if (header.length > 0) return { key: 'imports.error.header', header };
  const lines = filledLines(bytes);
  return { key: lines === 0 ? 'imports.error.empty' : lines === 1 ? 'imports.error.headerOnly' : 'imports.error.unreadable' };
}
