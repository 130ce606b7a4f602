// The centres' own calendar: dates people read (file names, visit notes) are in Western Indonesian
// Time, where the programme's centres are, not in UTC (which is still "yesterday" before 07:00 WIB).
export const CENTRE_TIME_ZONE = 'Asia/Jakarta';

/** The calendar day of an instant at the centres, as YYYY-MM-DD. */
export function centreDay(at: Date): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: CENTRE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
