// The fleet's health rules as pure functions: risk levels and reasons, and when service is due.
import { describe, expect, it } from 'vitest';
import { addMonths, assessHealth, capacityPct, serviceDue } from '../../server/src/devices/fleet-health.ts';

const now = Date.parse('2026-11-23T08:00:00Z');
const H = 3_600_000;
const healthy = { receivedAt: now - 60_000, socPct: 80, charging: false, fullChargeAh: 19 };
const base = { electric: true, inUse: true, state: healthy, ratedAh: 20, alerts: {}, now };

describe('assessHealth', () => {
  it('is ok for a recently heard, charged chair with a healthy battery and no alerts', () => {
    expect(assessHealth(base)).toEqual({ risk: 'ok', reasons: [] });
  });

  it('takes the most serious reason as the level, and lists every reason', () => {
    expect(assessHealth({ ...base, alerts: { info: 2 } })).toEqual({ risk: 'low', reasons: ['info_alert'] });
    expect(assessHealth({ ...base, alerts: { warning: 1, info: 1 } })).toEqual({ risk: 'medium', reasons: ['warning_alert', 'info_alert'] });
    expect(assessHealth({ ...base, alerts: { critical: 1 }, state: { ...healthy, socPct: 10 } })).toEqual({ risk: 'high', reasons: ['critical_alert', 'low_charge'] });
  });

  it('grades battery capacity against the rated Ah: below 80 % wearing, below 70 % worn', () => {
    expect(assessHealth({ ...base, state: { ...healthy, fullChargeAh: 15.8 } }).reasons).toEqual(['battery_wearing']);
    expect(assessHealth({ ...base, state: { ...healthy, fullChargeAh: 13.9 } })).toEqual({ risk: 'high', reasons: ['battery_worn'] });
    expect(assessHealth({ ...base, ratedAh: null, state: { ...healthy, fullChargeAh: 5 } }).risk).toBe('ok');
  });

  it('low charge counts only when not charging', () => {
    expect(assessHealth({ ...base, state: { ...healthy, socPct: 12, charging: true } }).risk).toBe('ok');
    expect(assessHealth({ ...base, state: { ...healthy, socPct: 12, charging: false } }).reasons).toEqual(['low_charge']);
  });

  it('silence matters for chairs in use: a day is medium, a week is high; never reporting is low', () => {
    expect(assessHealth({ ...base, state: { ...healthy, receivedAt: now - 25 * H } })).toEqual({ risk: 'medium', reasons: ['silent'] });
    expect(assessHealth({ ...base, state: { ...healthy, receivedAt: now - 7 * 24 * H } })).toEqual({ risk: 'high', reasons: ['silent'] });
    expect(assessHealth({ ...base, state: undefined })).toEqual({ risk: 'low', reasons: ['never_reported'] });
    expect(assessHealth({ ...base, inUse: false, state: { ...healthy, receivedAt: now - 30 * 24 * H } }).risk).toBe('ok');
  });

  it('manual chairs are judged by their alerts only', () => {
    expect(assessHealth({ ...base, electric: false, state: undefined })).toEqual({ risk: 'ok', reasons: [] });
    expect(assessHealth({ ...base, electric: false, state: undefined, alerts: { critical: 1 } }).risk).toBe('high');
  });

  it('capacity is a percentage with one decimal', () => {
    expect(capacityPct(18.6, 20)).toBe(93);
    expect(capacityPct(13.33, 40)).toBe(33.3);
    expect(capacityPct(null, 20)).toBeNull();
  });
});

describe('serviceDue', () => {
  const device = { createdAt: new Date('2026-01-15T00:00:00Z'), lastServiceAt: null, lastServiceOdometerM: null, serviceIntervalMonths: 12, serviceIntervalKm: 500 };

  it('is due twelve months after registration when never serviced', () => {
    const s = serviceDue({ ...device, odometerM: 100_000, now: new Date(now) });
    expect(s).toEqual({ lastServiceAt: null, dueAt: '2027-01-15T00:00:00.000Z', kmSinceService: 100, kmInterval: 500, due: false });
    expect(serviceDue({ ...device, odometerM: 100_000, now: new Date('2027-01-15T00:00:00Z') }).due).toBe(true);
  });

  it('is due once 500 km are driven since the last service, whatever the date', () => {
    const last = new Date('2026-10-01T00:00:00Z');
    expect(serviceDue({ ...device, lastServiceAt: last, lastServiceOdometerM: 1_000_000, odometerM: 1_499_949, now: new Date(now) }).due).toBe(false);
    const s = serviceDue({ ...device, lastServiceAt: last, lastServiceOdometerM: 1_000_000, odometerM: 1_500_000, now: new Date(now) });
    expect(s).toMatchObject({ kmSinceService: 500, due: true, dueAt: '2027-10-01T00:00:00.000Z', lastServiceAt: last.toISOString() });
  });

  it('without an odometer (manual chairs) it goes by months only', () => {
    expect(serviceDue({ ...device, serviceIntervalKm: null, odometerM: undefined, now: new Date(now) })).toMatchObject({ kmSinceService: null, due: false });
  });

  it('adds calendar months, clamping to the end of shorter months', () => {
    expect(addMonths(new Date('2026-01-31T10:00:00Z'), 1).toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(addMonths(new Date('2024-01-31T00:00:00Z'), 1).toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(addMonths(new Date('2026-11-30T00:00:00Z'), 3).toISOString()).toBe('2027-02-28T00:00:00.000Z');
  });
});
