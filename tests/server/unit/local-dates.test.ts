// Calendar dates in Indonesia (UTC+7 to UTC+9): a step's default date is today in WIB, and a date is
// "in the future" only once it is tomorrow everywhere in Indonesia — in the morning there, UTC is
// still on yesterday.
import { describe, expect, it } from 'vitest';
import { checkDateOrder } from '../../../server/src/requests/steps/step-context.ts';
import { centreDay, centreEndOfToday, centreMidnight, latestToday, localHour, localToday } from '../../../schemas/centre-time.ts';

const at = (s: string) => new Date(s);
const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe('local dates', () => {
  it('today in WIB turns at 17:00 UTC; the latest date in Indonesia (WIT) at 15:00 UTC', () => {
    expect(localToday(at('2026-11-23T16:59:00Z'))).toEqual(d('2026-11-23'));
    expect(localToday(at('2026-11-23T17:00:00Z'))).toEqual(d('2026-11-24'));
    expect(latestToday(at('2026-11-23T14:59:00Z'))).toEqual(d('2026-11-23'));
    expect(latestToday(at('2026-11-23T15:00:00Z'))).toEqual(d('2026-11-24'));
  });

  it('accepts today\'s date from a centre at 06:00 WIB (still yesterday in UTC), refuses tomorrow', () => {
    const sixInTheMorningWib = at('2026-11-23T23:00:00Z');
    expect(() => checkDateOrder('assessedAt', d('2026-11-24'), null, sixInTheMorningWib, 'x')).not.toThrow();
    expect(() => checkDateOrder('assessedAt', d('2026-11-25'), null, sixInTheMorningWib, 'x')).toThrow(/in the future/);
  });

  it('a date before the earlier step\'s (UTC) date is out of order', () => {
    expect(() => checkDateOrder('deliveredAt', d('2026-11-19'), at('2026-11-20T10:00:00Z'), at('2026-11-23T10:00:00Z'), 'the training')).toThrow(/before the training/);
    expect(() => checkDateOrder('deliveredAt', d('2026-11-20'), at('2026-11-20T10:00:00Z'), at('2026-11-23T10:00:00Z'), 'the training')).not.toThrow();
  });
});

describe('the centres\' clock', () => {
  it('names the centres\' day, its midnight and end as instants, and the local hour', () => {
    // 23:30 UTC on the 23rd is 06:30 WIB on the 24th.
    const now = at('2026-11-23T23:30:00Z');
    expect(centreDay(now)).toBe('2026-11-24');
    expect(centreMidnight(now)).toEqual(at('2026-11-23T17:00:00Z'));
    expect(centreEndOfToday(now)).toEqual(at('2026-11-24T17:00:00Z'));
    expect(localHour(now.getTime())).toBe(6);
    expect(localHour(at('2026-11-23T02:00:00Z').getTime(), -5)).toBe(21);
  });
});
