// Long lists for IN (...) lookups, cut into slices: SQLite and PostgreSQL take long IN lists, but not unbounded ones.
export const IN_SLICE = 500;

/** The items in consecutive slices of at most `size`. */
export function slices<T>(items: readonly T[], size = IN_SLICE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Runs `find` on each slice of the distinct `keys` and joins the results (one query per slice). */
export async function findInSlices<K, R>(keys: readonly K[], find: (part: K[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (const part of slices([...new Set(keys)])) out.push(...(await find(part)));
  return out;
}
