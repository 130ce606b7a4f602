// Centre indicators from the requests of one centre (or all): time from referral to delivery,
// and the share of deliveries fitted, trained and followed up within six months.
import type { Prisma } from '@prisma/client';
import type { CentreIndicators } from '../../../schemas/follow-ups.ts';
import { requestStates, type RequestState } from '../../../schemas/requests.ts';
import type { Db } from '../../../core/db/client.ts';
import { addMonths, FOLLOW_UP_WINDOW_MONTHS } from '../requests/follow-up-schedule.ts';
import { localToday } from '../../../schemas/centre-time.ts';
import { daysBetween, median, percentile, share } from './stats.ts';

export const indicatorInclude = {
  fittings: { select: { outcome: true } },
  trainings: { select: { id: true } },
  followUps: { select: { dueAt: true, completedAt: true } },
} satisfies Prisma.DeviceRequestInclude;
export type IndicatorRow = Prisma.DeviceRequestGetPayload<{ include: typeof indicatorInclude }>;

/** The indicators of a set of requests, as of `now`. Pure, given the rows. */
export function computeIndicators(rows: IndicatorRow[], now: Date): Omit<CentreIndicators, 'centreId' | 'centreName'> {
  const byState = Object.fromEntries(requestStates.map((s) => [s, 0])) as Record<RequestState, number>;
  for (const r of rows) byState[r.state as RequestState] += 1;
  const delivered = rows.filter((r) => r.state === 'in_use' && r.deliveredAt);
  const days = delivered.map((r) => daysBetween(r.createdAt, r.deliveredAt!));
  const fitted = (r: IndicatorRow) => r.fittings.some((f) => f.outcome === 'ok');
  const trained = (r: IndicatorRow) => r.trainings.length > 0;
  const followedUp = (r: IndicatorRow) => {
    const limit = addMonths(r.deliveredAt!, FOLLOW_UP_WINDOW_MONTHS);
    return r.followUps.some((f) => f.completedAt && f.completedAt <= limit);
  };
  // A delivery counts for the six-month share once its window has closed, or once it is followed up.
  const eligible = delivered.filter((r) => addMonths(r.deliveredAt!, FOLLOW_UP_WINDOW_MONTHS) <= now || followedUp(r));
  const today = localToday(now);
  const open = rows.flatMap((r) => r.followUps.filter((f) => !f.completedAt));
  const round = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
  return {
    requests: rows.length,
    requestsByState: byState,
    approvalsWaiting: byState.prescribed,
    deliveries: delivered.length,
    referralToDeliveryDays: { n: days.length, median: round(median(days)), p90: round(percentile(days, 90)) },
    shares: {
      fitted: share(delivered.filter(fitted).length, delivered.length),
      trained: share(delivered.filter(trained).length, delivered.length),
      followedUpWithin6Months: share(eligible.filter(followedUp).length, eligible.length),
      complete: share(eligible.filter((r) => fitted(r) && trained(r) && followedUp(r)).length, eligible.length),
    },
    followUpsOpen: open.length,
    followUpsOverdue: open.filter((f) => f.dueAt < today).length,
  };
}

export async function indicatorsFor(db: Db, centre: { id: string; name: string } | null, now: Date): Promise<CentreIndicators> {
  const rows = await db.deviceRequest.findMany({ where: centre ? { centreId: centre.id } : {}, include: indicatorInclude });
  return { centreId: centre?.id ?? null, centreName: centre?.name ?? null, ...computeIndicators(rows, now) };
}
