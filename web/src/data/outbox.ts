// The phone's outbox of family reports: every report is saved here (IndexedDB) before it is sent,
// so nothing is lost on a weak connection. An item leaves only when the server has answered 200/201
// (the server dedupes on clientRequestId, so a resend after a lost answer makes no second report);
// a refusal (4xx) keeps it, visibly failed, until the family retries or discards it.
import { createStore, del, get, set, values, type UseStore } from 'idb-keyval';
import { Me } from '../../../schemas/auth.ts';
import type { CreateReportBody, ReportDetail } from '../../../schemas/reports.ts';
import { apiRequest } from './api-client.ts';
import { isApiError } from './api-error.ts';
import { createReport, uploadPhoto } from './reports.api.ts';

export interface OutboxItem {
  clientRequestId: string;
  /** The account that made it: a phone shared by two accounts sends each one's reports as that account. */
  userId: string;
  body: CreateReportBody;
  photo?: Blob;
  createdAt: string;
  state: 'waiting' | 'failed';
  /** Set once the report exists on the server while its photo still waits to go. */
  reportId?: string;
  /** The API's error code of the refusal, when failed. */
  errorCode?: string;
}

export type SendOutcome =
  | { kind: 'sent'; report: ReportDetail; photoError?: string }
  | { kind: 'waiting' }
  | { kind: 'failed'; errorCode: string };

export const OUTBOX_CHANGE = 'atensi-outbox-change';
const RETRY_MS = 30_000;

let store: UseStore | undefined;
const db = () => (store ??= createStore('atensi-outbox', 'reports'));

/** Other tabs of the app share the outbox: a report sent or saved in one is news to the others. */
const tabs = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('atensi-outbox');
tabs?.addEventListener('message', () => window.dispatchEvent(new Event(OUTBOX_CHANGE)));

function changed(): void {
  window.dispatchEvent(new Event(OUTBOX_CHANGE));
  tabs?.postMessage('changed');
}

/** Whether an error means "try again later" (no answer, lapsed session, server trouble), not a refusal. */
function isTemporary(err: unknown): boolean {
  if (!isApiError(err)) return true;
  return err.status === 0 || err.status === 401 || err.status === 408 || err.status === 429 || err.status >= 500;
}

