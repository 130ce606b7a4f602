// The chairs register import: CSV rows → received chairs (model by name, centre by code, dates as
// offices write them), checked like any intake; a dry run answers per row, a real run takes every
// row in one short transaction or none (the plan is made here, read only).
import { deviceImportColumns, normaliseHeader, parseImportDate, type DeviceImportField, type ImportProblemCode, type ImportRowResult } from '../../../schemas/imports.ts';
import { DeviceIntake } from '../../../schemas/stock.ts';
import type { Tx } from '../../../core/db/client.ts';
import type { Actor } from '../access/actor.ts';
import { checkIntake, planIntake, type IntakeStep } from '../stock/intake.service.ts';
import { readCsv } from './csv.ts';

export interface DevicePlan {
  /** One answer per data row of the file, in file order. */
  rows: ImportRowResult[];
  /** What the real run writes, in file order: empty when any row is refused. */
  steps: IntakeStep[];
}

type Problem = ImportRowResult['problems'][number];
const byLine = (a: { line: number }, b: { line: number }) => a.line - b.line;

/** The field of the file that an intake field came from. */
const sourceField: Partial<Record<string, DeviceImportField>> = { modelId: 'model', centreId: 'centreCode' };

async function catalogue(db: Tx) {
  const models = await db.deviceModel.findMany({ select: { id: true, name: true, manufacturer: true } });
  const byName = new Map<string, typeof models>();
  for (const m of models) byName.set(normaliseHeader(m.name), [...(byName.get(normaliseHeader(m.name)) ?? []), m]);
  const centres = new Map((await db.centre.findMany({ select: { id: true, code: true } })).map((c) => [c.code.toUpperCase(), c.id]));
  return { byName, centres };
}

/** Reads, maps and checks the file; nothing is written. File-level faults throw (400/413/415). */
export async function planDeviceImport(db: Tx, actor: Actor, bytes: Uint8Array, now: Date): Promise<DevicePlan> {
  const file = readCsv(bytes, deviceImportColumns);
  const header = (f: DeviceImportField) => file.headers[f] ?? null;
  const { byName, centres } = await catalogue(db);
  const results: ImportRowResult[] = file.problems.map((p) => ({ line: p.line, key: '', outcome: 'refused', problems: [{ column: p.column, code: p.code, message: p.message }] }));
  const candidates: { line: number; key: string; intake: DeviceIntake }[] = [];

  file.rows.forEach((cells, i) => {
    const line = file.lines[i]!;
    const problems: Problem[] = [];
    const add = (f: DeviceImportField | null, code: ImportProblemCode, message: string) => problems.push({ column: f && header(f), code, message });
    for (const c of deviceImportColumns) if (c.required && cells[c.field] === '') add(c.field, 'required', 'empty');

    let modelId: string | undefined;
    const named = byName.get(normaliseHeader(cells.model)) ?? [];
    const matching = cells.manufacturer ? named.filter((m) => normaliseHeader(m.manufacturer) === normaliseHeader(cells.manufacturer)) : named;
    if (cells.model && matching.length === 0) add('model', 'unknown_model_name', `no model "${cells.model}" in the catalogue`);
    else if (matching.length > 1) add('manufacturer', 'ambiguous_model', `several makers have a model "${cells.model}"; give the manufacturer`);
    else modelId = matching[0]?.id;

    let centreId: string | undefined;
    if (cells.centreCode) {
      centreId = centres.get(cells.centreCode.trim().toUpperCase());
      if (!centreId) add('centreCode', 'unknown_centre_code', `no centre with code "${cells.centreCode}"`);
    }
    const mm = (f: 'seatWidthMm' | 'seatDepthMm') => {
      if (cells[f] !== '' && !/^\d+$/.test(cells[f])) add(f, 'invalid_value', 'a whole number of millimetres');
      return Number(cells[f]);
    };
    const date = (f: 'receivedAt' | 'batteryInstalledAt') => {
      if (cells[f] === '') return undefined;
      const d = parseImportDate(cells[f]);
      if (!d) add(f, 'invalid_date', 'not a date (dd/mm/yyyy or yyyy-mm-dd)');
      return d ?? undefined;
    };
    const candidate = {
      serial: cells.serial, modelId, centreId, seatWidthMm: mm('seatWidthMm'), seatDepthMm: mm('seatDepthMm'),
      receivedAt: date('receivedAt'), supplier: cells.supplier || undefined, fundingSource: cells.fundingSource || undefined,
      batteryInstalledAt: date('batteryInstalledAt'),
    };
    const parsed = DeviceIntake.safeParse(candidate);
    if (!parsed.success && problems.length === 0) {
      for (const issue of parsed.error.issues) {
        const f = String(issue.path[0]) as DeviceImportField;
        add(sourceField[f] ?? f, 'invalid_value', issue.message);
      }
    }
    if (problems.length > 0 || !parsed.success) results.push({ line, key: cells.serial, outcome: 'refused', problems });
    else candidates.push({ line, key: cells.serial, intake: parsed.data });
  });

  const intakes = candidates.map((c) => c.intake);
  const checks = await checkIntake(db, actor, intakes, { now, mode: 'upsert', rowName: (i) => `line ${candidates[i]!.line}` });
  const refused = new Map<number, Problem[]>();
  for (const p of checks) {
    const f = (sourceField[p.path] ?? p.path) as DeviceImportField;
    refused.set(p.index, [...(refused.get(p.index) ?? []), { column: header(f), code: p.code, message: p.message }]);
  }
  const steps = await planIntake(db, actor, intakes);
  candidates.forEach((c, i) => {
    const problems = refused.get(i);
    results.push({ line: c.line, key: c.key, outcome: problems ? 'refused' : steps[i]!.outcome, problems: problems ?? [] });
  });
  results.sort(byLine);
  return { rows: results, steps: results.some((r) => r.outcome === 'refused') ? [] : steps };
}
