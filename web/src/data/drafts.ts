// Unsent form drafts, kept per request and step in sessionStorage: a failed submit, a reload or a
// dropped connection does not lose what a therapist typed; closing the tab does (clinical data
// should not outlive the session on a shared device).
const PREFIX = 'atensi.draft.';

export type DraftValues = Record<string, string | boolean>;

export function loadDraft(key: string): DraftValues | undefined {
  try {
    const raw = sessionStorage.getItem(PREFIX + key);
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
  try {
    sessionStorage.setItem(PREFIX + key, JSON.stringify(values));
  } catch {
    // Quota or private mode: the form still keeps its state in memory.
  }
}

export function clearDraft(key: string): void {
  try {
    sessionStorage.removeItem(PREFIX + key);
  } catch {
    // Nothing to clear.
  }
}
