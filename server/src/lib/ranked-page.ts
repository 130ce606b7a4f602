// Pages through rows ordered by a ranked enum column (priority, severity) that the database stores
// as text and cannot sort by rank: count per value, then read only the groups the page touches.

/**
 * The rows at [offset, offset + limit) when ordered by `ranks` (first = first shown), then by
 * whatever order `fetch` applies within a value. Values outside `ranks` are not listed.
 */
export async function rankedPage<V extends string, T>(
  ranks: readonly V[],
  counts: ReadonlyMap<string, number>,
  fetch: (value: V, skip: number, take: number) => Promise<T[]>,
  offset: number,
  limit: number,
): Promise<{ items: T[]; total: number }> {
  const total = ranks.reduce((n, v) => n + (counts.get(v) ?? 0), 0);
  const items: T[] = [];
  let skip = offset;
  for (const value of ranks) {
    if (items.length >= limit) break;
    const n = counts.get(value) ?? 0;
    if (skip >= n) {
      skip -= n;
      continue;
    }
    items.push(...(await fetch(value, skip, limit - items.length)));
    skip = 0;
  }
  return { items, total };
}
