// Importing a register (chairs or people) from a CSV file: a dry run or the real run, and the
// address of each kind's template in a language.
import { ImportResult, type ImportKind } from '../../../schemas/imports.ts';
import type { Locale } from '../../../schemas/common.ts';
import { apiRequest } from './api-client.ts';

/** Sends the file's bytes as they are (text/csv); the server reads BOM, separator and headers. */
export function importRegister(kind: ImportKind, file: ArrayBuffer, dryRun: boolean, signal?: AbortSignal): Promise<ImportResult> {
  return apiRequest(ImportResult, `/api/imports/${kind}`, {
    method: 'POST',
    query: { dryRun: String(dryRun) },
    raw: { data: file, type: 'text/csv; charset=utf-8' },
    signal,
  });
}

export const templateUrl = (kind: ImportKind, lang: Locale) => `/api/imports/${kind}/template?lang=${lang}`;
