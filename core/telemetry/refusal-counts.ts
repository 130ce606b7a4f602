// Folds a batch's counted refusals (failed CONNECTs) into one row per key and window before they
// are written, so a flood of refused connections costs one upsert per key, not a row each.
import type { Rejection } from './telemetry-store.ts';

interface Count {
  first: number;
  last: number;
  n: number;
  r: Rejection;
}

export class RefusalCounts {
  private readonly rows = new Map<string, Count>();

  get size() {
    return this.rows.size;
  }

  add(r: Rejection, windowMs: number) {
    const window = Math.floor(r.receivedAt / windowMs) * windowMs;
    // Ids are cut as they are stored, so a long forged id and its prefix share their row.
    const key = JSON.stringify([window, r.reason, r.deviceId, r.clientId?.slice(0, 100) ?? null, r.detail.slice(0, 500)]);
    const c = this.rows.get(key);
    if (c) {
      c.n += 1;
      c.first = Math.min(c.first, r.receivedAt);
      c.last = Math.max(c.last, r.receivedAt);
    } else {
      this.rows.set(key, { first: r.receivedAt, last: r.receivedAt, n: 1, r });
    }
  }

  /** Writes each key's count (inside the caller's transaction) and forgets them. */
  flush(upsert: { run(...row: unknown[]): unknown }) {
    for (const [key, c] of this.rows) {
      const { r } = c;
      upsert.run(c.first, c.last, c.n, key, r.deviceId, r.clientId?.slice(0, 100) ?? null, r.topic.slice(0, 300), r.reason, r.detail.slice(0, 500), r.size);
    }
    this.rows.clear();
  }
}
