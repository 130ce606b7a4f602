// What both register imports share: the file body (text/csv only, at most IMPORT_LIMITS.maxBytes,
// never read past it), the one refusal of a real run with refused rows, and the progress lines a large import logs.
import { IMPORT_LIMITS, type ImportResult } from '../../../schemas/imports.ts';
import type { Logger } from '../../../core/log/logger.ts';
import { ApiError } from '../lib/errors.ts';
import { readBody } from '../lib/read-body.ts';

const mb = IMPORT_LIMITS.maxBytes / (1024 * 1024);
const tooLarge = () => new ApiError(413, 'payload_too_large', `an import file may be at most ${mb} MB; split the register into several files`);

/** The file body, refused unless sent as text/csv (415), cut off past the size limit (413) without reading the rest. */
export async function readImportFile(req: Request): Promise<Buffer> {
  if (!/^text\/csv\s*(;|$)/i.test(req.headers.get('content-type') ?? '')) {
    throw new ApiError(415, 'unsupported_media_type', 'send the file as text/csv');
  }
  return readBody(req, IMPORT_LIMITS.maxBytes, tooLarge);
}

/**
 * The log lines of one import: `import_checked` (rows and counts, time to check), `import_progress`
 * while writing, and `import_done` with `writeMs`, the time SQLite's write lock was held.
 */
export function importLog(log: Logger, kind: 'devices' | 'beneficiaries') {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  return {
    checked: (fields: Record<string, unknown>) => log.info('import_checked', { kind, ...fields, ms: ms() }),
    progress: (done: number, total: number) => log.info('import_progress', { kind, done, total }),
    /** Runs the write and logs how long it held the lock. */
    written<T>(write: () => T, summary: (result: T) => Record<string, unknown>): T {
      const t0 = performance.now();
      const result = write();
      const writeMs = Math.round((performance.now() - t0) * 10) / 10;
      log.info('import_done', { kind, ...summary(result), writeMs, ms: ms() });
      return result;
    },
  };
}

/**
 * A real run of a file with refused rows writes nothing and answers 422 in the one error shape, each
 * problem at [line, column] (the dry run gives the same problems per row with the other rows' outcomes).
 */
export function refuseIfAnyRefused(rows: ImportResult['rows']): void {
  const refused = rows.filter((r) => r.outcome === 'refused');
  if (refused.length === 0) return;
  const issues = refused.flatMap((r) => r.problems.map((p) => ({ path: [r.line, p.column ?? ''], message: p.message, code: p.code })));
  throw new ApiError(422, 'invalid_input', `${refused.length} row(s) refused; nothing was imported`, issues);
}
