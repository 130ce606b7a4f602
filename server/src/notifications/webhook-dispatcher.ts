// Sends queued webhook deliveries in the background: polls due rows, POSTs them signed, and retries
// failures with exponential backoff and jitter. All state is in WebhookDelivery, so a restart picks
// up where the last process stopped; HTTP requests only ever write rows and never wait on this.
// Every API process runs one: each row is claimed by a compare-and-set before it is sent, so two
// dispatchers never send the same row, and a row whose claimer died is due again when its lease ends.
import type { WebhookError, WebhookPayload } from '../../../schemas/notifications.ts';
import type { Db } from '../../../core/db/client.ts';
import type { Clock } from '../../../core/clock.ts';
import type { Logger } from '../../../core/log/logger.ts';
import { signatureHeader } from './webhook-signature.ts';
import { errorCategory, privateTarget, type Resolve } from './webhook-target.ts';

export interface WebhookDispatcherOptions {
  db: Db;
  clock: Clock;
  log?: Logger;
  /** Per attempt: a receiver that hangs longer than this counts as a failure. */
  timeoutMs?: number;
  /** Attempts before a delivery is given up (its row stays, with lastError). */
  maxAttempts?: number;
  /** Delay after the n-th failure (the last entry repeats); jitter adds up to 20 %. */
  backoffMs?: readonly number[];
  pollMs?: number;
  batchSize?: number;
  /** Makes `link` absolute for the gateway. */
  publicOrigin?: string;
  random?: () => number;
  fetch?: typeof fetch;
  /** WEBHOOK_ALLOW_PRIVATE: allow receivers on loopback, link-local or private addresses. */
  allowPrivate?: boolean;
  /** Name resolution (tests pass their own). */
  resolve?: Resolve;
}

export interface DispatchSummary {
  attempted: number;
  delivered: number;
  failed: number;
}

export const DEFAULT_BACKOFF_MS = [30_000, 120_000, 600_000, 3_600_000, 21_600_000] as const;

export interface WebhookDispatcher {
  start(): void;
  /** Stops polling and waits for the attempts in flight. */
  stop(): Promise<void>;
  /** One poll: sends every due delivery (up to batchSize) and records the results. */
  runOnce(): Promise<DispatchSummary>;
}

const PRIVATE = 'ATENSI_PRIVATE_TARGET';
/** A claim outlives the attempt's timeout by this much, so no other dispatcher takes a row still in flight. */
const LEASE_MARGIN_MS = 5_000;

