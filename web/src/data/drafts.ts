// Unsent form drafts, kept per signed-in user, request and step in sessionStorage: a failed submit,
// a reload or a dropped connection does not lose what a therapist typed; signing out or closing the
// tab does (clinical data must not outlive the session on a shared device, UU PDP 27/2022).
const PREFIX = 'atensi.draft.';

export type DraftValues = Record<string, string | boolean>;

/**
 * Whose drafts are read and written: set by the session when someone signs in. With no owner
 * (signed out) nothing is kept, and another person on the same tab never sees a draft keyed to
 * someone else.
 */
let owner: string | undefined;

export function setDraftOwner(userId: string | undefined): void {
  owner = userId;
}

const storageKey = (key: string) => (owner ? `${PREFIX}${owner}.${key}` : undefined);

export function loadDraft(key: string): DraftValues | undefined {
  const full = storageKey(key);
  if (!full) return undefined;
  try {
    const raw = sessionStorage.getItem(full);
    if (!raw) return undefined;
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
    return Object.fromEntries(Object.entries(parsed).filter(([, v]) => typeof v === 'string' || typeof v === 'boolean')) as DraftValues;
  } catch {
    // Storage refused (private mode) or a corrupt entry: start from the defaults.
    return undefined;
  }
}

export function saveDraft(key: string, values: DraftValues): void {
  const full = storageKey(key);
  if (!full) return;
  try {
    sessionStorage.setItem(full, JSON.stringify(values));
  } catch {
    // Quota or private mode: the form still keeps its state in memory.
  }
}

export function clearDraft(key: string): void {
  const full = storageKey(key);
  if (!full) return;
  try {
    sessionStorage.removeItem(full);
  } catch {
    // Nothing to clear.
  }
}

/** Drops the drafts of everyone except `keep` (all of them when omitted). */
export function clearDrafts(keep?: string): void {
  try {
    for (const key of Object.keys(sessionStorage)) {
      if (key.startsWith(PREFIX) && (!keep || !key.startsWith(`${PREFIX}${keep}.`))) sessionStorage.removeItem(key);
    }
  } catch {
    // Storage unavailable: nothing was kept either.
  }
}
