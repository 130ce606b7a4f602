// Battery-wear forecast: a least-squares line through daily capacity (% of rated) of the current
// battery, the date it crosses the replacement threshold, and, when the points scatter, the band
// of dates the crossing may fall in, with the points it used so a technician can judge it.
export interface CapacityPoint {
  t: number; // epoch ms
  capacityPct: number;
}

export interface Forecast {
  /** When the trend crosses the threshold; null if it is flat, rising, or has too few points. */
  crossAt: string | null;
  /** Poor fit only: the crossing of the line shifted up / down by twice the RMS residual. */
  earliestAt: string | null;
  latestAt: string | null;
  slopePctPerDay: number | null;
  /** Where the line is today (capacity %), so a chart can draw it. */
  linePctToday: number | null;
  residualPct: number | null;
  poorFit: boolean;
  /** Days of points still missing before there is a line at all. */
  needsDays: number;
  thresholdPct: number;
  points: CapacityPoint[];
}

export interface ForecastOptions {
  thresholdPct: number;
  now: number;
  minDays: number;
  poorFitPct: number;
}

const DAY = 86_400_000;

/** Keeps at most one point per day (the last), so a chatty chair does not outweigh a quiet one. */
export function dailyPoints(points: CapacityPoint[]): CapacityPoint[] {
  const byDay = new Map<number, CapacityPoint>();
  for (const p of points) byDay.set(Math.floor(p.t / DAY), p);
  return [...byDay.values()].sort((a, b) => a.t - b.t);
}

export function forecastCrossing(raw: CapacityPoint[], o: ForecastOptions): Forecast {
  const { now, thresholdPct } = o;
  const points = dailyPoints(raw).map((p) => ({ t: p.t, capacityPct: Number(p.capacityPct.toFixed(2)) }));
  const base: Forecast = {
    crossAt: null, earliestAt: null, latestAt: null, slopePctPerDay: null, linePctToday: null, residualPct: null, poorFit: false,
    needsDays: Math.max(0, o.minDays - points.length), thresholdPct, points,
  };
  if (base.needsDays > 0) return base;
  const xs = points.map((p) => (p.t - now) / DAY);
  const ys = points.map((p) => p.capacityPct);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
  }
  if (sxx === 0) return base;
  const slope = sxy / sxx;
  const intercept = my - slope * mx; // capacity today, on the line
  const rms = Math.sqrt(ys.reduce((a, y, i) => a + (y - (intercept + slope * xs[i]!)) ** 2, 0) / ys.length);
  base.slopePctPerDay = Number(slope.toFixed(4));
  base.linePctToday = Number(intercept.toFixed(2));
  base.residualPct = Number(rms.toFixed(2));
  base.poorFit = rms > o.poorFitPct;
  if (slope >= 0) return base;
  // Already below: the crossing is now; otherwise the day the line reaches the threshold.
  const at = (shift: number) => new Date(now + Math.max(0, (thresholdPct - intercept - shift) / slope) * DAY).toISOString();
  base.crossAt = at(0);
  if (base.poorFit) {
    base.earliestAt = at(-2 * rms);
    base.latestAt = at(2 * rms);
  }
  return base;
}
