// Shows a failed request in plain words of the current language, with an optional "try again".
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { isApiError } from '../data/api-error.ts';
import { t, type MessageKey } from '../i18n/i18n.ts';
import { LocaleController } from '../i18n/locale.controller.ts';
import { emit } from './events.ts';
import { sharedStyles } from './shared.styles.ts';

/** The message key for any error: the API's code when there is one, else a network failure. */
export function errorMessageKey(error: unknown): MessageKey {
  if (isApiError(error)) return `error.${error.code}`;
  return 'error.network';
}

/** Whether trying again could help: not for "not found" or "forbidden", which will not change. */
export function isTransient(error: unknown): boolean {
  if (!isApiError(error)) return true;
  return error.code === 'network' || error.code === 'internal' || error.code === 'rate_limited';
}

/**
 * @event atensi-retry - the person pressed "try again" (offered when `retryable` and the error may pass)
 */
@customElement('atensi-error-message')
export class ErrorMessage extends LitElement {
  static override styles = [sharedStyles, css`.alert { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; justify-content: space-between; }`];

  @property({ attribute: false }) error: unknown;
  @property({ type: Boolean }) retryable = false;

  private readonly locale = new LocaleController(this);

  override render() {
    return html`<div class="alert" role="alert">
      <span>${t(errorMessageKey(this.error))}</span>
      ${this.retryable && isTransient(this.error)
        ? html`<button type="button" class="secondary" @click=${() => emit(this, 'retry', undefined)}>${t('error.retry')}</button>`
        : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-error-message': ErrorMessage;
  }
}
