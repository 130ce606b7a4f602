// Sign-in: email and password with visible labels; problems are announced through role="alert".
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { login } from '../../data/auth.api.ts';
import { isApiError } from '../../data/api-error.ts';
import { t, type MessageKey } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import { errorMessageKey } from '../../ui/error-message.component.ts';
import { emit } from '../../ui/events.ts';
import { sharedStyles } from '../../ui/shared.styles.ts';

type Field = 'email' | 'password';

function problemKey(error: unknown): MessageKey {
  if (!isApiError(error)) return 'error.network';
  if (error.status === 401) return 'login.wrong';
  if (error.status === 429) return 'login.rateLimited';
  if (error.status === 422) return 'login.invalid';
  return errorMessageKey(error);
}

/**
 * @event atensi-signed-in - `{ me }` once the server accepted the credentials
 */
@customElement('atensi-login-page')
export class LoginPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .card { padding: 1.5rem; margin-top: 1rem; }
      form { display: grid; gap: 1.1rem; }
      .notice { border-left: 4px solid var(--c-focus); background: #e8eef7; color: var(--c-focus); padding: 0.75rem 1rem; border-radius: 4px; font-weight: 600; }
      button[type='submit'] { width: 100%; }
    `,
  ];

  /** A message to show on arrival, e.g. that the session ended. */
  @property() notice: MessageKey | undefined;

  @state() private submitting = false;
  @state() private problem: MessageKey | undefined;
  @state() private missing: Field[] = [];

  @query('#email') private emailInput!: HTMLInputElement;
  @query('#password') private passwordInput!: HTMLInputElement;

  private readonly locale = new LocaleController(this);

  override render() {
    const invalid = (f: Field) => (this.missing.includes(f) ? 'true' : 'false');
    return html`
      <h1 tabindex="-1">${t('login.title')}</h1>
      <p class="muted">${t('login.intro')}</p>
      ${this.notice && !this.problem ? html`<p class="notice" role="status">${t(this.notice)}</p>` : nothing}
      <div class="card">
        <form novalidate @submit=${this.submit}>
          <div class="alert" role="alert">${this.problem ? t(this.problem) : nothing}</div>
          <div>
            <label for="email">${t('login.email')}</label>
            <input id="email" name="email" type="email" autocomplete="username" inputmode="email" spellcheck="false"
              autocapitalize="none" required aria-invalid=${invalid('email')}
              aria-describedby=${this.missing.includes('email') ? 'email-error' : nothing} />
            ${this.missing.includes('email') ? html`<p class="field-error" id="email-error">${t('login.missingEmail')}</p>` : nothing}
          </div>
          <div>
            <label for="password">${t('login.password')}</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required
              aria-invalid=${invalid('password')}
              aria-describedby=${this.missing.includes('password') ? 'password-error' : nothing} />
            ${this.missing.includes('password') ? html`<p class="field-error" id="password-error">${t('login.missingPassword')}</p>` : nothing}
          </div>
          <button type="submit" ?disabled=${this.submitting}>
            ${this.submitting ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
      </div>
      <p class="muted" id="forgot">${t('login.forgot')}</p>
    `;
  }

  private async submit(e: SubmitEvent) {
    e.preventDefault();
    if (this.submitting) return;
    const email = this.emailInput.value.trim();
    const password = this.passwordInput.value;
    this.problem = undefined;
    this.missing = [...(email ? [] : ['email' as const]), ...(password ? [] : ['password' as const])];
    if (this.missing.length) {
      await this.updateComplete;
      this.problem = this.missing[0] === 'email' ? 'login.missingEmail' : 'login.missingPassword';
      (this.missing[0] === 'email' ? this.emailInput : this.passwordInput).focus();
      return;
    }
    this.submitting = true;
    try {
      const me = await login(email, password);
      emit(this, 'signed-in', { me });
    } catch (error) {
      // Clear first so the same message is announced again after a repeated failure.
      await this.updateComplete;
      this.problem = problemKey(error);
      this.passwordInput.focus();
      this.passwordInput.select();
    } finally {
      this.submitting = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-login-page': LoginPage;
  }
}
