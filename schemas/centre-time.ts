// The centres' clock: the programme's time zone (WIB, UTC+7) and the calendar days built on it, in one place.
// Dates people read (steps, follow-ups, file names, visit notes) are in Western Indonesian Time, not UTC,
// which is still "yesterday" before 07:00 WIB. Indonesia spans UTC+7 (WIB) to UTC+9 (WIT).

export const CENTRE_TIME_ZONE = 'Asia/Jakarta';
/** Hours of WIB (the centres' local time) ahead of UTC. */
export const CENTRE_UTC_OFFSET_H = 7;
/** The easternmost Indonesian time (WIT) ahead of UTC, in hours: after its date, a date is in the future. */
export const LATEST_UTC_OFFSET_H = 9;

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
export const CENTRE_UTC_OFFSET_MS = CENTRE_UTC_OFFSET_H * HOUR_MS;
const LATEST_UTC_OFFSET_MS = LATEST_UTC_OFFSET_H * HOUR_MS;

/** A calendar date (YYYY-MM-DD) as midnight UTC. */
export const day = (d: string) => new Date(`${d}T00:00:00Z`);
/** The calendar date of an instant in UTC, as midnight UTC. */
export const startOfDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

/** Today's calendar date where most centres are (WIB), as midnight UTC: a step's default date, the day things fall overdue. */
export const localToday = (now: Date) => startOfDay(new Date(now.getTime() + CENTRE_UTC_OFFSET_MS));
/** The latest calendar date anywhere in Indonesia (WIT), as midnight UTC: a date after it is in the future. */
export const latestToday = (now: Date) => startOfDay(new Date(now.getTime() + LATEST_UTC_OFFSET_MS));
/** The instant today began at the centres (midnight WIB). */
export const centreMidnight = (now: Date) => new Date(localToday(now).getTime() - CENTRE_UTC_OFFSET_MS);
/** The instant today ends at the centres (next midnight WIB). */
export const centreEndOfToday = (now: Date) => new Date(centreMidnight(now).getTime() + DAY_MS);

/** The calendar day of an instant at the centres, as YYYY-MM-DD. */
export function centreDay(at: Date): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: CENTRE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** The hour of the day (0..23) of an instant at the given offset from UTC (default: the centres'). */
export function localHour(atMs: number, utcOffsetH = CENTRE_UTC_OFFSET_H): number {
  // Wrapped into 0..24 so that offsets west of UTC (negative) work too.
  return (((new Date(atMs).getUTCHours() + utcOffsetH) % 24) + 24) % 24;
}
