// Telemetry retention policy shared by every store: where the raw horizon lies (TELEMETRY_RAW_DAYS),
// which resolution a read past it is served at, and the run that removes old raw samples in small
// batches with pauses between them, so ingest commits in the gaps. Hourly rollups are kept for good.
import { setTimeout as sleep } from 'node:timers/promises';
import { TELEMETRY_LIMITS, type TelemetryResolution } from '../../schemas/devices.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The defaults of the policy; TELEMETRY_RAW_DAYS sets `rawDays` (core/config/env.ts). */
export const RETENTION = {
  rawDays: TELEMETRY_LIMITS.rawDaysDefault,
  /** Raw rows one batch looks at (and at most deletes): a few milliseconds of write lock. */
  batchRows: 2000,
  /** Pause between batches, when the bridge's commits get the lock. */
  pauseMs: 10,
  /** How often the job runs in the bridge process, and how soon after start the first run comes. */
  intervalMs: 15 * 60_000,
  firstRunMs: 60_000,
  /** A batch refused because another connection holds the write lock is retried this many times. */
  busyRetries: 5,
} as const;

/**
 * The raw horizon at `now`: the start of the hour `rawDays` days ago. Raw samples with a device time
 * before it are removed; hour-aligned so that the hourly rollups answer exactly what raw no longer can.
 */
export function rawHorizon(now: number, rawDays: number): number {
  return Math.floor((now - rawDays * DAY_MS) / HOUR_MS) * HOUR_MS;
}

/** A raw read that starts before the horizon is answered from hourly rollups; others as asked. */
export function servedResolution(requested: TelemetryResolution, from: number, horizon: number): TelemetryResolution {
  return requested === 'raw' && from < horizon ? 'hour' : requested;
}

/** One batch of a store's raw pruning: rows from `fromId` on (in storage order), at most `limit` of them looked at. */
export interface RawPruneBatch {
  deleted: number;
  /** Where the next batch starts; null when the run is done (nothing left that arrived before the horizon). */
  nextId: number | null;
}

/** What a store implements to take part in retention (SQLite: batched deletes; PostgreSQL: dropping partitions). */
export interface RawPruner {
  pruneBatch(horizon: number, fromId: number, limit: number): Promise<RawPruneBatch>;
}

export interface RetentionRunOptions {
  horizon: number;
  batchRows?: number;
  pauseMs?: number;
  busyRetries?: number;
  /** Called after each batch (progress). */
  onBatch?(batch: RawPruneBatch & { index: number }): void;
  /** Stops the run between batches (the process is shutting down); the next run goes on from the start. */
  signal?: AbortSignal;
}

export interface RetentionRunResult {
  horizon: number;
  deleted: number;
  batches: number;
  ms: number;
  /** Batches refused for a busy database that were retried. */
  busyRetries: number;
  /** Stopped by the signal before the end. */
  stopped: boolean;
}

const isBusy = (err: unknown) => ['SQLITE_BUSY', 'SQLITE_LOCKED'].includes((err as { code?: string }).code ?? '');

/**
 * Removes raw samples older than the horizon, batch after batch. Idempotent: a second run at once
 * (another bridge, an overlapping timer) deletes what the first has not, and both stop at the same place.
 */
export async function runRetention(pruner: RawPruner, o: RetentionRunOptions): Promise<RetentionRunResult> {
  const started = performance.now();
  const limit = o.batchRows ?? RETENTION.batchRows;
  const pauseMs = o.pauseMs ?? RETENTION.pauseMs;
  const maxRetries = o.busyRetries ?? RETENTION.busyRetries;
  const result: RetentionRunResult = { horizon: o.horizon, deleted: 0, batches: 0, ms: 0, busyRetries: 0, stopped: false };
  let fromId: number | null = 0;
  let retries = 0;
  while (fromId !== null) {
    if (o.signal?.aborted) {
      result.stopped = true;
      break;
    }
    let batch: RawPruneBatch;
    try {
      batch = await pruner.pruneBatch(o.horizon, fromId, limit);
    } catch (err) {
      if (!isBusy(err) || retries >= maxRetries) throw err;
      retries++;
      result.busyRetries++;
      await sleep(pauseMs * 2 ** retries);
      continue;
    }
    retries = 0;
    result.batches++;
    result.deleted += batch.deleted;
    o.onBatch?.({ ...batch, index: result.batches });
    fromId = batch.nextId;
    if (fromId !== null) await sleep(pauseMs);
  }
  result.ms = Math.round(performance.now() - started);
  return result;
}