export function createWebhookDispatcher(o: WebhookDispatcherOptions): WebhookDispatcher {
  const timeoutMs = o.timeoutMs ?? 10_000;
  const maxAttempts = o.maxAttempts ?? 8;
  const backoff = o.backoffMs ?? DEFAULT_BACKOFF_MS;
  const random = o.random ?? Math.random;
  const send = o.fetch ?? fetch;
  const allowPrivate = o.allowPrivate ?? false;
  let timer: NodeJS.Timeout | undefined;
  // Aborts attempts in flight at shutdown, so stopping never waits for a hanging receiver.
  const shutdown = new AbortController();
  let inFlight: Promise<DispatchSummary> | undefined;

  const delayAfter = (attempts: number) => {
    const base = backoff[Math.min(attempts, backoff.length) - 1]!;
    return Math.round(base * (1 + 0.2 * random()));
  };

  function bodyOf(payload: string): string {
    if (!o.publicOrigin) return payload;
    const p = JSON.parse(payload) as WebhookPayload;
    return JSON.stringify({ ...p, link: new URL(p.link, o.publicOrigin).toString() });
  }

  async function attempt(d: { id: string; event: string; payload: string; attempts: number; nextAttemptAt: Date | null; endpoint: { url: string; secret: string } }) {
    const now = o.clock.now();
    const attempts = d.attempts + 1;
    const delay = attempts >= maxAttempts ? null : delayAfter(attempts);
    const retryAt = delay === null ? null : new Date(now.getTime() + delay);
    // Claim the row first: a lease until the retry time, and never shorter than an attempt can last,
    // so another dispatcher (another API process), or this one after a crash mid-send, does not send
    // it again while it is in flight. Only one of several claiming at once matches the old values.
    const leaseUntil = new Date(now.getTime() + Math.max(delay ?? 0, timeoutMs + LEASE_MARGIN_MS));
    const claimed = await o.db.webhookDelivery.updateMany({
      where: { id: d.id, deliveredAt: null, attempts: d.attempts, nextAttemptAt: d.nextAttemptAt },
      data: { attempts, nextAttemptAt: leaseUntil },
    });
    if (claimed.count !== 1) return undefined;
    const body = bodyOf(d.payload);
    let error: WebhookError | null = null;
    try {
      // Resolved before each attempt, so a name that later points inside the network is caught.
      if (!allowPrivate && (await privateTarget(d.endpoint.url, o.resolve))) throw Object.assign(new Error('private address'), { code: PRIVATE });
      const res = await send(d.endpoint.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'AtensiMobility-Webhook/1',
          'x-atensi-event': d.event,
          'x-atensi-delivery': d.id,
          'x-atensi-signature': signatureHeader(d.endpoint.secret, body, now),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), shutdown.signal]),
      });
      await res.body?.cancel().catch(() => undefined);
      if (res.status < 200 || res.status > 299) error = `http_${res.status}`;
    } catch (err) {
      if (shutdown.signal.aborted) {
        // Interrupted by our own shutdown: not the receiver's fault, so due again at the next start.
        await o.db.webhookDelivery.update({ where: { id: d.id }, data: { attempts: d.attempts, nextAttemptAt: now } });
        return undefined;
      }
      error = (err as { code?: string }).code === PRIVATE ? 'private_address' : errorCategory(err);
    }
    if (error === null) {
      await o.db.webhookDelivery.update({ where: { id: d.id }, data: { deliveredAt: o.clock.now(), nextAttemptAt: null, lastError: null } });
      return true;
    }
    await o.db.webhookDelivery.update({ where: { id: d.id }, data: { lastError: error, nextAttemptAt: retryAt } });
    // The URL may carry a gateway's API key in its query: log the delivery id and error only.
    o.log?.warn('webhook_delivery_failed', { deliveryId: d.id, attempts, error, giveUp: retryAt === null });
    return false;
  }

  async function poll(): Promise<DispatchSummary> {
    const summary: DispatchSummary = { attempted: 0, delivered: 0, failed: 0 };
    const due = await o.db.webhookDelivery.findMany({
      // A given-up row has no next attempt; one whose last claimer died mid-attempt is due again at its lease's end.
      where: { deliveredAt: null, nextAttemptAt: { lte: o.clock.now() }, endpoint: { enabled: true } },
      select: { id: true, event: true, payload: true, attempts: true, nextAttemptAt: true, endpoint: { select: { url: true, secret: true } } },
      orderBy: { nextAttemptAt: 'asc' },
      take: o.batchSize ?? 20,
    });
    // In parallel, so one hanging receiver delays the others by at most one timeout.
    const results = await Promise.all(due.map((d) => attempt(d).catch((err: Error) => (o.log?.error('webhook_dispatch_error', { message: err.message }), false))));
    for (const r of results) {
      if (r === undefined) continue;
      summary.attempted++;
      if (r) summary.delivered++;
      else summary.failed++;
    }
    return summary;
  }

  function runOnce(): Promise<DispatchSummary> {
    // One poll at a time: a poll that overlaps a slow one waits for it and then runs.
    const next = (inFlight ?? Promise.resolve()).catch(() => undefined).then(poll);
    inFlight = next;
    return next;
  }

  return {
    start() {
      if (timer) return;
      let busy = false;
      timer = setInterval(() => {
        // Skip a tick while a slow poll (a hanging receiver) is still running, instead of queueing.
        if (busy) return;
        busy = true;
        runOnce()
          .catch((err: Error) => o.log?.error('webhook_dispatch_error', { message: err.message }))
          .finally(() => {
            busy = false;
          });
      }, o.pollMs ?? 5_000);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      timer = undefined;
      shutdown.abort();
      await inFlight?.catch(() => undefined);
    },
    runOnce,
  };
}
