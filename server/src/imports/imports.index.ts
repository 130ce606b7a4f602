// The chairs register import: a CSV file read, checked per row, and (for real) taken in whole in one short transaction.
import { deviceImportColumns, columnHeader, ImportOutcome, type ImportResult } from '../../../schemas/imports.ts';
import { actorOf } from '../http/access.ts';
import { auditedRawChange } from '../http/audit.ts';
import { createRouter } from '../http/router.ts';
import { toCsv } from '../lib/csv.ts';
import { writeIntake } from '../stock/intake-writer.ts';
import { planDeviceImport } from './device-import.ts';
import { importLog, readImportFile, refuseIfAnyRefused } from './import-file.ts';
import * as routes from './imports.routes.ts';

const countsOf = (rows: ImportResult['rows']) =>
  Object.fromEntries(ImportOutcome.options.map((o) => [o, rows.filter((r) => r.outcome === o).length])) as ImportResult['counts'];

export function importRoutes() {
  const app = createRouter();

  app.openapi(routes.devices, async (c) => {
    const { dryRun } = c.req.valid('query');
    const bytes = await readImportFile(c.req.raw);
    const actor = actorOf(c);
    const { db, clock, log } = c.get('deps');
    const logged = importLog(log, 'devices');
    // Everything read and checked first (read only); the write below then takes milliseconds.
    const plan = await planDeviceImport(db, actor, bytes, clock.now());
    const counts = countsOf(plan.rows);
    logged.checked({ dryRun, rows: plan.rows.length, ...counts });
    if (dryRun) return c.json({ kind: 'devices' as const, dryRun, applied: false, counts, rows: plan.rows }, 200);
    refuseIfAnyRefused(plan.rows);
    logged.written(
      () => auditedRawChange(
        c,
        (raw) => writeIntake(raw, actor, plan.steps, { now: clock.now(), onProgress: logged.progress }),
        (r) => (r.created.length + r.updated.length === 0 ? null : {
          action: 'device.import', entityType: 'Device', centreId: actor.centreId,
          details: { created: r.created.length, updated: r.updated.length, unchanged: r.unchanged.length },
        }),
      ),
      (r) => ({ created: r.created.length, updated: r.updated.length, unchanged: r.unchanged.length }),
    );
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
