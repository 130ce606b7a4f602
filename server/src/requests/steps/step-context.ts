// What every pathway step receives, what it may return, and the helpers steps share.
import type { Prisma } from '@prisma/client';
import type { RequestState } from '../../../../schemas/requests.ts';
import type { Actor } from '../../access/actor.ts';
import { ApiError } from '../../lib/errors.ts';
import type { SizingWarning } from '../sizing.ts';
import { type DetailRow } from '../request-rows.ts';

export type Tx = Prisma.TransactionClient;

export interface StepContext {
  tx: Tx;
  actor: Actor;
  now: Date;
  /** The request as loaded before the move (its `state` is the state being left). */
  request: DetailRow;
  from: RequestState;
}

export interface StepOutcome {
  /** Fields of the request itself that the step changes (besides its state). */
  requestData?: Prisma.DeviceRequestUncheckedUpdateManyInput;
  /** Kept on the transition row (reasons for rejection, cancellation and refits). */
  note?: string | null;
  warnings?: SizingWarning[];
  credentials?: { deviceId: string; username: string; secret: string };
}

/** A calendar date (YYYY-MM-DD) as midnight UTC. */
export const day = (d: string) => new Date(`${d}T00:00:00Z`);
export const startOfDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

// Indonesia spans UTC+7 (WIB) to UTC+9 (WIT); in the morning there it is still yesterday in UTC.
const WIB_OFFSET_MS = 7 * 3_600_000;
const WIT_OFFSET_MS = 9 * 3_600_000;
/** Today's calendar date where most centres are (WIB): the default date of a step, the day things fall overdue. */
export const localToday = (now: Date) => startOfDay(new Date(now.getTime() + WIB_OFFSET_MS));
/** The latest calendar date anywhere in Indonesia (WIT): a date after it is in the future. */
export const latestToday = (now: Date) => startOfDay(new Date(now.getTime() + WIT_OFFSET_MS));

/**
 * A 422 for one field. `code` names the rule broken (e.g. date_order), so the web can word it in
 * the person's language; the message says it plainly for API users.
 */
export function invalidAt(path: (string | number)[], code: string, message: string): ApiError {
  return new ApiError(422, 'invalid_input', message, [{ path, message, code }]);
}

/** A date that must lie between `earliest` (e.g. the previous step) and today. */
export function checkDateOrder(path: string, value: Date, earliest: Date | null, now: Date, earliestWhat: string) {
  if (value > latestToday(now)) throw invalidAt([path], 'date_in_future', `${path} is in the future`);
  // The UTC date of the earlier step is the earliest it can be anywhere in Indonesia.
  if (earliest && value < startOfDay(earliest)) throw invalidAt([path], 'date_order', `${path} is before ${earliestWhat}`);
}
