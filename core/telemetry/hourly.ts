// Folds a batch's samples into one rollup row per chair and hour before they are upserted.
import type { TelemetryV1 } from '../../schemas/telemetry.ts';

const HOUR = 3_600_000;

/** One chair-hour of `telemetry_hourly` as the store writes it and the server's reader folds it. */
export interface HourlyRollup {
  hour: number;
  n: number;
  socMin: number;
  socMax: number;
  socLast: number;
  voltMin: number;
  tempMax: number;
  ampMin: number;
  chargingN: number;
  odoFirst: number;
  odoLast: number;
  motorFirst: number;
  motorLast: number;
  ahLast: number | null;
  cyclesLast: number | null;
}

export interface HourlyRow extends HourlyRollup {
  deviceKey: number;
  firstId: number;
  lastId: number;
  tsFirst: number;
  tsLast: number;
}

export class HourlyAggregator {
  private readonly rows = new Map<string, HourlyRow>();

  add(deviceKey: number, rawId: number, t: TelemetryV1) {
    const hour = Math.floor(t.ts / HOUR);
    const id = `${deviceKey}:${hour}`;
    const b = t.battery;
    const u = t.usage;
    const a = this.rows.get(id);
    if (!a) {
      this.rows.set(id, {
        deviceKey, hour, n: 1, firstId: rawId, lastId: rawId, tsFirst: t.ts, tsLast: t.ts,
        socMin: b.socPct, socMax: b.socPct, socLast: b.socPct, voltMin: b.voltageV, tempMax: b.tempC, ampMin: b.currentA,
        chargingN: b.charging ? 1 : 0, odoFirst: u.odometerM, odoLast: u.odometerM, motorFirst: u.motorSeconds, motorLast: u.motorSeconds,
        ahLast: b.fullChargeAh ?? null, cyclesLast: b.cycleCount ?? null,
      });
      return;
    }
    a.n++;
    a.firstId = Math.min(a.firstId, rawId);
    a.lastId = Math.max(a.lastId, rawId);
    if (t.ts >= a.tsLast) {
      a.socLast = b.socPct;
      a.ahLast = b.fullChargeAh ?? a.ahLast;
      a.cyclesLast = b.cycleCount ?? a.cyclesLast;
    }
    a.tsFirst = Math.min(a.tsFirst, t.ts);
    a.tsLast = Math.max(a.tsLast, t.ts);
    a.socMin = Math.min(a.socMin, b.socPct);
    a.socMax = Math.max(a.socMax, b.socPct);
    a.voltMin = Math.min(a.voltMin, b.voltageV);
    a.tempMax = Math.max(a.tempMax, b.tempC);
    a.ampMin = Math.min(a.ampMin, b.currentA);
    a.chargingN += b.charging ? 1 : 0;
    a.odoFirst = Math.min(a.odoFirst, u.odometerM);
    a.odoLast = Math.max(a.odoLast, u.odometerM);
    a.motorFirst = Math.min(a.motorFirst, u.motorSeconds);
    a.motorLast = Math.max(a.motorLast, u.motorSeconds);
  }

  /** Hands each row to `upsert` (a prepared statement, or a collector for a multi-row write) and forgets them. */
  flush(upsert: { run(row: HourlyRow): unknown }) {
    for (const a of this.rows.values()) upsert.run(a);
    this.rows.clear();
  }
}
