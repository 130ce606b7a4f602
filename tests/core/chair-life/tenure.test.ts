// When a chair became its current user's (core/chair-life/tenure.ts): the start a family's view of
// a re-issued chair is cut at, so nothing of an earlier user shows.
import { describe, expect, it } from 'vitest';
import { tenureStart, withinTenure, type TenureStep } from '../../../core/chair-life/tenure.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 8, minute));
const step = (minute: number, kind: string, beneficiaryId: string | null): TenureStep => ({ kind, beneficiaryId, at: at(minute) });

describe('tenureStart', () => {
  it('starts at the reservation that led to the issue (the same time with the chair)', () => {
    expect(tenureStart([step(5, 'issued', 'b'), step(1, 'reserved', 'b')], 'b')).toEqual(at(1));
  });

  it('starts at the re-issue after a previous user returned the chair', () => {
    const steps = [step(1, 'reserved', 'a'), step(2, 'issued', 'a'), step(10, 'returned', 'a'), step(20, 'reserved', 'b'), step(21, 'issued', 'b')];
    expect(tenureStart(steps, 'b')).toEqual(at(20));
  });

  it('starts afresh when the same person gets the chair back after a return, or after someone else had it', () => {
    expect(tenureStart([step(1, 'loaned', 'a'), step(5, 'returned', 'a'), step(9, 'loaned', 'a')], 'a')).toEqual(at(9));
    expect(tenureStart([step(1, 'loaned', 'a'), step(5, 'loaned', 'b'), step(9, 'loaned', 'a')], 'a')).toEqual(at(9));
  });

  it('falls back to the last hand-over or return when none names the person (nothing earlier shows)', () => {
    expect(tenureStart([step(1, 'issued', 'a'), step(7, 'returned', 'a')], 'b')).toEqual(at(7));
  });

  it('is null only for a chair with no recorded hand-over at all', () => {
    expect(tenureStart([], 'b')).toBeNull();
  });
});

describe('withinTenure', () => {
  const chairs = [{ deviceId: 'd1', since: at(10) }, { deviceId: 'd2', since: null }];
  it('admits what happened from the start on, on that chair only', () => {
    expect(withinTenure(chairs, 'd1', at(10))).toBe(true);
    expect(withinTenure(chairs, 'd1', at(9).getTime())).toBe(false);
    expect(withinTenure(chairs, 'd2', at(0))).toBe(true);
    expect(withinTenure(chairs, 'd3', at(30))).toBe(false);
    expect(withinTenure(undefined, 'd1', at(30))).toBe(false);
  });
});
