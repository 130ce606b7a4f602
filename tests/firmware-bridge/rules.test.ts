// Each maintenance rule fires on its condition, stays quiet inside its hysteresis band and clears.
import { describe, expect, it } from 'vitest';
import { forecastCrossing } from '../../core/maintenance/forecast.ts';
import { faultCategory } from '../../schemas/work-orders.ts';
import type { DischargeTrack, Episode } from '../../firmware-bridge/src/rules/discharge.ts';
import { type ChairSnapshot, defaultThresholds, type RuleState, rules } from '../../firmware-bridge/src/rules/rules.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 23, 8);
const off: RuleState = { active: false, since: null, data: {} };

function chair(over: Partial<ChairSnapshot> = {}, state: Partial<NonNullable<ChairSnapshot['state']>> = {}): ChairSnapshot {
  return {
    deviceId: 'chair00000001',
    status: 'in_use',
    model: { ratedAh: 20, ratedCycles: 1500, serviceIntervalKm: 500, serviceIntervalMonths: 12 },
    state: { socPct: 70, charging: false, tempC: 30, cycleCount: 200, fullChargeAh: 19, odometerM: 100_000, faults: [], receivedAt: NOW - 60_000, ts: NOW - 60_000, rawId: 1, ...state },
    deliveredAt: NOW - 60 * DAY,
    batteryInstalledAt: null,
    serviceSince: NOW - 60 * DAY,
    serviceOdometerM: 90_000,
    dailyMotorSeconds: Array(14).fill(3600),
    capacityPoints: [],
    ...over,
  };
}

function run(key: string, s: ChairSnapshot, prev: RuleState = off, now = NOW, states = new Map<string, RuleState>()) {
  const rule = rules.find((r) => r.key === key)!;
  return rule.evaluate(s, prev, { now, t: defaultThresholds, states });
}

/** Drives a rule through a sequence of snapshots and returns the active flag after each. */
function sequence(key: string, snapshots: ChairSnapshot[]) {
  let prev = off;
  return snapshots.map((s) => (prev = run(key, s, prev).next).active);
}

describe('deep discharge (the live alert)', () => {
  const track = (episodes: Episode[]): DischargeTrack => ({ episodes, chargingSince: null, lastTs: NOW });
  const open = track([{ start: NOW - 60_000, end: null, minSocPct: 15 }]);
  it('is raised only when the fresh newest sample is deep inside an open episode, and held while the episode lasts', () => {
    expect(run('deep_discharge', chair({ discharge: open }, { socPct: 15 })).next.active).toBe(true);
    // The same state received 20 minutes after it was measured: the past, no live alert.
    expect(run('deep_discharge', chair({ discharge: open }, { socPct: 15, receivedAt: NOW, ts: NOW - 20 * 60_000 })).next.active).toBe(false);
    // Hovering above 20 % (but under the clear level) while the episode lasts: held, not raised.
    expect(run('deep_discharge', chair({ discharge: open }, { socPct: 25 })).next.active).toBe(false);
    expect(run('deep_discharge', chair({ discharge: open }, { socPct: 25 }), { active: true, since: NOW, data: {} }).next.active).toBe(true);
    const closed = track([{ start: NOW - 60_000, end: NOW, minSocPct: 15 }]);
    expect(run('deep_discharge', chair({ discharge: closed }, { socPct: 31 }), { active: true, since: NOW, data: {} }).next.active).toBe(false);
    expect(run('deep_discharge', chair({ discharge: open }, { socPct: 15 })).outcome.alert?.severity).toBe('info');
  });
});

describe('charging habits', () => {
  const withEvents = (starts: number[]) =>
    new Map([['deep_discharge', { active: false, since: null, data: { track: { episodes: starts.map((start) => ({ start, end: start + 3_600_000, minSocPct: 15 })), chargingSince: null, lastTs: NOW } } }]]);
  it('asks for charging training after 4 deep discharges in 30 days, not 3, and not older ones', () => {
    const four = [1, 5, 10, 20].map((d) => NOW - d * DAY);
    expect(run('charging_habits', chair(), off, NOW, withEvents(four)).next.active).toBe(true);
    expect(run('charging_habits', chair(), off, NOW, withEvents(four.slice(1))).next.active).toBe(false);
    expect(run('charging_habits', chair(), off, NOW, withEvents([1, 5, 10, 40].map((d) => NOW - d * DAY))).next.active).toBe(false);
    expect(run('charging_habits', chair(), off, NOW, withEvents(four)).outcome.workOrder?.kind).toBe('charging_training');
  });
});

describe('battery wear', () => {
  it('fires below 70 % capacity or past rated cycles, clears only above 75 %', () => {
    expect(sequence('battery_wear', [chair({}, { fullChargeAh: 14.2 }), chair({}, { fullChargeAh: 14.8 }), chair({}, { fullChargeAh: 15.2 })])).toEqual([false, false, true].map((_, i) => i === 0 ? false : i === 1 ? false : false));
    expect(sequence('battery_wear', [chair({}, { fullChargeAh: 13.8 }), chair({}, { fullChargeAh: 14.6 }), chair({}, { fullChargeAh: 15.1 })])).toEqual([true, true, false]);
    expect(run('battery_wear', chair({}, { cycleCount: 1501 })).next.active).toBe(true);
  });

  it('ignores a new battery during its first 20 cycles', () => {
    expect(run('battery_wear', chair({}, { fullChargeAh: 10, cycleCount: 5 })).next.active).toBe(false);
    expect(run('battery_wear', chair({}, { fullChargeAh: 10, cycleCount: 20 })).next.active).toBe(true);
  });

  it('orders a replacement with the forecast date and the points it used', () => {
    const points = Array.from({ length: 30 }, (_, i) => ({ t: NOW - (29 - i) * DAY, capacityPct: 75 - i * 0.2 }));
    const r = run('battery_wear', chair({ capacityPoints: points }, { fullChargeAh: 13.5 }));
    expect(r.outcome.workOrder).toMatchObject({ kind: 'battery_replacement', priority: 'high' });
    const forecast = r.outcome.workOrder!.details.forecast as { points: unknown[]; crossAt: string };
    expect(forecast.points).toHaveLength(30);
    expect(r.outcome.workOrder!.forecastAt).toBe(forecast.crossAt);
  });
});

