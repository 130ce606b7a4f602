// Shows a failed request in plain words of the current language: the server's reason when it gives
// one (a conflict's reason code), the way forward it allows, and an optional "try again".
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { isApiError } from '../data/api-error.ts';
import { t, type MessageKey } from '../i18n/i18n.ts';
import { LocaleController } from '../i18n/locale.controller.ts';
import { emit } from './events.ts';
import { sharedStyles } from './shared.styles.ts';

/** The message key for any error: the server's reason when given, else the API's code, else a network failure. */
export function errorMessageKey(error: unknown): MessageKey {
  if (isApiError(error)) return error.details ? `error.reason.${error.details.reason}` : `error.${error.code}`;
  return 'error.network';
}

/** Whether trying again could help: not for "not found" or "forbidden", which will not change. */
export function isTransient(error: unknown): boolean {
  if (!isApiError(error)) return true;
  return error.code === 'network' || error.code === 'internal' || error.code === 'rate_limited' || error.code === 'unavailable';
}

/**
 * @event atensi-retry - the person pressed "try again" (offered when `retryable` and the error may pass)
 * @event atensi-error-action - the person chose the way forward the reason offers (`actionable` only)
 */
@customElement('atensi-error-message')
export class ErrorMessage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .alert { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; justify-content: space-between; }
      .alert a { display: inline-flex; align-items: center; min-height: var(--target); color: var(--c-error); }
      .alert button.secondary { color: var(--c-error); border-color: var(--c-error); }
    `,
  ];

  @property({ attribute: false }) error: unknown;
  @property({ type: Boolean }) retryable = false;
  /** Whether the place showing the error can take the way forward itself (e.g. the next-step form). */
  @property({ type: Boolean }) actionable = false;

  private readonly locale = new LocaleController(this);

  override render() {
    return html`<div class="alert" role="alert">
      <span>${t(errorMessageKey(this.error))}</span>
      ${this.wayForward()}
      ${this.retryable && isTransient(this.error)
        ? html`<button type="button" class="secondary" @click=${() => emit(this, 'retry', undefined)}>${t('error.retry')}</button>`
        : nothing}
    </div>`;
  }

  private wayForward() {
    const details = isApiError(this.error) ? this.error.details : undefined;
    if (details?.reason === 'open_request_exists' && details.openRequestId) {
      return html`<a href=${`/requests/${details.openRequestId}`}>${t('error.way.openRequest')}</a>`;
    }
    if ((details?.reason === 'duplicate_nik' || details?.reason === 'possible_duplicate') && details.beneficiaryId) {
      const open = html`<a href=${`/beneficiaries/${details.beneficiaryId}`}>${t('error.way.existingRecord')}</a>`;
      if (details.reason === 'duplicate_nik' || !this.actionable) return open;
      return html`${open}<button type="button" class="secondary" @click=${() => emit(this, 'error-action', { reason: 'possible_duplicate' })}>${t('error.way.registerAnyway')}</button>`;
    }
    if (details?.reason === 'refit_needed' && this.actionable) {
      return html`<button type="button" class="secondary" @click=${() => emit(this, 'error-action', { reason: 'refit_needed' })}>${t('error.way.refit')}</button>`;
    }
    if (details?.reason === 'request_changed') {
      return html`<button type="button" class="secondary" @click=${() => location.reload()}>${t('error.way.reload')}</button>`;
    }
    return nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-error-message': ErrorMessage;
  }
}
