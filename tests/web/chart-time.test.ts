// The telemetry charts' time axis: hours within a day, dates once a chart spans days (a 7- or
// 30-day chart never shows clock times alone), in both languages; the legend's latest value.
import { describe, expect, it } from 'vitest';
import { latest, timeFormats, timeTickLabels } from '../../web/src/pages/fleet/chart-time.ts';

const HOUR = 3_600;
const DAY = 24 * HOUR;
// 1 December 2026, 00:00 in Jakarta (WIB, UTC+7).
const start = Date.UTC(2026, 10, 30, 17) / 1000;
const id = timeFormats('id-ID', 'Asia/Jakarta');
const en = timeFormats('en-GB', 'Asia/Jakarta');

describe('time tick labels', () => {
  it('within a day: the hour on a 24-hour clock', () => {
    expect(timeTickLabels([start + 6 * HOUR, start + 12 * HOUR], DAY, 6 * HOUR, id)).toEqual(['06.00', '12.00']);
  });

  it('over 7 days with ticks every 12 hours: each day\'s first tick carries its date', () => {
    const splits = [0, 12, 24, 36].map((h) => start + h * HOUR);
    expect(timeTickLabels(splits, 7 * DAY, 12 * HOUR, id)).toEqual(['1 Des\n00.00', '12.00', '2 Des\n00.00', '12.00']);
    expect(timeTickLabels(splits, 7 * DAY, 12 * HOUR, en)).toEqual(['1 Dec\n00:00', '12:00', '2 Dec\n00:00', '12:00']);
  });

  it('over 30 days with daily or wider ticks: dates only', () => {
    const splits = [0, 7, 14].map((d) => start + d * DAY);
    expect(timeTickLabels(splits, 30 * DAY, 7 * DAY, id)).toEqual(['1 Des', '8 Des', '15 Des']);
  });
});

describe('the legend without a pointer', () => {
  it('shows the latest recorded value, skipping gaps', () => {
    expect(latest([40, 55, null, undefined])).toBe(55);
    expect(latest([])).toBeUndefined();
  });
});
