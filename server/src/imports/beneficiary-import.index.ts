// Beneficiaries register import: read the CSV (imports/csv.ts), check every row, and for a real run
// with no refused row write them all in one audited transaction.
import { beneficiaryImportColumns } from '../../../schemas/beneficiary-import.ts';
import { columnHeader, IMPORT_LIMITS, type ImportResult } from '../../../schemas/imports.ts';
import { actorOf } from '../http/access.ts';
import { auditedChange } from '../http/audit.ts';
import { createRouter } from '../http/router.ts';
import { ApiError } from '../lib/errors.ts';
import { readBody } from '../lib/read-body.ts';
import { readCsv } from './csv.ts';
import * as routes from './beneficiary-import.routes.ts';
import { applyBeneficiaryImport, planBeneficiaryImport } from './beneficiary-import.service.ts';

const tooLarge = () => new ApiError(413, 'payload_too_large', `the file is larger than ${IMPORT_LIMITS.maxBytes / (1024 * 1024)} MB`);

export function beneficiaryImportRoutes() {
  const app = createRouter();

  app.openapi(routes.importBeneficiaries, async (c) => {
    const { db, clock } = c.get('deps');
    const actor = actorOf(c);
    const { dryRun } = c.req.valid('query');
    if (!/^text\/csv\s*(;|$)/i.test(c.req.header('content-type') ?? '')) throw new ApiError(415, 'unsupported_media_type', 'send the register as text/csv');
    const csv = readCsv(await readBody(c.req.raw, IMPORT_LIMITS.maxBytes, tooLarge), beneficiaryImportColumns);
    const now = clock.now();
    const { results, plans } = await planBeneficiaryImport(db, actor, csv.rows, csv.lines, csv.headers, now);
    for (const p of csv.problems) results.push({ line: p.line, key: '', outcome: 'refused', problems: [{ column: p.column, code: p.code, message: p.message }] });
    results.sort((a, b) => a.line - b.line);
    const counts = { created: 0, updated: 0, unchanged: 0, refused: 0 };
    for (const r of results) counts[r.outcome] += 1;
    const apply = !dryRun && counts.refused === 0 && counts.created + counts.updated > 0;
    if (apply) {
      await auditedChange(
        c,
        (tx) => applyBeneficiaryImport(tx, actor, plans, now),
        (ids) => ({ action: 'beneficiary.import', entityType: 'Beneficiary', centreId: actor.centreId, details: { ids, created: counts.created, updated: counts.updated, unchanged: counts.unchanged } }),
      );
    }
    const body: ImportResult = { kind: 'beneficiaries', dryRun, applied: apply, counts, rows: results };
    return c.json(body, 200);
  });

  app.openapi(routes.beneficiaryTemplate, (c) => {
    const { lang } = c.req.valid('query');
    // Quoted, so a header never reads as a formula; the BOM makes spreadsheets read it as UTF-8.
    const header = beneficiaryImportColumns.map((col) => `"${columnHeader(col, lang)}"`).join(';');
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${lang === 'id' ? 'penerima-manfaat' : 'beneficiaries'}.csv"`);
    return c.body(`\uFEFF${header}\r\n`, 200) as never;
  });

  return app;
}
