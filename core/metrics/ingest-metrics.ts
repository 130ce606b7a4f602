// What the ingest pipeline counts after each commit: messages, stored samples, duplicates,
// refusals by reason, batch sizes, and how long samples took to be committed. Plain numbers only
// (no metrics library here): the pipeline calls this once per batch on the hot path, and the
// Prometheus exposition (core/metrics/registry.ts) reads it at scrape time. docs/operations.md.
import type { Batch, CommitResult } from '../telemetry/telemetry-store.ts';
import { FixedHistogram } from './fixed-histogram.ts';

/** Messages per committed batch (samples, statuses and refusals together). */
export const BATCH_SIZE_BUCKETS = [1, 5, 10, 50, 100, 250, 500, 1000, 2500, 5000] as const;
/** Seconds, for publish→commit and receive→commit. The chair resends its backlog after an outage, so the tail is long. */
export const COMMIT_LATENCY_BUCKETS_S = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 3600] as const;

export class IngestMetrics {
  messages = 0;
  samples = 0;
  statuses = 0;
  stored = 0;
  duplicates = 0;
  withheld = 0;
  commits = 0;
  readonly rejectedByReason = new Map<string, number>();
  /** Commits the database refused (and the pipeline retried), by error code, e.g. SQLITE_BUSY. */
  readonly commitFailuresByCode = new Map<string, number>();
  readonly batchSize = new FixedHistogram(BATCH_SIZE_BUCKETS);
  /**
   * Commit time on the bridge's clock minus the sample's own `ts` (the chair's clock at publish).
   * Includes the broker, the bridge's queue and the commit; a chair's clock error and its resent
   * backlog show here too. A chair clock ahead of the bridge counts as 0.
   */
  readonly publishToCommit = new FixedHistogram(COMMIT_LATENCY_BUCKETS_S);
  /** Commit time minus the time the bridge received the message (both on the bridge's clock). */
  readonly receiveToCommit = new FixedHistogram(COMMIT_LATENCY_BUCKETS_S);

  /** Called by the pipeline once per committed batch, with the bridge's clock at the commit. */
  committed(batch: Batch, result: CommitResult, atMs: number) {
    const n = batch.samples.length + batch.statuses.length + batch.rejections.length;
    this.commits++;
    this.messages += n;
    this.samples += batch.samples.length;
    this.statuses += batch.statuses.length;
    this.stored += result.stored;
    this.duplicates += result.duplicates;
    this.withheld += result.withheld;
    if (n > 0) this.batchSize.observe(n);
    for (const s of batch.samples) {
      const published = atMs - s.sample.ts;
      this.publishToCommit.observe(published > 0 ? published / 1000 : 0);
      this.receiveToCommit.observe(Math.max(0, atMs - s.receivedAt) / 1000);
    }
    for (const r of batch.rejections) this.rejectedByReason.set(r.reason, (this.rejectedByReason.get(r.reason) ?? 0) + 1);
  }

  /** Called by the pipeline when the database refused a commit (the batch is kept and retried). */
  commitFailed(err: unknown) {
    const code = (err as { code?: unknown } | null)?.code;
    const key = typeof code === 'string' && /^[A-Za-z0-9_]{1,40}$/.test(code) ? code : 'other';
    this.commitFailuresByCode.set(key, (this.commitFailuresByCode.get(key) ?? 0) + 1);
  }
}
