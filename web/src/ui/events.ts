// The app's custom events: one helper dispatches them, bubbling out of shadow roots, prefixed `atensi-`.
import type { Me } from '../../../schemas/auth.ts';
import type { ErrorReason, Locale } from '../../../schemas/common.ts';

export interface AtensiEventMap {
  'locale-change': { locale: Locale };
  'sign-out': undefined;
  'signed-in': { me: Me };
  /** A page names itself more precisely than its route (e.g. the beneficiary's name). */
  'page-title': { title: string };
  /** The person chose the way forward an error offered, e.g. "send for refit" after refit_needed. */
  'error-action': { reason: ErrorReason };
  /** The person asked to try a failed load again. */
  retry: undefined;
  /** A pager asks for the page starting at this offset. */
  'page-change': { offset: number };
  /** An account was added, enabled or disabled. */
  'user-changed': undefined;
  /** A centre was added or changed. */
  'centres-changed': undefined;
  /** The person closed a one-time invitation link (it cannot be shown again). */
  'invitation-closed': undefined;
  /** A step changed a chair (lent, returned, sent, received, battery, retired). */
  'chair-changed': undefined;
  /** Chairs were received into stock. */
  'stock-changed': undefined;
}

export type AtensiEvent<K extends keyof AtensiEventMap> = CustomEvent<AtensiEventMap[K]>;

export function emit<K extends keyof AtensiEventMap>(from: HTMLElement, name: K, detail: AtensiEventMap[K]): void {
  from.dispatchEvent(new CustomEvent(`atensi-${name}`, { detail, bubbles: true, composed: true }));
}
