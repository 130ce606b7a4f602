// Battery physics of an electric wheelchair pack (24 V nominal): state of charge from current,
// open-circuit voltage per chemistry, sag under load, heating, cycle counting and capacity fade.
export type Chemistry = 'agm' | 'lifepo4';

export interface BatteryParams {
  chemistry: Chemistry;
  ratedAh: number;
  /** Capacity lost per equivalent full cycle (AGM wears ~5x faster than LiFePO4: ~300 vs ~1500 cycles to 70 %). */
  fadePerCycle?: number;
}

/** Open-circuit voltage (V) of a 24 V pack at a state of charge in [0, 1]. */
export function openCircuitVoltage(chemistry: Chemistry, soc: number): number {
  const s = Math.min(1, Math.max(0, soc));
  if (chemistry === 'agm') return 23.0 + 2.6 * s - (s < 0.2 ? (0.2 - s) * 6 : 0);
  // LiFePO4 (8 cells): a long flat plateau with steep knees at both ends.
  const knee = s < 0.1 ? (0.1 - s) * 25 : 0;
  const top = s > 0.95 ? (s - 0.95) * 20 : 0;
  return 25.6 + 1.0 * (s - 0.5) - knee + top;
}

export class Battery {
  soc: number;
  health: number;
  cycles = 0;
  tempC: number;
  currentA = 0;
  private throughputAh = 0;
  readonly params: Required<BatteryParams>;

  constructor(params: BatteryParams, init: { soc?: number; health?: number; cycles?: number; tempC?: number } = {}) {
    this.params = { fadePerCycle: params.chemistry === 'agm' ? 0.001 : 0.0002, ...params };
    this.soc = init.soc ?? 0.9;
    this.health = init.health ?? 1;
    this.cycles = init.cycles ?? 0;
    this.tempC = init.tempC ?? 30;
  }

  get fullChargeAh(): number {
    return this.params.ratedAh * this.health;
  }

  get voltageV(): number {
    const internalOhm = this.params.chemistry === 'agm' ? 0.06 : 0.03;
    return Math.max(0, openCircuitVoltage(this.params.chemistry, this.soc) + this.currentA * internalOhm);
  }

  /** Applies a current (A; negative discharges) for dt seconds at an ambient temperature. */
  step(currentA: number, dtS: number, ambientC: number) {
    let current = currentA;
    if (current > 0 && this.soc >= 0.999) current = 0; // the charger stops at full
    if (current < 0 && this.soc <= 0.001) current = 0; // the controller cuts out when empty
    // Charging tapers above 85 % (absorption phase).
    if (current > 0 && this.soc > 0.85) current *= Math.max(0.1, (1 - this.soc) / 0.15);
    this.currentA = current;
    const ah = (current * dtS) / 3600;
    // Wear counts the charge actually drawn: a long step cannot take more than is left in the pack.
    const drawnAh = Math.min(-ah, this.soc * this.fullChargeAh);
    this.soc = Math.min(1, Math.max(0, this.soc + ah / this.fullChargeAh));
    if (drawnAh > 0) {
      this.throughputAh += drawnAh;
      while (this.throughputAh >= this.params.ratedAh) {
        this.throughputAh -= this.params.ratedAh;
        this.cycles++;
        this.health = Math.max(0.3, this.health - this.params.fadePerCycle);
      }
    }
    // First-order thermal model: I²R heating against cooling towards ambient.
    const heating = (current * current) * 0.002;
    this.tempC += ((ambientC + heating - this.tempC) * Math.min(dtS, 600)) / 600;
  }
}