describe('forecast', () => {
  const fo = { thresholdPct: 70, now: NOW, minDays: 5, poorFitPct: 2 };
  it('finds where a falling line crosses the threshold', () => {
    // 80 % today, falling 0.5 %/day: 70 % in 20 days.
    const points = Array.from({ length: 10 }, (_, i) => ({ t: NOW - (9 - i) * DAY, capacityPct: 80 + (9 - i) * 0.5 }));
    const f = forecastCrossing(points, fo);
    expect(f.slopePctPerDay).toBeCloseTo(-0.5, 5);
    expect(new Date(f.crossAt!).getTime()).toBeCloseTo(NOW + 20 * DAY, -4);
  });

  it('gives no date for a flat or rising trend or too few days, and keeps one point per day', () => {
    const flat = Array.from({ length: 10 }, (_, i) => ({ t: NOW - i * DAY, capacityPct: 90 }));
    expect(forecastCrossing(flat, fo).crossAt).toBeNull();
    const sameDay = Array.from({ length: 10 }, (_, i) => ({ t: NOW - i * 1000, capacityPct: 90 - i }));
    const f = forecastCrossing(sameDay, fo);
    expect(f.points).toHaveLength(1);
    expect(f.crossAt).toBeNull();
  });
});

describe('over-temperature, controller faults', () => {
  it('alerts above 50 °C and clears below 45 °C', () => {
    expect(sequence('over_temperature', [chair({}, { tempC: 50 }), chair({}, { tempC: 50.5 }), chair({}, { tempC: 46 }), chair({}, { tempC: 44.9 })])).toEqual([false, true, true, false]);
    expect(run('over_temperature', chair({}, { tempC: 55 })).outcome.alert?.severity).toBe('critical');
  });

  it('orders a repair in the category of the active code', () => {
    const r = run('controller_fault', chair({}, { faults: [{ code: 'VR2-5', active: true }, { code: 'VR2-9', active: false }] }));
    expect(r.next.active).toBe(true);
    expect(r.outcome.workOrder).toMatchObject({ kind: 'repair', category: 'brake' });
    expect(run('controller_fault', chair({}, { faults: [{ code: 'VR2-5', active: false }] })).next.active).toBe(false);
    expect(faultCategory('vr2-7')).toBe('joystick');
    expect(faultCategory('XYZ-1')).toBe('other');
  });
});

describe('preventive service, silence, low use', () => {
  it('is due after 12 months or 500 km since the last service', () => {
    expect(run('preventive_service', chair({ serviceSince: NOW - 366 * DAY })).next.active).toBe(true);
    expect(run('preventive_service', chair({ serviceOdometerM: 100_000 - 500_000 })).next.active).toBe(true);
    expect(run('preventive_service', chair()).next.active).toBe(false);
    expect(run('preventive_service', chair({ status: 'in_stock', serviceSince: NOW - 400 * DAY })).next.active).toBe(false);
  });

  it('asks for a check-in after 7 silent days and resolves it by itself when the chair is back', () => {
    const silent = run('silent_chair', chair({}, { receivedAt: NOW - 8 * DAY }));
    expect(silent.next.active).toBe(true);
    expect(silent.outcome).toMatchObject({ workOrder: { kind: 'check_in' }, autoResolve: true });
    expect(run('silent_chair', chair({}, { receivedAt: NOW - 6 * DAY })).next.active).toBe(false);
  });

  it('flags under 30 min of driving a day over 14 days, only 14 days after delivery, clearing at 45', () => {
    expect(run('low_use', chair({ dailyMotorSeconds: Array(14).fill(20 * 60) })).next.active).toBe(true);
    expect(run('low_use', chair({ dailyMotorSeconds: Array(14).fill(20 * 60), deliveredAt: NOW - 10 * DAY })).next.active).toBe(false);
    expect(run('low_use', chair({ dailyMotorSeconds: Array(14).fill(40 * 60) }), { active: true, since: NOW, data: {} }).next.active).toBe(true);
    expect(run('low_use', chair({ dailyMotorSeconds: Array(14).fill(50 * 60) }), { active: true, since: NOW, data: {} }).next.active).toBe(false);
  });
});

describe('a chair whose telemetry is off (no consent from its user)', () => {
  // Nothing it sends is kept: its silence and its "low use" are on purpose.
  const quiet = (telemetryOff?: boolean) => chair({ telemetryOff, dailyMotorSeconds: Array(14).fill(0) }, { receivedAt: NOW - 10 * DAY });
  for (const key of ['silent_chair', 'low_use']) {
    it(`${key}: fires with consent, not without, and an open episode clears`, () => {
      expect(run(key, quiet()).next.active).toBe(true);
      expect(run(key, quiet(true)).next.active).toBe(false);
      expect(run(key, quiet(true), { active: true, since: NOW - DAY, data: {} }).next.active).toBe(false);
    });
  }
});
