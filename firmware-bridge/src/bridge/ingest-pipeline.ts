// Collects messages into batches, commits each batch in one transaction, and only then settles
// them (the caller's `settle` sends the PUBACK). Commits are strictly serial: one batch is in
// flight at a time, and what arrives meanwhile waits for the next. When the database refuses
// (locked, full), the batch is kept and retried with backoff; past `maxPending` the pipeline asks
// the transport to stop reading, so memory stays bounded and nothing is acknowledged that is not stored.
import type { Batch, CommitResult, Rejection, TelemetryStore } from '../../../core/telemetry/telemetry-store.ts';
import { parseChairTopic } from '../../../schemas/telemetry.ts';
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
  /** Runs after each commit, before the next one starts: what it awaits sees this commit and no later one. */
  onCommitted?(result: CommitResult, batch: Batch): void | Promise<void>;
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

/** A message as it arrived; classified when its batch is committed (one registry look-up per batch). */
interface Incoming {
  topic: string;
  payload: Buffer;
  receivedAt: number;
  clientId: string | null;
}

interface Pending {
  incoming: Incoming[];
  batch: Batch;
  settles: (() => void)[];
}

export class IngestPipeline {
  readonly stats: PipelineStats = { received: 0, stored: 0, duplicates: 0, rejected: 0, withheld: 0, commits: 0, failedCommits: 0 };
  private current: Pending = IngestPipeline.empty();
  /** The commit in flight, and how many messages it holds. */
  private running: Promise<void> | undefined;
  private runningCount = 0;
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
    return { incoming: [], batch: { samples: [], rejections: [], statuses: [] }, settles: [] };
  }

  /** Messages received and not yet settled (held, or in the commit in flight). */
  get pending(): number {
    return this.current.settles.length + this.runningCount;
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
    this.current.incoming.push({ topic, payload, receivedAt: this.o.now(), clientId });
    this.current.settles.push(settle);
    this.schedule();
    return true;
  }

  /** Records a refusal that happened before a message reached the bridge (e.g. at the broker). */
  reject(r: Rejection) {
    this.current.batch.rejections.push(r);
    this.schedule();
  }

  private get idle(): boolean {
    const { incoming, batch: b, settles } = this.current;
    return !incoming.length && !b.samples.length && !b.rejections.length && !b.statuses.length && !settles.length;
  }

  private schedule() {
    // A commit in flight or a retry waiting picks up what is held when it ends.
    if (this.retryTimer || this.running) return;
    if (this.current.settles.length >= this.o.maxBatch) {
      this.start();
      return;
    }
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        this.start();
      });
    }
  }

  /** Starts committing what is held, unless a commit is in flight, a retry is waiting or nothing is held. */
  private start() {
    if (this.running || this.retryTimer || this.idle) return;
    const work = this.current;
    this.current = IngestPipeline.empty();
    this.runningCount = work.settles.length;
    this.running = this.commit(work).finally(() => {
      this.running = undefined;
      this.runningCount = 0;
      if (!this.idle) this.schedule();
    });
  }

  private async commit(work: Pending) {
    const b = work.batch;
    let result: CommitResult;
    try {
      await this.classifyIncoming(work);
      result = await this.o.store.commit(b);
    } catch (err) {
      // Kept, ahead of what arrived meanwhile, for the retry.
      this.current = {
        incoming: [...work.incoming, ...this.current.incoming],
        batch: { samples: [...b.samples, ...this.current.batch.samples], rejections: [...b.rejections, ...this.current.batch.rejections], statuses: [...b.statuses, ...this.current.batch.statuses] },
        settles: [...work.settles, ...this.current.settles],
      };
      this.runningCount = 0;
      this.stats.failedCommits++;
      this.o.metrics?.commitFailed(err);
      this.attempt++;
      this.o.onError?.(err as Error, this.attempt);
      const delay = Math.min(this.o.retryMaxMs, this.o.retryBaseMs * 2 ** Math.min(this.attempt - 1, 10));
      this.retryTimer = setTimeout(() => {
        this.retryTimer = undefined;
        this.start();
      }, delay);
      return;
    }
    this.attempt = 0;
    this.stats.commits++;
    this.stats.stored += result.stored;
    this.stats.duplicates += result.duplicates;
    this.stats.withheld += result.withheld;
    this.stats.rejected += b.rejections.length;
    this.o.metrics?.committed(b, result, this.o.now());
    for (const settle of work.settles) settle();
    const after = this.o.onCommitted?.(result, b);
    if (after) await after;
    this.runningCount = 0;
    if (!this.saturated) for (const w of this.waiters.splice(0)) w();
  }

  /** Turns the batch's raw messages into samples, statuses and rejections, asking the registry once. */
  private async classifyIncoming(work: Pending) {
    if (!work.incoming.length) return;
    const ids = new Set<string>();
    for (const m of work.incoming) {
      const t = parseChairTopic(m.topic, this.o.prefix);
      if (t && t.kind !== 'ack') ids.add(t.deviceId);
    }
    const known = await this.o.store.knownDevices(ids);
    const b = work.batch;
    for (const m of work.incoming) {
      const c = classify(m.topic, m.payload, { prefix: this.o.prefix, receivedAt: m.receivedAt, knowsDevice: (id) => known.has(id) });
      if (c.kind === 'sample') b.samples.push(c.value);
      else if (c.kind === 'status') b.statuses.push(c.value);
      else b.rejections.push({ ...c.value, clientId: m.clientId });
    }
    work.incoming = [];
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
      await this.running;
      if (this.retryTimer) {
        clearTimeout(this.retryTimer);
        this.retryTimer = undefined;
      }
      this.start();
      await this.running;
      if (this.idle) return true;
      if (Date.now() > until) return false;
      await new Promise((r) => setTimeout(r, Math.min(200, this.o.retryMaxMs)));
    }
  }
}
