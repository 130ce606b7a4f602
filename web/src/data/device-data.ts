// What the app keeps on this device about the person signed in, in one place, so sign-out can
// forget all of it (UU PDP 27/2022: a shared computer or phone must not hand one person's data to
// the next). The chosen language ('atensi.locale') belongs to the device and stays.
import { clearDrafts, setDraftOwner } from './drafts.ts';

/** The last signed-in family account, for opening the app without a signal (session.controller.ts). */
export const REMEMBERED_ME_KEY = 'atensi.me';
/** A family's report flow context for use without a signal, one per account (report-context.ts). */
export const reportContextKey = (userId: string) => `${REPORT_CONTEXT_PREFIX}${userId}`;
const REPORT_CONTEXT_PREFIX = 'atensi.reportContext.';

function removeLocal(match: (key: string) => boolean): void {
  try {
    for (const key of Object.keys(localStorage)) if (match(key)) localStorage.removeItem(key);
  } catch {
    // Storage unavailable: nothing was kept.
  }
}

/** Someone signed in: their drafts are theirs; anything an earlier person left behind goes. */
export function adoptDeviceData(userId: string): void {
  setDraftOwner(userId);
  clearDrafts(userId);
  removeLocal((key) => key.startsWith(REPORT_CONTEXT_PREFIX) && key !== reportContextKey(userId));
}

/**
 * Sign-out: every per-person key in sessionStorage and localStorage goes. (A session the server
 * ended keeps the drafts for when the same person signs in again; adoptDeviceData clears them if
 * someone else does.) The family outbox in IndexedDB is handled by forgetOutbox in outbox.ts.
 */
export function forgetDeviceData(): void {
  setDraftOwner(undefined);
  clearDrafts();
  removeLocal((key) => key === REMEMBERED_ME_KEY || key.startsWith(REPORT_CONTEXT_PREFIX));
}
