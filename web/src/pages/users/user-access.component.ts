// An admin's hold on one account: reset its password (a generated one, shown once) or disable it;
// both end all of the account's sessions at once, so each asks first.
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { User } from '../../../../schemas/users.ts';
import { resetPassword, setDisabled } from '../../data/users.api.ts';
import { t } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import '../../ui/error-message.component.ts';
import { emit } from '../../ui/events.ts';
import { sharedStyles } from '../../ui/shared.styles.ts';
import { WriteController } from '../../ui/write.controller.ts';

type Confirming = 'reset' | 'disable' | '';

/**
 * @event atensi-user-changed - the account was enabled or disabled; the list reloads
 */
@customElement('atensi-user-access')
export class UserAccess extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: grid; gap: 0.5rem; }
      .buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; }
      .confirm { border-left: 4px solid var(--c-error); background: var(--c-error-bg); padding: 0.5rem 0.75rem; border-radius: 4px; display: grid; gap: 0.5rem; }
      .confirm p, .secret p { margin: 0; color: var(--c-text); }
      .secret { border: 2px solid var(--c-primary); background: var(--c-primary-soft); border-radius: var(--radius); padding: 0.5rem 0.75rem; display: grid; gap: 0.5rem; }
      .secret code { font-size: 1rem; background: var(--c-surface); padding: 0.3rem 0.5rem; border-radius: 4px; border: 1px solid var(--c-line); }
    `,
  ];

  @property({ attribute: false }) user!: User;
  @state() private confirming: Confirming = '';
  @state() private password = '';

  private readonly locale = new LocaleController(this);
  private readonly write = new WriteController(this);

  override render() {
    const u = this.user;
    if (this.password) {
      return html`<div class="secret" id="password-box" tabindex="-1" role="group" aria-label=${t('users.reset.doneLabel', { name: u.name })}>
        <p>${t('users.reset.done', { name: u.name })}</p>
        <code data-password>${this.password}</code>
        <div><button type="button" class="secondary" @click=${() => (this.password = '')}>${t('users.reset.hide')}</button></div>
      </div>`;
    }
    if (this.confirming) {
      const reset = this.confirming === 'reset';
      return html`<div class="confirm">
        <p><strong>${t(reset ? 'users.reset.confirm' : 'users.disable.confirm', { name: u.name })}</strong></p>
        ${this.write.errorLine()}
        <div class="buttons">
          <button type="button" ?disabled=${this.write.busy} @click=${reset ? this.reset : () => this.toggle(true)}>${t(reset ? 'users.reset.yes' : 'users.disable.yes')}</button>
          <button type="button" class="secondary" @click=${() => (this.confirming = '')}>${t('account.everywhere.cancel')}</button>
        </div>
      </div>`;
    }
    return html`${this.write.errorLine()}
      <div class="buttons">
        <button type="button" class="secondary" aria-label=${t('users.reset.label', { name: u.name })} @click=${() => (this.confirming = 'reset')}>${t('users.reset.button')}</button>
        ${u.disabled
          ? html`<button type="button" class="secondary" ?disabled=${this.write.busy} aria-label=${t('users.enable.label', { name: u.name })} @click=${() => this.toggle(false)}>${t('users.enable.button')}</button>`
          : html`<button type="button" class="secondary" aria-label=${t('users.disable.label', { name: u.name })} @click=${() => (this.confirming = 'disable')}>${t('users.disable.button')}</button>`}
      </div>`;
  }

  private async act(action: () => Promise<void>) {
    if (await this.write.run(action)) this.confirming = '';
  }

  private reset() {
    void this.act(async () => {
      this.password = (await resetPassword(this.user.id)).password;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#password-box')?.focus());
    });
  }

  private toggle(disabled: boolean) {
    void this.act(async () => {
      await setDisabled(this.user.id, disabled);
      emit(this, 'user-changed', undefined);
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-user-access': UserAccess;
  }
}
