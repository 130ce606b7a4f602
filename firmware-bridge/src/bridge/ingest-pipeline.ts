// Collects classified messages into batches, commits each batch in one transaction, and only then
// settles them (the caller's `settle` sends the PUBACK). When the database refuses (locked, full),
// the batch is kept and retried with backoff; past `maxPending` the pipeline asks the transport to
// stop reading, so memory stays bounded and nothing is acknowledged that is not stored.
import type { Batch, CommitResult, Rejection, TelemetryStore } from '../../../core/telemetry/telemetry-store.ts';
import type { IngestMetrics } from '../../../core/metrics/ingest-metrics.ts';
import { classify } from './classify.ts';

export interface IngestPipelineOptions {
  store: TelemetryStore;
  prefix: string;
  now?: () => number;
  maxBatch?: number;
  maxPending?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  onCommitted?(result: CommitResult, batch: Batch): void;
  onError?(err: Error, attempt: number): void;
  /** Counted once per commit and per refused commit, for /metrics. */
  metrics?: IngestMetrics;
}

export interface PipelineStats {
  received: number;
  stored: number;
  duplicates: number;
  rejected: number;
  /** Acknowledged without storing: no telemetry consent from the chair's user. */
  withheld: number;
  commits: number;
  failedCommits: number;
}

interface Pending {
  batch: Batch;
  settles: (() => void)[];
}

export class IngestPipeline {
  readonly stats: PipelineStats = { received: 0, stored: 0, duplicates: 0, rejected: 0, withheld: 0, commits: 0, failedCommits: 0 };
  private current: Pending = IngestPipeline.empty();
  private scheduled = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private attempt = 0;
  private closed = false;
  private readonly waiters: (() => void)[] = [];
  private readonly o: Required<Omit<IngestPipelineOptions, 'onCommitted' | 'onError' | 'metrics'>> & Pick<IngestPipelineOptions, 'onCommitted' | 'onError' | 'metrics'>;

  constructor(options: IngestPipelineOptions) {
    this.o = { now: Date.now, maxBatch: 5000, maxPending: 50_000, retryBaseMs: 50, retryMaxMs: 2000, ...options };
  }

  private static empty(): Pending {
    return { batch: { samples: [], rejections: [], statuses: [] }, settles: [] };
  }

  get pending(): number {
    return this.current.settles.length;
  }

  /** True while the pipeline holds more than it may; the transport should pause until `drained()`. */
  get saturated(): boolean {
    return this.pending >= this.o.maxPending;
  }

  /**
   * Adds one message; `settle` runs once it is durably stored (or durably rejected). Returns false
   * after close(): the message stays unacknowledged and the broker delivers it again later.
   */
  push(topic: string, payload: Buffer, settle: () => void, clientId: string | null = null): boolean {
    if (this.closed) return false;
    this.stats.received++;
    const c = classify(topic, payload, { prefix: this.o.prefix, receivedAt: this.o.now(), knowsDevice: (id) => this.o.store.knowsDevice(id) });
    const b = this.current.batch;
    if (c.kind === 'sample') b.samples.push(c.value);
    else if (c.kind === 'status') b.statuses.push(c.value);
    else b.rejections.push({ ...c.value, clientId });
    this.current.settles.push(settle);
    this.schedule();
    return true;
  }

  /** Records a refusal that happened before a message reached the bridge (e.g. at the broker). */
  reject(r: Rejection) {
    this.current.batch.rejections.push(r);
    this.schedule();
  }

  private schedule() {
    if (this.retryTimer) return;
    if (this.pending >= this.o.maxBatch) {
      this.flush();
      return;
    }
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        this.flush();
      });
    }
  }

  /** Commits what is held. Returns true if nothing is left held. */
  flush(): boolean {
    if (this.retryTimer) return false;
    const work = this.current;
    const b = work.batch;
    if (!b.samples.length && !b.rejections.length && !b.statuses.length && !work.settles.length) return true;
    let result: CommitResult;
    try {
      result = this.o.store.commit(b);
    } catch (err) {
      this.stats.failedCommits++;
      this.o.metrics?.commitFailed(err);
      this.attempt++;
      this.o.onError?.(err as Error, this.attempt);
      const delay = Math.min(this.o.retryMaxMs, this.o.retryBaseMs * 2 ** Math.min(this.attempt - 1, 10));
      this.retryTimer = setTimeout(() => {
        this.retryTimer = undefined;
        this.flush();
      }, delay);
      return false;
    }
    this.attempt = 0;
    this.current = IngestPipeline.empty();
    this.stats.commits++;
    this.stats.stored += result.stored;
    this.stats.duplicates += result.duplicates;
    this.stats.withheld += result.withheld;
    this.stats.rejected += b.rejections.length;
    this.o.metrics?.committed(b, result, this.o.now());
    for (const settle of work.settles) settle();
    this.o.onCommitted?.(result, b);
    if (!this.saturated) for (const w of this.waiters.splice(0)) w();
    return true;
  }

  /** Resolves once the pipeline is below its limit again. */
  drained(): Promise<void> {
    return this.saturated ? new Promise((r) => this.waiters.push(r)) : Promise.resolve();
  }

  /** Commits everything held, retrying until it succeeds or the deadline passes. */
  async close(deadlineMs = 10_000): Promise<boolean> {
    this.closed = true;
    const until = Date.now() + deadlineMs;
    for (;;) {
      if (this.retryTimer) {
        clearTimeout(this.retryTimer);
        this.retryTimer = undefined;
      }
      if (this.flush()) return true;
      if (Date.now() > until) return false;
      await new Promise((r) => setTimeout(r, Math.min(200, this.o.retryMaxMs)));
    }
  }
}
