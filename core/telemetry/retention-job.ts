// The periodic retention job: runs the retention policy (retention.ts) on a store's pruner every
// interval, one run at a time in the process, and logs each run (rows deleted, batches, ms).
import type { Logger } from '../log/logger.ts';
import { RETENTION, rawHorizon, runRetention, type RawPruner, type RetentionRunResult } from './retention.ts';

export interface RetentionJobOptions {
  pruner: RawPruner;
  rawDays: number;
  now: () => number;
  log: Logger;
  intervalMs?: number;
  firstRunMs?: number;
  batchRows?: number;
  pauseMs?: number;
}

export interface RetentionJob {
  /** Runs now, or joins the run already going (never two at once in one process). */
  run(): Promise<RetentionRunResult>;
  /** Stops the timer, and a run in progress after its current batch. */
  stop(): Promise<void>;
}

export function startRetentionJob(o: RetentionJobOptions): RetentionJob {
  let current: Promise<RetentionRunResult> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const abort = new AbortController();

  const run = () => {
    current ??= (async () => {
      const horizon = rawHorizon(o.now(), o.rawDays);
      o.log.info('telemetry_retention_start', { horizon: new Date(horizon).toISOString(), rawDays: o.rawDays });
      try {
        const r = await runRetention(o.pruner, { horizon, batchRows: o.batchRows, pauseMs: o.pauseMs, signal: abort.signal });
        o.log.info('telemetry_retention_done', { deleted: r.deleted, batches: r.batches, ms: r.ms, busyRetries: r.busyRetries, stopped: r.stopped });
        return r;
      } finally {
        current = undefined;
      }
    })();
    return current;
  };

  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      run()
        .catch((err: Error) => o.log.warn('telemetry_retention_failed', { code: (err as { code?: string }).code, message: err.message }))
        .finally(() => schedule(o.intervalMs ?? RETENTION.intervalMs));
    }, ms);
    timer.unref();
  };
  schedule(o.firstRunMs ?? RETENTION.firstRunMs);

  return {
    run,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      abort.abort();
      await current?.catch(() => undefined);
    },
  };
}
