// Age in whole years decides whether a guardian must consent (under 18), so its edges matter.
import { describe, expect, it } from 'vitest';
import { ageInYears } from '../../../server/src/beneficiaries/beneficiaries.service.ts';

const d = (iso: string) => new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);

describe('ageInYears', () => {
  it.each([
    ['on the 18th birthday itself', '2008-05-10', '2026-05-10', 18],
    ['at the last second before the 18th birthday', '2008-05-10', '2026-05-09T23:59:59.999Z', 17],
    ['late on the birthday', '2008-05-10', '2026-05-10T23:59:59Z', 18],
    ['the day after the birthday', '2008-05-10', '2026-05-11', 18],
    ['a month before the birthday', '2008-05-10', '2026-04-10', 17],
    ['on New Year\'s Eve for a 31 December birthday', '2000-12-31', '2001-12-31', 1],
    ['the day before a 31 December birthday', '2000-12-31', '2001-12-30', 0],
    ['for a 1 January birthday on 31 December', '2000-01-01', '2000-12-31', 0],
    ['on the day of birth', '2026-03-01', '2026-03-01', 0],
  ])('%s', (_name, birth, now, age) => {
    expect(ageInYears(d(birth), d(now))).toBe(age);
  });

  describe('born on 29 February', () => {
    it.each([
      ['on 28 February of a common year, not yet', '2008-02-29', '2026-02-28', 17],
      ['on 1 March of a common year, a year older', '2008-02-29', '2026-03-01', 18],
      ['on 29 February of a leap year', '2008-02-29', '2028-02-29', 20],
      ['on 28 February of a leap year', '2008-02-29', '2028-02-28', 19],
    ])('%s', (_name, birth, now, age) => {
      expect(ageInYears(d(birth), d(now))).toBe(age);
    });
  });

  it('never answers a negative age for a birth date after now', () => {
    expect(ageInYears(d('2030-01-01'), d('2026-01-01'))).toBe(0);
  });
});
