// Stock intake: checks received chairs against the catalogue, the centres and the national serial
// register, then takes them into stock (upsert by serial key), each new or changed chair with its event.
import type { Prisma } from '@prisma/client';
import { day, latestToday } from '../../../schemas/centre-time.ts';
import { serialKey } from '../../../schemas/devices.ts';
import { EARLIEST_INTAKE_YEAR, type DeviceIntake, type IntakeProblem, type IntakeProblemCode } from '../../../schemas/stock.ts';
import type { Tx } from '../../../core/db/client.ts';
import type { Actor } from '../access/actor.ts';
import { findInSlices } from '../lib/slices.ts';

/** What an intake did, by device id: new chairs, chairs whose record changed, and chairs already as given. */
export interface IntakeResult {
  created: string[];
  updated: string[];
  unchanged: string[];
}

/** The fields of a stocked chair that an intake row sets (identity, size and paperwork). */
const intakeSelect = {
  id: true, serial: true, serialKey: true, modelId: true, centreId: true, status: true, seatWidthMm: true, seatDepthMm: true,
  receivedAt: true, supplier: true, fundingSource: true, batteryInstalledAt: true,
} as const satisfies Prisma.DeviceSelect;
type StockedChair = Prisma.DeviceGetPayload<{ select: typeof intakeSelect }>;

/** Existing chairs by serial key, for the given serials. */
async function chairsBySerial(db: Tx, keys: readonly string[]): Promise<Map<string, StockedChair>> {
  const found = await findInSlices(keys, (part) => db.device.findMany({ where: { serialKey: { in: part } }, select: intakeSelect }));
  return new Map(found.map((d) => [d.serialKey, d]));
}

/** The receiving centre of a row: the one named, or the actor's own (staff). */
export const intakeCentre = (actor: Actor, row: DeviceIntake): string | null => row.centreId ?? actor.centreId;

const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

function dateProblem(value: string, now: Date): { code: IntakeProblemCode; message: string } | null {
  if (Number(value.slice(0, 4)) < EARLIEST_INTAKE_YEAR) return { code: 'impossible_date', message: `a date before ${EARLIEST_INTAKE_YEAR}` };
  if (day(value) > latestToday(now)) return { code: 'future_date', message: 'a date in the future' };
  return null;
}

export interface IntakeCheckOptions {
  now?: Date;
  /** upsert (imports): a known serial in stock here updates that chair; create (POST /api/devices): any known serial is taken. */
  mode?: 'upsert' | 'create';
  /** A correction of this chair: its own serial is not a clash. */
  deviceId?: string;
  /** How a message names another row (default "row 3", counting from 1); an import says "line 7". */
  rowName?: (index: number) => string;
}

/**
 * Every reason the rows cannot be taken into stock as given, each with the row's index and field.
 * Nothing is written. Serial keys (schemas/devices.ts serialKey) are compared within the rows and
 * against every chair in the country; a serial already known may only be received again while that
 * chair is in stock at the same centre, as the same model (the row then updates its record).
 */
export async function checkIntake(db: Tx, actor: Actor, rows: readonly DeviceIntake[], options: IntakeCheckOptions = {}): Promise<IntakeProblem[]> {
  const { now = new Date(), mode = 'upsert', deviceId, rowName = (i: number) => `row ${i + 1}` } = options;
  const problems: IntakeProblem[] = [];
  const add = (index: number, path: string, code: IntakeProblemCode, message: string) => problems.push({ index, path, code, message });

  const modelIds = [...new Set(rows.map((r) => r.modelId))];
  const centreIds = [...new Set(rows.map((r) => intakeCentre(actor, r)).filter((id): id is string => id !== null))];
  const models = new Map((await findInSlices(modelIds, (ids) => db.deviceModel.findMany({ where: { id: { in: ids } }, include: { sizes: true } }))).map((m) => [m.id, m]));
  const centres = new Set((await findInSlices(centreIds, (ids) => db.centre.findMany({ where: { id: { in: ids } }, select: { id: true } }))).map((c) => c.id));
  const existing = await chairsBySerial(db, rows.map((r) => serialKey(r.serial)));
  const firstIndexOfKey = new Map<string, number>();

  rows.forEach((row, i) => {
    const model = models.get(row.modelId);
    if (!model) add(i, 'modelId', 'unknown_model', 'no such device model');
    else if (!model.active) add(i, 'modelId', 'inactive_model', `${model.name} is no longer in the catalogue`);
    else if (!model.sizes.some((s) => s.seatWidthMm === row.seatWidthMm && s.seatDepthMm === row.seatDepthMm)) {
      add(i, 'seatWidthMm', 'size_not_in_model', `${model.name} has no ${row.seatWidthMm} × ${row.seatDepthMm} mm seat`);
    }

    const centreId = intakeCentre(actor, row);
    if (centreId === null) add(i, 'centreId', 'centre_required', 'name the receiving centre');
    else if (actor.role !== 'admin' && centreId !== actor.centreId) add(i, 'centreId', 'other_centre', 'chairs can only be received at your own centre');
    else if (!centres.has(centreId)) add(i, 'centreId', 'unknown_centre', 'no such centre');

    const received = dateProblem(row.receivedAt, now);
    if (received) add(i, 'receivedAt', received.code, received.message);
    if (row.batteryInstalledAt !== undefined) {
      if (model && model.kind !== 'electric') add(i, 'batteryInstalledAt', 'battery_on_manual', 'a manual chair has no battery');
      const battery = dateProblem(row.batteryInstalledAt, now);
      if (battery) add(i, 'batteryInstalledAt', battery.code, battery.message);
    }

    const key = serialKey(row.serial);
    const first = firstIndexOfKey.get(key);
    if (first !== undefined) add(i, 'serial', 'duplicate_serial', `the same serial as ${rowName(first)}`);
    else firstIndexOfKey.set(key, i);
    const found = existing.get(key);
    const known = found && found.id !== deviceId ? found : undefined;
    if (known && mode === 'create') add(i, 'serial', 'serial_in_use', 'a chair with this serial is already registered');
    else if (known && (known.status !== 'in_stock' || known.centreId !== centreId)) {
      add(i, 'serial', 'serial_in_use', 'this serial belongs to a chair that is not in stock at this centre');
    } else if (known && known.modelId !== row.modelId) {
      add(i, 'serial', 'serial_other_model', 'this serial is registered as another model');
    }
  });
  return problems;
}

