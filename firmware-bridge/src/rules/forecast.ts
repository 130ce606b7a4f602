// Battery-wear forecast: a least-squares line through capacity (% of rated) over time, and the
// date it crosses the replacement threshold, with the points it used so a technician can judge it.
export interface CapacityPoint {
  t: number; // epoch ms
  capacityPct: number;
}

export interface Forecast {
  /** When the trend crosses the threshold; null if it is flat, rising, or has too few points. */
  crossAt: string | null;
  slopePctPerDay: number | null;
  thresholdPct: number;
  points: CapacityPoint[];
}

const DAY = 86_400_000;

/** Keeps at most one point per day (the last), so a chatty chair does not outweigh a quiet one. */
export function dailyPoints(points: CapacityPoint[]): CapacityPoint[] {
  const byDay = new Map<number, CapacityPoint>();
  for (const p of points) byDay.set(Math.floor(p.t / DAY), p);
  return [...byDay.values()].sort((a, b) => a.t - b.t);
}

export function forecastCrossing(raw: CapacityPoint[], thresholdPct: number, now: number, minPoints = 5): Forecast {
  const points = dailyPoints(raw);
  const base: Forecast = { crossAt: null, slopePctPerDay: null, thresholdPct, points };
  if (points.length < minPoints) return base;
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
  base.slopePctPerDay = Number(slope.toFixed(4));
  if (slope >= 0) return base;
  const days = (thresholdPct - intercept) / slope;
  // Already below: the crossing is now; otherwise the day the line reaches the threshold.
  base.crossAt = new Date(now + Math.max(0, days) * DAY).toISOString();
  return base;
}
