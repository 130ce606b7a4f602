// Percentiles and shares behind the centre indicators.
import { describe, expect, it } from 'vitest';
import { daysBetween, median, percentile, share } from '../../../server/src/indicators/stats.ts';

describe('percentile', () => {
  it('interpolates between closest ranks (spreadsheet PERCENTILE.INC)', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5, 1, 3])).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBeCloseTo(9.1);
    expect(percentile([10, 20], 90)).toBe(19);
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([3, 1, 2], 0)).toBe(1);
    expect(percentile([3, 1, 2], 100)).toBe(3);
  });
  it('is null for no values and refuses p outside 0–100', () => {
    expect(median([])).toBeNull();
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
  it('does not reorder the caller\'s array', () => {
    const xs = [3, 1, 2];
    median(xs);
    expect(xs).toEqual([3, 1, 2]);
  });
});

describe('share and daysBetween', () => {
  it('rounds shares to three decimals and is null for an empty whole', () => {
    expect(share(2, 3)).toBe(0.667);
    expect(share(0, 5)).toBe(0);
    expect(share(0, 0)).toBeNull();
  });
  it('counts whole days, rounding the time of day', () => {
    expect(daysBetween(new Date('2026-01-01T08:00:00Z'), new Date('2026-01-31T07:00:00Z'))).toBe(30);
  });
});
