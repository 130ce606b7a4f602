// Time on the telemetry charts, in the reader's language: the axis ticks (hours within a day; dates
// once the chart spans days, so a 7- or 30-day chart never shows clock times alone) and the legend's
// values (the latest point when the pointer is off the chart, never a placeholder).
const DAY_S = 86_400;

export interface TimeFormats {
  hour: Intl.DateTimeFormat;
  day: Intl.DateTimeFormat;
  when: Intl.DateTimeFormat;
}

export function timeFormats(locale: string, timeZone?: string): TimeFormats {
  return {
    hour: new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }),
    day: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone }),
    when: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }),
  };
}

/**
 * Tick labels for splits (seconds). Within one day: the hour. Across days with ticks every day or
 * more: the date. Across days with ticks within a day: the hour, with the date above it on the
 * first tick of each day (uPlot draws "\n" as a second line).
 */
export function timeTickLabels(splits: readonly number[], spanSeconds: number, incrSeconds: number, f: TimeFormats): string[] {
  if (spanSeconds <= 1.5 * DAY_S) return splits.map((s) => f.hour.format(s * 1000));
  if (incrSeconds >= DAY_S) return splits.map((s) => f.day.format(s * 1000));
  let shownDay = '';
  return splits.map((s) => {
    const day = f.day.format(s * 1000);
    const hour = f.hour.format(s * 1000);
    if (day === shownDay) return hour;
    shownDay = day;
    return `${day}\n${hour}`;
  });
}

/** The last non-empty value of a column, for the legend when no point is under the pointer. */
export function latest(column: ArrayLike<number | null | undefined>): number | undefined {
  for (let i = column.length - 1; i >= 0; i--) {
    const v = column[i];
    if (v !== null && v !== undefined) return v;
  }
  return undefined;
}
