// Chairs received into stock, one by one, in bulk or from an imported register: the one row shape
// that POST /api/devices, its bulk form and the device import all validate against.
import { z } from 'zod';
import { Id, IsoDate, text } from './common.ts';
import { SeatMm } from './devices.ts';

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