/** The record a row asks for; optional fields left out keep what the chair has. */
function wanted(row: DeviceIntake, centreId: string) {
  return {
    serial: row.serial,
    serialKey: serialKey(row.serial),
    modelId: row.modelId,
    centreId,
    seatWidthMm: row.seatWidthMm,
    seatDepthMm: row.seatDepthMm,
    receivedAt: day(row.receivedAt),
    ...(row.supplier !== undefined && { supplier: row.supplier }),
    ...(row.fundingSource !== undefined && { fundingSource: row.fundingSource }),
    ...(row.batteryInstalledAt !== undefined && { batteryInstalledAt: day(row.batteryInstalledAt) }),
  };
}

/** The fields whose value the row changes on the stocked chair. */
function changedFields(chair: StockedChair, want: ReturnType<typeof wanted>): string[] {
  const same = (a: unknown, b: unknown) => (a instanceof Date || b instanceof Date ? isoDay(a as Date | null) === isoDay(b as Date | null) : a === b);
  return (Object.keys(want) as (keyof typeof want)[]).filter((k) => k !== 'serialKey' && !same(chair[k as keyof StockedChair], want[k]));
}

export type IntakeOutcome = 'created' | 'updated' | 'unchanged';

/** Every column an intake writes on a chair (optional fields the row leaves out keep the chair's value, or null). */
export interface IntakeRecord {
  serial: string;
  serialKey: string;
  modelId: string;
  centreId: string;
  seatWidthMm: number;
  seatDepthMm: number;
  receivedAt: Date;
  supplier: string | null;
  fundingSource: string | null;
  batteryInstalledAt: Date | null;
}

/** What the write does with one checked row: a new chair, a changed one (its fields), or nothing. */
export type IntakeStep =
  | { outcome: 'created'; record: IntakeRecord }
  | { outcome: 'updated'; id: string; record: IntakeRecord; fields: string[] }
  | { outcome: 'unchanged'; id: string };

/**
 * What taking the checked rows (checkIntake found nothing) into stock would do, row by row, read
 * only: the dry run's answer, and the real run's plan for writeIntake (stock/intake-writer.ts).
 */
export async function planIntake(db: Tx, actor: Actor, rows: readonly DeviceIntake[]): Promise<IntakeStep[]> {
  const existing = await chairsBySerial(db, rows.map((r) => serialKey(r.serial)));
  return rows.map((row): IntakeStep => {
    // A row without a centre is refused by checkIntake, so its step is only ever previewed.
    const want = wanted(row, intakeCentre(actor, row) ?? '');
    const chair = existing.get(want.serialKey);
    const base = chair ?? { supplier: null, fundingSource: null, batteryInstalledAt: null };
    const record: IntakeRecord = { supplier: base.supplier, fundingSource: base.fundingSource, batteryInstalledAt: base.batteryInstalledAt, ...want };
    if (!chair) return { outcome: 'created', record };
    const fields = changedFields(chair, want);
    return fields.length === 0 ? { outcome: 'unchanged', id: chair.id } : { outcome: 'updated', id: chair.id, record, fields };
  });
}
