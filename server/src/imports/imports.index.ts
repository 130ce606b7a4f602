// Register imports: a CSV file read, checked per row, and (for real) taken in whole in one transaction.
import { deviceImportColumns, columnHeader, IMPORT_LIMITS, ImportOutcome, type ImportResult } from '../../../schemas/imports.ts';
import { actorOf } from '../http/access.ts';
import { auditedChange } from '../http/audit.ts';
import { createRouter } from '../http/router.ts';
import { toCsv } from '../lib/csv.ts';
import { ApiError } from '../lib/errors.ts';
import { readBody } from '../lib/read-body.ts';
import { intakeDevices } from '../stock/intake.service.ts';
import { planDeviceImport } from './device-import.ts';
import * as routes from './imports.routes.ts';

const mb = IMPORT_LIMITS.maxBytes / (1024 * 1024);
const tooLarge = () => new ApiError(413, 'payload_too_large', `an import file may be at most ${mb} MB; split the register into several files`);
/** A real run of 20,000 rows takes seconds; Prisma's default transaction limit is 5 s. */
const IMPORT_TX_TIMEOUT_MS = 60_000;

/** The file body, refused unless sent as text/csv, cut off past the size limit. */
async function readFile(req: Request): Promise<Buffer> {
  if (!/^text\/csv\s*(;|$)/i.test(req.headers.get('content-type') ?? '')) {
    throw new ApiError(415, 'unsupported_media_type', 'send the file as text/csv');
  }
  return readBody(req, IMPORT_LIMITS.maxBytes, tooLarge);
}

const countsOf = (rows: ImportResult['rows']) =>
  Object.fromEntries(ImportOutcome.options.map((o) => [o, rows.filter((r) => r.outcome === o).length])) as ImportResult['counts'];

export function importRoutes() {
  const app = createRouter();

  app.openapi(routes.devices, async (c) => {
    const { dryRun } = c.req.valid('query');
    const bytes = await readFile(c.req.raw);
    const actor = actorOf(c);
    const { db, clock, log } = c.get('deps');
    const started = Date.now();
    const plan = await planDeviceImport(db, actor, bytes, clock.now());
    const counts = countsOf(plan.rows);
    log.info('import_checked', { kind: 'devices', dryRun, rows: plan.rows.length, ...counts, ms: Date.now() - started });
    if (dryRun) return c.json({ kind: 'devices' as const, dryRun, applied: false, counts, rows: plan.rows }, 200);
    if (counts.refused > 0) {
      const issues = plan.rows.flatMap((r) => r.problems.map((p) => ({ path: [r.line, p.column ?? ''], message: p.message, code: p.code })));
      throw new ApiError(422, 'invalid_input', `${counts.refused} row(s) refused; nothing was imported`, issues);
    }
    const result = await auditedChange(
      c,
      (tx) => intakeDevices(tx, actor, plan.intakes, { onProgress: (done, total) => log.info('import_progress', { kind: 'devices', done, total }) }),
      (r) => (r.created.length + r.updated.length === 0 ? null : {
        action: 'device.import', entityType: 'Device', centreId: actor.centreId,
        details: { created: r.created.length, updated: r.updated.length, unchanged: r.unchanged.length },
      }),
      { timeoutMs: IMPORT_TX_TIMEOUT_MS },
    );
    log.info('import_done', { kind: 'devices', created: result.created.length, updated: result.updated.length, unchanged: result.unchanged.length, ms: Date.now() - started });
    return c.json({ kind: 'devices' as const, dryRun, applied: true, counts, rows: plan.rows }, 200);
  });

  app.openapi(routes.devicesTemplate, (c) => {
    const { lang } = c.req.valid('query');
    const file = lang === 'id' ? 'templat-kursi-roda.csv' : 'wheelchairs-template.csv';
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${file}"`);
    return c.body(toCsv([deviceImportColumns.map((col) => columnHeader(col, lang))], { bom: true, delimiter: lang === 'id' ? ';' : ',' }), 200) as never;
  });

  return app;
}
