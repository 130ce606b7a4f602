// Small statistics for the centre indicators. Pure.

/**
 * The p-th percentile (0–100) by linear interpolation between closest ranks (the "inclusive"
 * method of spreadsheets' PERCENTILE.INC), so the median of [1, 2, 3, 4] is 2.5; null when empty.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  if (p < 0 || p > 100) throw new RangeError('p must be between 0 and 100');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

export const median = (values: readonly number[]) => percentile(values, 50);

/** A share between 0 and 1 rounded to three decimals, or null when there is nothing to share. */
export function share(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return Math.round((part / whole) * 1000) / 1000;
}

const DAY_MS = 86_400_000;
/** Whole days from one instant to another (rounded: timestamps carry the time of day). */
export const daysBetween = (from: Date, to: Date) => Math.round((to.getTime() - from.getTime()) / DAY_MS);
