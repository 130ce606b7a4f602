// The public invitation page (/invite/<token>): who is invited, then the person sets their own
// password (the same strength check as everywhere) and is signed in. Works on a 360 px phone.
import { Task, TaskStatus } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { PASSWORD_MIN_LENGTH, type PasswordWeakness } from '../../../../schemas/password.ts';
import { ApiError } from '../../data/api-error.ts';
import { acceptInvitation, viewInvitation } from '../../data/invitations.api.ts';
import { label } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import '../../ui/error-message.component.ts';
import { emit } from '../../ui/events.ts';
import { formStyles } from '../../ui/form.styles.ts';
import { sharedStyles } from '../../ui/shared.styles.ts';
import { WriteController } from '../../ui/write.controller.ts';

/**
 * @event atensi-signed-in - `{ me }` once the password is set (the server signed the person in)
 */
@customElement('atensi-invite-page')
export class InvitePage extends LitElement {
  static override styles = [
    sharedStyles,
    formStyles,
    css`
      .card { padding: 1.25rem; margin-top: 1rem; }
      .who { font-size: 1.15rem; margin: 0; }
      .check { display: flex; align-items: center; gap: 0.6rem; min-height: var(--target); font-weight: 400; margin: 0; }
      .check input { width: 1.5rem; height: 1.5rem; }
      button[type='submit'] { width: 100%; }
    `,
  ];

  @property() token = '';
  @state() private password = '';
  @state() private show = false;
  @state() private error = '';

  private readonly locale = new LocaleController(this);
  private readonly write = new WriteController(this);

  private readonly invitation = new Task(this, {
    task: ([token], { signal }) => viewInvitation(token, signal),
    args: () => [this.token] as const,
  });

  override render() {
    return html`<h1 tabindex="-1">${t('invite.title')}</h1>
      ${this.invitation.render({
        pending: () => html`<p class="status" role="status">${t('app.loading')}</p>`,
        error: (err) => this.renderGone(err),
        complete: (inv) => html`<p class="who">${t('invite.who', { name: inv.name, role: label('role', inv.role) })}${inv.centre ? html` · ${inv.centre.name}` : nothing}</p>
          ${this.renderForm()}`,
      })}`;
  }

  private renderGone(err: unknown) {
    const gone = err instanceof ApiError && (err.status === 410 || err.status === 404);
    if (!gone) return html`<atensi-error-message .error=${err} retryable @atensi-retry=${() => this.invitation.run()}></atensi-error-message>`;
    return html`<div class="card" role="alert"><p>${t(err.status === 410 ? 'invite.gone' : 'invite.unknown')}</p><p><a href="/login">${t('invite.toLogin')}</a></p></div>`;
  }

  private renderForm() {
    return html`<form class="form card" novalidate @submit=${this.submit}>
      <p>${t('invite.intro')}</p>
      ${this.write.errorLine()}
      <div>
        <label for="password">${t('invite.password')}</label>
        <input id="password" type=${this.show ? 'text' : 'password'} autocomplete="new-password" maxlength="200" .value=${this.password}
          aria-invalid=${this.error ? 'true' : 'false'} aria-describedby=${this.error ? 'password-hint password-error' : 'password-hint'}
          @input=${(e: Event) => (this.password = (e.target as HTMLInputElement).value)} />
        <p class="hint" id="password-hint">${t('account.password.hint', { min: PASSWORD_MIN_LENGTH })}</p>
        ${this.error ? html`<p class="field-error" id="password-error">${this.error}</p>` : nothing}
      </div>
      <label class="check"><input type="checkbox" .checked=${this.show} @change=${(e: Event) => (this.show = (e.target as HTMLInputElement).checked)} />${t('account.password.show')}</label>
      <button type="submit" ?disabled=${this.write.busy || this.invitation.status !== TaskStatus.COMPLETE}>${t('invite.submit')}</button>
    </form>`;
  }

  private async submit(e: SubmitEvent) {
    e.preventDefault();
    // The same check as the server's, loaded only when someone sets a password.
    const { passwordStrength } = await import('../../../../schemas/password-strength.ts');
    const inv = this.invitation.value;
    const strength = passwordStrength(this.password, inv ? [inv.name] : []);
    this.error = strength.ok ? '' : this.weakness(strength.weakness!);
    if (this.error) return this.focusError();
    await this.write.run(async () => {
      try {
        const me = await acceptInvitation(this.token, this.password);
        emit(this, 'signed-in', { me });
      } catch (err) {
        const issue = err instanceof ApiError && err.status === 422 ? err.issues?.[0] : undefined;
        if (!issue?.code.startsWith('password_')) throw err;
        this.error = this.weakness(issue.code.slice('password_'.length) as PasswordWeakness);
        this.focusError();
      }
    });
  }

  private weakness(w: PasswordWeakness): string {
    return t(`account.password.weak.${w}`, { min: PASSWORD_MIN_LENGTH });
  }

  private focusError() {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#password')?.focus());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-invite-page': InvitePage;
  }
}
