// Chairs received into stock, one by one, in bulk or from an imported register: the one row shape
// that POST /api/devices, its bulk form and the device import all validate against.
import { z } from 'zod';
import { Id, IsoDate, text } from './common.ts';
import { DeviceKind, DeviceStatus, SeatMm } from './devices.ts';

/** A serial as typed or exported by a supplier: letters, digits, spaces, dots, slashes and dashes. */
export const Serial = text(40).pipe(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9 ./-]*$/, 'letters, digits, spaces, dots, slashes and dashes only'));

/** One received chair. Sizes must be one of the model's sizes; dates are calendar dates at the centre. */
export const DeviceIntake = z
  .object({
    serial: Serial,
    modelId: Id,
    centreId: Id.optional().describe('the receiving centre; staff may only name their own, and it defaults to it'),
    seatWidthMm: SeatMm,
    seatDepthMm: SeatMm,
    receivedAt: IsoDate,
    supplier: text(120).optional(),
    fundingSource: text(120).optional(),
    batteryInstalledAt: IsoDate.optional().describe('electric chairs: when the battery fitted now was installed'),
  })
  .meta({ id: 'DeviceIntake' });
export type DeviceIntake = z.infer<typeof DeviceIntake>;

/** Why a received chair cannot be taken into stock as given; each problem names the field at fault. */
export const IntakeProblemCode = z.enum([
  'unknown_model', 'inactive_model', 'unknown_centre', 'centre_required', 'other_centre', 'size_not_in_model',
  'future_date', 'impossible_date', 'battery_on_manual', 'duplicate_serial', 'serial_in_use', 'serial_other_model',
]);
export type IntakeProblemCode = z.infer<typeof IntakeProblemCode>;

/** One problem of one row: `index` counts from 0 in the rows given, `path` is the field. */
export const IntakeProblem = z.object({ index: z.number().int(), path: z.string(), code: IntakeProblemCode, message: z.string() });
export type IntakeProblem = z.infer<typeof IntakeProblem>;

/** Dates before this year are refused as impossible (a typo for a year, or a spreadsheet's 1900). */
export const EARLIEST_INTAKE_YEAR = 1990;
/** At most this many chairs in one POST /api/devices. */
export const MAX_INTAKE_ITEMS = 1000;

/** POST /api/devices: one received chair, or several at once (all or nothing). */
export const ReceiveDevicesBody = z.union([DeviceIntake, z.strictObject({ items: z.array(DeviceIntake).min(1).max(MAX_INTAKE_ITEMS) })]);
export type ReceiveDevicesBody = z.infer<typeof ReceiveDevicesBody>;

/** PATCH /api/devices/{id}: corrections to a received chair; serial, size and battery date only while it is in stock. */
export const UpdateDeviceBody = z.strictObject({
  serial: Serial,
  seatWidthMm: SeatMm,
  seatDepthMm: SeatMm,
  receivedAt: IsoDate,
  supplier: text(120),
  fundingSource: text(120),
  batteryInstalledAt: IsoDate,
}).partial();
export type UpdateDeviceBody = z.infer<typeof UpdateDeviceBody>;
/** The fields of UpdateDeviceBody that may change only while the chair is in stock. */
export const stockOnlyFields = ['serial', 'seatWidthMm', 'seatDepthMm', 'batteryInstalledAt'] as const satisfies readonly (keyof UpdateDeviceBody)[];

/** A chair's stock record, as intake and corrections answer it. */
export const StockedDevice = z
  .object({
    id: Id,
    serial: z.string(),
    modelId: Id,
    centreId: Id,
    status: DeviceStatus,
    seatWidthMm: z.number().int().nullable(),
    seatDepthMm: z.number().int().nullable(),
    receivedAt: z.string().nullable().describe('YYYY-MM-DD'),
    supplier: z.string().nullable(),
    fundingSource: z.string().nullable(),
    batteryInstalledAt: z.string().nullable().describe('YYYY-MM-DD'),
  })
  .meta({ id: 'StockedDevice' });
export type StockedDevice = z.infer<typeof StockedDevice>;
export const StockedDeviceList = z.object({ items: z.array(StockedDevice) });

export const StockQuery = z.object({ centreId: Id.optional().describe('staff: their own centre (the default); admins: any, or all centres when left out') });

/** Chairs of one model and size at a centre (or nationally), counted by status. */
export const StockRow = z.object({
  modelId: Id,
  modelName: z.string(),
  manufacturer: z.string(),
  kind: DeviceKind,
  seatWidthMm: z.number().int().nullable(),
  seatDepthMm: z.number().int().nullable(),
  counts: z.record(DeviceStatus, z.number().int()),
});
export type StockRow = z.infer<typeof StockRow>;
export const StockView = z
  .object({
    centreId: Id.nullable().describe('null: every centre'),
    rows: z.array(StockRow).describe('by model name, then size'),
    totals: z.record(DeviceStatus, z.number().int()),
  })
  .meta({ id: 'StockView' });
export type StockView = z.infer<typeof StockView>;