/** The reports of this account still on the phone, oldest first. */
export async function outboxItems(userId: string): Promise<OutboxItem[]> {
  const all = await values<OutboxItem>(db());
  return all.filter((i) => i.userId === userId).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export async function discardItem(clientRequestId: string): Promise<void> {
  await del(clientRequestId, db());
  changed();
}

/**
 * Sign-out deletes this account's unsent reports from the device. Why not keep them for the next
 * sign-in: a report holds a child's health details and a photo, and a phone or computer is often
 * shared; UU PDP 27/2022 asks that personal data not linger where the next person can reach it.
 * So the app shell asks first (how many reports, "they will be deleted") and only then signs out.
 * A session the server ended is not a sign-out: its reports wait for the same account.
 */
export async function forgetOutbox(userId: string): Promise<void> {
  const mine = await outboxItems(userId);
  for (const item of mine) await del(item.clientRequestId, db());
  if (mine.length > 0) changed();
}

/** How long a send waits for another tab's to finish; then it gives up until the next flush. */
const LOCK_WAIT_MS = 10_000;

/**
 * Serialises sends across tabs where the browser can (Web Locks), else within this page. A lock
 * held too long (a slow photo upload, a page left mid-send) makes this attempt give up with
 * `busy`: the item stays waiting and goes with a later flush, never twice at once.
 */
let chain: Promise<unknown> = Promise.resolve();
function exclusive<T>(fn: () => Promise<T>, busy: T): Promise<T> {
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  if (locks) {
    let granted = false;
    const run = () => ((granted = true), fn());
    return (locks.request('atensi-outbox', { signal: AbortSignal.timeout(LOCK_WAIT_MS) }, run) as Promise<T>).catch((err: unknown) => {
      if (granted) throw err;
      return busy;
    });
  }
  const run = chain.then(fn, fn);
  chain = run.catch(() => undefined);
  return run;
}

/** Sends one stored item: the report (idempotent), then its photo. Call only inside exclusive(). */
async function sendStored(clientRequestId: string): Promise<SendOutcome> {
  const item = await get<OutboxItem>(clientRequestId, db());
  // Sent meanwhile by another tab or an earlier flush.
  if (!item) return { kind: 'waiting' };
  let report: ReportDetail | undefined;
  if (!item.reportId) {
    try {
      report = await createReport(item.body, { sessionRequired: false });
    } catch (err) {
      // A 2xx the client could not read still means the server holds the report.
      if (isApiError(err) && err.status >= 200 && err.status < 300) {
        await discardItem(clientRequestId);
        return { kind: 'waiting' };
      }
      if (isTemporary(err)) return { kind: 'waiting' };
      const errorCode = isApiError(err) ? err.code : 'bad_request';
      await set(clientRequestId, { ...item, state: 'failed', errorCode } satisfies OutboxItem, db());
      changed();
      return { kind: 'failed', errorCode };
    }
    if (item.photo) {
      item.reportId = report.id;
      await set(clientRequestId, item, db());
    }
  }
  let photoError: string | undefined;
  if (item.photo && item.reportId) {
    try {
      await uploadPhoto(item.reportId, item.photo);
    } catch (err) {
      if (isTemporary(err)) {
        changed();
        return report ? { kind: 'sent', report, photoError: 'network' } : { kind: 'waiting' };
      }
      // The report is in; a refused photo is reported to the family, not retried forever.
      photoError = isApiError(err) ? err.code : 'bad_request';
    }
  }
  await discardItem(clientRequestId);
  return report ? { kind: 'sent', report, photoError } : { kind: 'waiting' };
}

/**
 * Saves a new report on the phone, then tries to send it at once. A report that cannot go now
 * stays "waiting" and goes with the next flush.
 */
export async function submitReport(userId: string, body: CreateReportBody, photo?: Blob): Promise<SendOutcome> {
  const item: OutboxItem = { clientRequestId: body.clientRequestId, userId, body, photo, createdAt: new Date().toISOString(), state: 'waiting' };
  await set(item.clientRequestId, item, db());
  changed();
  if (!navigator.onLine) return { kind: 'waiting' };
  return exclusive(() => sendStored(item.clientRequestId), { kind: 'waiting' });
}

/** Sends every waiting report of this account, one at a time; returns how many went. */
export function flushOutbox(userId: string): Promise<number> {
  return exclusive(async () => {
    let sent = 0;
    for (const item of await outboxItems(userId)) {
      if (item.state !== 'waiting') continue;
      const outcome = await sendStored(item.clientRequestId);
      if (outcome.kind === 'sent' || !(await get(item.clientRequestId, db()))) sent += 1;
      // Still no connection: the rest would fail the same way.
      else if (outcome.kind === 'waiting') break;
    }
    if (sent > 0) changed();
    return sent;
  }, 0);
}

/** Moves a failed report back to waiting and tries again. */
export async function retryItem(clientRequestId: string): Promise<void> {
  const item = await get<OutboxItem>(clientRequestId, db());
  if (!item) return;
  await set(clientRequestId, { ...item, state: 'waiting', errorCode: undefined } satisfies OutboxItem, db());
  changed();
  await flushOutbox(item.userId);
}

async function flushForSignedIn(): Promise<void> {
  const all = await values<OutboxItem>(db());
  if (!all.some((i) => i.state === 'waiting') || !navigator.onLine) return;
  try {
    const me = await apiRequest(Me, '/api/me', { sessionRequired: false });
    await flushOutbox(me.id);
  } catch {
    // Signed out or still offline: the next trigger tries again.
  }
}

let started = false;
/** Sends waiting reports now, whenever the connection returns, and every half minute. */
export function startOutbox(): void {
  if (started || typeof indexedDB === 'undefined') return;
  started = true;
  const run = () => void flushForSignedIn().catch(() => undefined);
  window.addEventListener('online', run);
  setInterval(run, RETRY_MS);
  run();
}
