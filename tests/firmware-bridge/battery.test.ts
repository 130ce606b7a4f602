// Battery physics of the chair simulator: charge bookkeeping, charger taper, chemistry voltage
// curves, cycle counting and capacity fade, and staying inside physical ranges.
import { describe, expect, it } from 'vitest';
import { Battery, type Chemistry, openCircuitVoltage } from '../../firmware-bridge/src/simulator/battery.ts';
import { seededRandom } from '../../firmware-bridge/src/simulator/usage-model.ts';

const HOUR = 3600;
const socs = Array.from({ length: 101 }, (_, i) => i / 100);

/** Discharges at 10 A and recharges at 6 A in 5-minute steps until `cycles` equivalent full cycles are counted. */
function cycleUntil(b: Battery, cycles: number) {
  while (b.cycles < cycles) {
    while (b.soc > 0.1) b.step(-10, 300, 25);
    while (b.soc < 0.95) b.step(6, 300, 25);
  }
}

describe('Battery', () => {
  it('discharging lowers the state of charge by the charge drawn', () => {
    const b = new Battery({ chemistry: 'lifepo4', ratedAh: 20 }, { soc: 0.8 });
    b.step(-10, 0.1 * HOUR, 25); // 1 Ah of 20
    expect(b.soc).toBeCloseTo(0.75, 10);
    expect(b.currentA).toBe(-10);
    b.step(-0.3, HOUR, 25);
    expect(b.soc).toBeCloseTo(0.75 - 0.3 / 20, 10);
  });

  it('charging raises it, tapers above 85 % and stops at full', () => {
    const b = new Battery({ chemistry: 'agm', ratedAh: 20 }, { soc: 0.2 });
    let bulkS = 0;
    let taperS = 0;
    let previous = b.soc;
    for (let i = 0; i < 2000 && (i === 0 || b.currentA !== 0); i++) {
      const before = b.soc;
      b.step(6, 60, 25);
      expect(b.soc).toBeGreaterThanOrEqual(previous);
      previous = b.soc;
      if (before < 0.85) bulkS += 60;
      else taperS += 60;
      if (before >= 0.999) expect(b.currentA).toBe(0);
      else if (before > 0.85) expect(b.currentA).toBeCloseTo(6 * Math.max(0.1, (1 - before) / 0.15), 10);
      else expect(b.currentA).toBe(6);
    }
    expect(b.soc).toBeGreaterThanOrEqual(0.999);
    expect(b.soc).toBeLessThanOrEqual(1);
    expect(b.currentA).toBe(0); // the charger has stopped
    // 0.2 → 0.85 at the full 6 A takes ~2.2 h; the last 15 % takes far longer than its share.
    expect(bulkS / HOUR).toBeCloseTo((0.65 * 20) / 6, 0);
    expect(taperS).toBeGreaterThan(3 * ((0.15 * 20) / 6) * HOUR);
  });

  it('follows the chemistry: AGM slopes across the range, LiFePO4 is flat with steep knees', () => {
    for (const chemistry of ['agm', 'lifepo4'] as Chemistry[]) {
      const v = socs.map((s) => openCircuitVoltage(chemistry, s));
      for (let i = 1; i < v.length; i++) expect(v[i]!).toBeGreaterThanOrEqual(v[i - 1]!);
      for (const x of v) expect(x).toBeGreaterThan(20); // a 24 V pack
      for (const x of v) expect(x).toBeLessThan(29);
    }
    const swing = (c: Chemistry, lo: number, hi: number) => openCircuitVoltage(c, hi) - openCircuitVoltage(c, lo);
    // Mid-range: AGM's voltage tells the charge; LiFePO4's barely moves.
    expect(swing('agm', 0.2, 0.8)).toBeGreaterThan(1.4);
    expect(swing('lifepo4', 0.2, 0.8)).toBeLessThan(0.7);
    // The LiFePO4 knees: the last 10 % drops more than the whole plateau.
    expect(swing('lifepo4', 0, 0.1)).toBeGreaterThan(4 * swing('lifepo4', 0.2, 0.8));
    expect(swing('lifepo4', 0.95, 1)).toBeGreaterThan(swing('lifepo4', 0.5, 0.95));
    expect(openCircuitVoltage('lifepo4', 1)).toBeGreaterThan(openCircuitVoltage('agm', 1));
    // Out-of-range states of charge are clamped.
    expect(openCircuitVoltage('agm', -1)).toBe(openCircuitVoltage('agm', 0));
    expect(openCircuitVoltage('lifepo4', 2)).toBe(openCircuitVoltage('lifepo4', 1));
  });

  it('sags under load and rises on charge, more for AGM (higher internal resistance)', () => {
    const sag = (chemistry: Chemistry, current: number) => {
      const b = new Battery({ chemistry, ratedAh: 50 }, { soc: 0.6 });
      b.step(current, 1, 25);
      return b.voltageV - openCircuitVoltage(chemistry, b.soc);
    };
    expect(sag('agm', -15)).toBeLessThan(0);
    expect(sag('lifepo4', -15)).toBeLessThan(0);
    expect(sag('agm', -15)).toBeLessThan(sag('lifepo4', -15));
    expect(sag('agm', 6)).toBeGreaterThan(0);
  });

  it('counts one cycle per rated capacity discharged, however it is split', () => {
    const b = new Battery({ chemistry: 'lifepo4', ratedAh: 20 }, { soc: 1 });
    b.step(-10, HOUR, 25); // 10 Ah out
    expect(b.cycles).toBe(0);
    b.step(6, 2 * HOUR, 25); // charging never counts
    expect(b.cycles).toBe(0);
    b.step(-10, HOUR, 25); // 20 Ah in total
    expect(b.cycles).toBe(1);
    expect(b.health).toBeCloseTo(1 - 0.0002, 10);
  });

  it('counts only the charge actually drawn when a long step runs the pack empty', () => {
    const b = new Battery({ chemistry: 'agm', ratedAh: 20 }, { soc: 0.5 });
    b.step(-300, 2 * HOUR, 25); // asks for 600 Ah; 10 Ah are there
    expect(b.soc).toBe(0);
    expect(b.cycles).toBe(0);
    b.step(-10, HOUR, 25); // empty: the controller cuts out
    expect(b.currentA).toBe(0);
    b.step(6, 4 * HOUR, 25);
    b.step(-10, HOUR, 25); // 10 more Ah: 20 Ah in total
    expect(b.cycles).toBe(1);
  });

  it('loses capacity with cycles, AGM about five times faster than LiFePO4', () => {
    const agm = new Battery({ chemistry: 'agm', ratedAh: 20 }, { soc: 1 });
    const lfp = new Battery({ chemistry: 'lifepo4', ratedAh: 20 }, { soc: 1 });
    cycleUntil(agm, 100);
    cycleUntil(lfp, 100);
    expect(agm.health).toBeCloseTo(0.9, 6);
    expect(lfp.health).toBeCloseTo(0.98, 6);
    expect((1 - agm.health) / (1 - lfp.health)).toBeCloseTo(5, 6);
    expect(agm.fullChargeAh).toBeCloseTo(18, 6);
    // docs/maintenance-rules.md (battery wear): AGM reaches 70 % around 300–400 cycles, LiFePO4 around 1500.
    const worn = (c: Chemistry, cycles: number) => {
      const b = new Battery({ chemistry: c, ratedAh: 20 }, { soc: 1 });
      cycleUntil(b, cycles);
      return b.health;
    };
    expect(worn('agm', 300)).toBeCloseTo(0.7, 6);
    expect(worn('lifepo4', 1500)).toBeCloseTo(0.7, 6);
  });

  it('never wears below 30 % health', () => {
    const b = new Battery({ chemistry: 'agm', ratedAh: 20 }, { soc: 1, health: 0.3005, cycles: 5000 });
    cycleUntil(b, 5003);
    expect(b.health).toBe(0.3);
  });

  it('never leaves 0–100 % or the voltage range, whatever it is asked', () => {
    const random = seededRandom(2026);
    for (const chemistry of ['agm', 'lifepo4'] as Chemistry[]) {
      const b = new Battery({ chemistry, ratedAh: 5 + random() * 75 }, { soc: random() });
      const seen = { soc: [Infinity, -Infinity], voltageV: [Infinity, -Infinity] };
      let cycles = b.cycles;
      let monotonic = true;
      for (let i = 0; i < 20_000; i++) {
        b.step((random() - 0.5) * 600, random() * 2 * HOUR, -10 + random() * 55);
        for (const k of ['soc', 'voltageV'] as const) seen[k] = [Math.min(seen[k][0]!, b[k]), Math.max(seen[k][1]!, b[k])];
        monotonic &&= b.cycles >= cycles;
        cycles = b.cycles;
      }
      expect(seen.soc).toEqual([0, 1]); // reaches both ends, never beyond
      expect(seen.voltageV[0]).toBeGreaterThanOrEqual(0);
      expect(seen.voltageV[1]).toBeLessThanOrEqual(80);
      expect(monotonic).toBe(true);
      expect(b.cycles).toBeGreaterThan(0);
    }
  });

  it('heats under load and settles to ambient at rest', () => {
    const b = new Battery({ chemistry: 'lifepo4', ratedAh: 20 }, { soc: 0.9, tempC: 30 });
    b.step(-18, 600, 30);
    expect(b.tempC).toBeCloseTo(30 + 18 * 18 * 0.002, 6);
    b.step(0, 300, 20);
    expect(b.tempC).toBeGreaterThan(20);
    b.step(0, 3600, 20);
    expect(b.tempC).toBeCloseTo(20, 6);
  });
});
