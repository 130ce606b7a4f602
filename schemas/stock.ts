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
