// The chair simulator offline: a repeatable usage model and valid Telemetry v1 samples over simulated weeks.
import { describe, expect, it } from 'vitest';
import { TelemetryV1 } from '../../schemas/telemetry.ts';
import { SimulatedChair, type SimulatedChairOptions } from '../../firmware-bridge/src/simulator/chair.ts';
import { type Random, seededRandom, UsageModel } from '../../firmware-bridge/src/simulator/usage-model.ts';

const MIN = 60_000;
/** 00:00 UTC is 07:00 in Jakarta (WIB), the model's default time zone. */
const MONDAY = Date.UTC(2026, 0, 5);
const localHour = (ms: number, offsetH = 7) => (new Date(ms).getUTCHours() + offsetH) % 24;
/** A generator that replays the given values, then repeats the last one. */
const scripted = (...values: number[]): Random => () => (values.length > 1 ? values.shift()! : values[0]!);

describe('usage model', () => {
  const day = (random: Random, activity = 0.6, days = 3) => {
    const model = new UsageModel(random, activity);
    return Array.from({ length: days * 24 * 60 }, (_, i) => ({ at: MONDAY + i * MIN, ...model.next(MONDAY + i * MIN, 60, 0.6) }));
  };

  it('repeats itself exactly for the same seed, and not for another', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const first = Array.from({ length: 1000 }, a);
    expect(Array.from({ length: 1000 }, b)).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(day(seededRandom(7))).toEqual(day(seededRandom(7)));
    expect(day(seededRandom(8))).not.toEqual(day(seededRandom(7)));
  });

  it('drives in the day, more in the busy hours, and charges at night', () => {
    const minutes = day(seededRandom(11), 1, 14);
    const driving = minutes.filter((m) => m.driving);
    expect(driving.length).toBeGreaterThan(14 * 30); // at least half an hour a day at full activity
    expect(driving.filter((m) => localHour(m.at) >= 21 || localHour(m.at) < 6)).toEqual([]);
    const busy = driving.filter((m) => [7, 8, 9, 15, 16, 17].includes(localHour(m.at))).length;
    expect(busy).toBeGreaterThan(driving.length - busy); // 6 busy hours out of 15 carry most trips
    const nights = minutes.filter((m) => localHour(m.at) >= 22 || localHour(m.at) < 5);
    expect(nights.filter((m) => m.charging).length / nights.length).toBeGreaterThan(0.8);
    expect(driving.every((m) => !m.charging && m.speedMps >= 0.8 && m.speedMps <= 1.7)).toBe(true);
    expect(day(seededRandom(11), 0, 7).some((m) => m.driving)).toBe(false);
  });

  it('works west of UTC too (a negative offset)', () => {
    // 01:00 UTC is 20:00 the day before at UTC-5: daytime, so a trip may start (not the night path).
    const model = new UsageModel(() => 0, 1, -5);
    const at = Date.UTC(2026, 0, 5, 1);
    expect(model.next(at, 60, 0.6)).toEqual({ driving: false, charging: false, speedMps: 0 });
    expect(model.next(at + MIN, 60, 0.6).driving).toBe(true);
  });

  it('unplugs the charger to drive, and does not charge after the trip until plugged in again', () => {
    // Night: plugged in. Morning: stays plugged (0.9), then a trip starts (0) and lasts 300 s.
    const model = new UsageModel(scripted(0, 0.9, 0, 0, 0.5), 1);
    expect(model.next(MONDAY - 5 * 60 * MIN, 60, 0.5).charging).toBe(true); // 02:00 WIB
    expect(model.next(MONDAY + 30 * MIN, 60, 0.5)).toMatchObject({ driving: false, charging: false }); // 07:30, trip starts
    expect(model.next(MONDAY + 31 * MIN, 60, 0.5)).toMatchObject({ driving: true, charging: false });
    for (let i = 0; i < 5; i++) model.next(MONDAY + (32 + i) * MIN, 60, 0.5);
    expect(model.next(MONDAY + 40 * MIN, 60, 0.5)).toMatchObject({ driving: false, charging: false });
  });
});

describe('simulated chair, offline', () => {
  const offlineChair = (o: Partial<SimulatedChairOptions> = {}) => {
    const clock = { now: MONDAY };
    const chair = new SimulatedChair({ deviceId: 'offline0chair', secret: 'unused', url: 'mqtt://127.0.0.1:9', random: seededRandom(5), ringSize: 100, now: () => clock.now, ...o });
    chair.bootId = 'offline-boot'; // not powered up: samples stay in the ring
    return { chair, clock };
  };

  it('produces valid Telemetry v1 for a simulated fortnight, repeatably', () => {
    const run = () => {
      const { chair, clock } = offlineChair({ chemistry: 'agm', ratedAh: 40, activity: 1 });
      return Array.from({ length: 14 * 24 * 12 }, () => ((clock.now += 5 * MIN), chair.tick()));
    };
    const samples = run();
    expect(run()).toEqual(samples);
    const invalid = samples.filter((s) => !TelemetryV1.safeParse(s).success);
    expect(invalid).toEqual([]);
    expect(samples.map((s) => s.seq)).toEqual(samples.map((_, i) => i));
    for (let i = 1; i < samples.length; i++) {
      const [a, b] = [samples[i - 1]!, samples[i]!];
      expect(b.usage.odometerM).toBeGreaterThanOrEqual(a.usage.odometerM);
      expect(b.usage.motorSeconds).toBeGreaterThanOrEqual(a.usage.motorSeconds);
      expect(b.battery.cycleCount!).toBeGreaterThanOrEqual(a.battery.cycleCount!);
    }
    expect(samples.every((s) => s.battery.charging === s.battery.currentA > 0)).toBe(true);
    expect(samples.at(-1)!.usage.odometerM - samples[0]!.usage.odometerM).toBeGreaterThan(14 * 1000);
    const socs = samples.map((s) => s.battery.socPct);
    expect(Math.max(...socs) - Math.min(...socs)).toBeGreaterThan(30); // real discharge and charge swings
  });

  it('keeps the fractions of short ticks in its lifetime counters', () => {
    // random() = 0: a trip starts at once, at 0.8 m/s; 200 ms per tick in real time.
    const { chair, clock } = offlineChair({ random: () => 0 });
    const first = chair.tick();
    let last = first;
    for (let i = 0; i < 100; i++) {
      clock.now += 200;
      last = chair.tick();
    }
    expect(last.usage.motorSeconds - first.usage.motorSeconds).toBeGreaterThanOrEqual(19);
    expect(last.usage.odometerM - first.usage.odometerM).toBeGreaterThanOrEqual(15);
  });

  it('loses the oldest samples when the ring buffer is full', () => {
    const { chair, clock } = offlineChair({ ringSize: 5 });
    for (let i = 0; i < 8; i++) ((clock.now += MIN), chair.tick());
    expect(chair.ring.map((e) => e.seq)).toEqual([3, 4, 5, 6, 7]);
    expect(chair.produced).toBe(8);
  });
});
