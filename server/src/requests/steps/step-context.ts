// What every pathway step receives, what it may return, and the helpers steps share.
import type { Prisma } from '@prisma/client';
import type { RequestState } from '../../../../schemas/requests.ts';
import type { Actor } from '../../access/actor.ts';
import { ApiError } from '../../lib/errors.ts';
import type { SizingWarning } from '../sizing.ts';
import { type DetailRow } from '../request-rows.ts';
import { latestToday, startOfDay } from '../../../../schemas/centre-time.ts';

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

/** The chair's lifecycle inside the step's transaction; the request's transition audits the step. */
export const life = (ctx: StepContext) => ({ tx: ctx.tx, now: ctx.now, actorId: ctx.actor.id });
