// What a chair's user does through a day in an Indonesian town: trips in the morning and
// afternoon, idle time, charging overnight; randomness comes from an injected generator.
import { CENTRE_UTC_OFFSET_H, localHour } from '../../../schemas/centre-time.ts';

export interface Activity {
  driving: boolean;
  charging: boolean;
  speedMps: number;
}

export type Random = () => number;

/** A small seeded generator (mulberry32) so simulations are repeatable. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class UsageModel {
  private tripLeftS = 0;
  private plugged = false;

  constructor(
    private readonly random: Random,
    /** 0..1: how much this user drives; low values model the "low use" follow-up case. */
    private readonly activity = 0.6,
    /** Hours offset of local time from UTC (WIB = +7). */
    private readonly utcOffsetH = CENTRE_UTC_OFFSET_H,
  ) {}

  next(atMs: number, dtS: number, soc: number): Activity {
    const hour = localHour(atMs, this.utcOffsetH);
    const night = hour >= 21 || hour < 6;
    if (night) {
      // Plugged in at night, mostly; some families forget (the "charging habits" rule).
      if (!this.plugged && this.random() < 0.9 * dtS / 600) this.plugged = true;
      this.tripLeftS = 0;
      return { driving: false, charging: this.plugged, speedMps: 0 };
    }
    if (this.plugged && soc > 0.98) this.plugged = false;
    if (this.plugged && hour >= 7) this.plugged = this.random() > dtS / 1800;
    if (this.tripLeftS > 0) {
      this.tripLeftS -= dtS;
      return { driving: soc > 0.02, charging: false, speedMps: 0.8 + this.random() * 0.9 };
    }
    const busy = (hour >= 7 && hour < 10) || (hour >= 15 && hour < 18);
    const startChance = (busy ? 0.5 : 0.12) * this.activity * (dtS / 900);
    if (this.random() < startChance) {
      this.tripLeftS = 300 + this.random() * 1500;
      this.plugged = false; // a chair does not drive while its charger is plugged in
    }
    return { driving: false, charging: this.plugged, speedMps: 0 };
  }
}
