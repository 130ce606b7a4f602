// A histogram with fixed bucket bounds kept in plain numbers, cheap enough to observe once per
// sample on the ingest hot path; the Prometheus exposition reads it only when /metrics is scraped.

export class FixedHistogram {
  /** Observations per bucket (not cumulative); the last slot is +Inf. */
  readonly counts: Float64Array;
  sum = 0;
  count = 0;

  constructor(readonly bounds: readonly number[]) {
    for (let i = 1; i < bounds.length; i++) {
      if (!(bounds[i]! > bounds[i - 1]!)) throw new Error('FixedHistogram: bounds must increase');
    }
    this.counts = new Float64Array(bounds.length + 1);
  }

  observe(value: number) {
    const b = this.bounds;
    let i = 0;
    while (i < b.length && value > b[i]!) i++;
    this.counts[i]!++;
    this.sum += value;
    this.count++;
  }

  /** Cumulative counts per upper bound, as Prometheus wants them (`le`), ending with +Inf. */
  cumulative(): { le: string; count: number }[] {
    let running = 0;
    const out: { le: string; count: number }[] = [];
    for (let i = 0; i < this.counts.length; i++) {
      running += this.counts[i]!;
      out.push({ le: i < this.bounds.length ? String(this.bounds[i]) : '+Inf', count: running });
    }
    return out;
  }
}
