// Beneficiaries register import: read the CSV (imports/csv.ts), check every row, and for a real run
// with no refused row write them all in one audited transaction (a refused row: 422, nothing written).
import { beneficiaryImportColumns } from '../../../schemas/beneficiary-import.ts';
import { columnHeader, type ImportResult } from '../../../schemas/imports.ts';
import { actorOf } from '../http/access.ts';
import { auditedRawChange } from '../http/audit.ts';
import { createRouter } from '../http/router.ts';
import { readCsv } from './csv.ts';
import * as routes from './beneficiary-import.routes.ts';
import { planBeneficiaryImport } from './beneficiary-import.service.ts';
import { writeBeneficiaryImport } from './beneficiary-import.writer.ts';
import { importLog, readImportFile, refuseIfAnyRefused } from './import-file.ts';

export function beneficiaryImportRoutes() {
  const app = createRouter();

  app.openapi(routes.importBeneficiaries, async (c) => {
    const { db, clock, log } = c.get('deps');
    const actor = actorOf(c);
    const { dryRun } = c.req.valid('query');
    const csv = readCsv(await readImportFile(c.req.raw), beneficiaryImportColumns);
    const logged = importLog(log, 'beneficiaries');
    const now = clock.now();
    const { results, plans } = await planBeneficiaryImport(db, actor, csv.rows, csv.lines, csv.headers, now);
    for (const p of csv.problems) results.push({ line: p.line, key: '', outcome: 'refused', problems: [{ column: p.column, code: p.code, message: p.message }] });
    results.sort((a, b) => a.line - b.line);
    const counts = { created: 0, updated: 0, unchanged: 0, refused: 0 };
    for (const r of results) counts[r.outcome] += 1;
    logged.checked({ dryRun, rows: results.length, ...counts });
    if (!dryRun) refuseIfAnyRefused(results);
    const apply = !dryRun && counts.created + counts.updated > 0;
    if (apply) {
      logged.written(
        () => auditedRawChange(
          c,
          (raw) => writeBeneficiaryImport(raw, actor, plans, { now, onProgress: logged.progress }),
          (ids) => ({ action: 'beneficiary.import', entityType: 'Beneficiary', centreId: actor.centreId, details: { ids, created: counts.created, updated: counts.updated, unchanged: counts.unchanged } }),
        ),
        () => ({ created: counts.created, updated: counts.updated, unchanged: counts.unchanged }),
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
