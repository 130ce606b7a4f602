// A one-time message handed from one page to the next (e.g. "erased" shown on the list the person
// lands on), kept in memory only: a reload or a later visit does not show it again.
import type { MessageKey, MessageParams } from '../i18n/i18n.ts';

export interface Flash {
  key: MessageKey;
  params?: MessageParams;
}

let pending: Flash | undefined;

export function setFlash(flash: Flash): void {
  pending = flash;
}

/** The waiting message, if any; it is gone once taken. */
export function takeFlash(): Flash | undefined {
  const flash = pending;
  pending = undefined;
  return flash;
}
