// Follow-up scheduling: the first within six months of delivery (a month, as a priority, for high
// pressure-injury risk), growth reviews every six months for children, and calendar month arithmetic.
import { describe, expect, it } from 'vitest';
import { addMonths, ageAt, firstFollowUp, nextFollowUp } from '../../../server/src/requests/follow-up-schedule.ts';

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const iso = (x: Date) => x.toISOString().slice(0, 10);

describe('addMonths', () => {
  it.each([
    ['2026-01-15', 1, '2026-02-15'], ['2026-01-31', 1, '2026-02-28'], ['2028-01-31', 1, '2028-02-29'],
    ['2026-08-31', 6, '2027-02-28'], ['2026-11-30', 3, '2027-02-28'], ['2026-10-10', 3, '2027-01-10'], ['2026-03-31', -1, '2026-02-28'],
  ] as const)('%s + %i months = %s', (from, n, to) => {
    expect(iso(addMonths(d(from), n))).toBe(to);
  });
});

describe('ageAt', () => {
  it('counts whole years, turning on the birthday', () => {
    expect(ageAt(d('2008-06-15'), d('2026-06-14'))).toBe(17);
    expect(ageAt(d('2008-06-15'), d('2026-06-15'))).toBe(18);
  });
});

describe('firstFollowUp', () => {
  it('is three months after delivery (within six), or one month and a priority when the risk is high', () => {
    expect(firstFollowUp({ deliveredAt: d('2026-11-23'), pressureInjuryRisk: 'medium' })).toEqual({ kind: 'first', dueAt: d('2027-02-23') });
    expect(firstFollowUp({ deliveredAt: d('2026-11-23'), pressureInjuryRisk: null })).toEqual({ kind: 'first', dueAt: d('2027-02-23') });
    expect(firstFollowUp({ deliveredAt: d('2026-11-23'), pressureInjuryRisk: 'high' })).toEqual({ kind: 'priority', dueAt: d('2026-12-23') });
  });
});

describe('nextFollowUp', () => {
  it('schedules a growth review six months on for a child', () => {
    expect(nextFollowUp({ completedAt: d('2027-02-20'), birthDate: d('2016-03-14'), pressureInjuryRisk: 'low' })).toEqual({ kind: 'growth_review', dueAt: d('2027-08-20') });
  });
  it('uses the age on the day: a 17-year-old gets one, an 18-year-old does not', () => {
    expect(nextFollowUp({ completedAt: d('2026-06-14'), birthDate: d('2008-06-15'), pressureInjuryRisk: 'medium' })?.kind).toBe('growth_review');
    expect(nextFollowUp({ completedAt: d('2026-06-15'), birthDate: d('2008-06-15'), pressureInjuryRisk: 'medium' })).toBeNull();
  });
  it('schedules a priority visit in a month when the risk found is high, child or adult', () => {
    expect(nextFollowUp({ completedAt: d('2027-02-20'), birthDate: d('1990-01-01'), pressureInjuryRisk: 'high' })).toEqual({ kind: 'priority', dueAt: d('2027-03-20') });
    expect(nextFollowUp({ completedAt: d('2027-02-20'), birthDate: d('2016-01-01'), pressureInjuryRisk: 'high' })?.kind).toBe('priority');
  });
});
