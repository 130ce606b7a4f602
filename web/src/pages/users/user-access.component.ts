// An admin's or manager's hold on one account: send a new invitation link (also for a forgotten
// password; older links stop working), disable it (ends its sessions and withdraws its links, so it
// asks first) or enable it again.
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { InvitationLink } from '../../../../schemas/invitations.ts';
import type { User } from '../../../../schemas/users.ts';
import { reinvite, setDisabled } from '../../data/users.api.ts';
import { t } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import '../../ui/error-message.component.ts';
import { emit } from '../../ui/events.ts';
import { sharedStyles } from '../../ui/shared.styles.ts';
import { WriteController } from '../../ui/write.controller.ts';
import './invitation-link.component.ts';

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
      .confirm p { margin: 0; color: var(--c-text); }
    `,
  ];

  @property({ attribute: false }) user!: User;
  @state() private confirming = false;
  @state() private link: InvitationLink | undefined;

  private readonly locale = new LocaleController(this);
  private readonly write = new WriteController(this);

  override render() {
    const u = this.user;
    if (this.link) {
      return html`<atensi-invitation-link .link=${this.link} name=${u.name} @atensi-invitation-closed=${() => (this.link = undefined)}></atensi-invitation-link>`;
    }
    if (this.confirming) {
      return html`<div class="confirm">
        <p><strong>${t('users.disable.confirm', { name: u.name })}</strong></p>
        ${this.write.errorLine()}
        <div class="buttons">
          <button type="button" ?disabled=${this.write.busy} @click=${() => this.toggle(true)}>${t('users.disable.yes')}</button>
          <button type="button" class="secondary" @click=${() => (this.confirming = false)}>${t('account.everywhere.cancel')}</button>
        </div>
      </div>`;
    }
    return html`${this.write.errorLine()}
      <div class="buttons">
        ${u.disabled
          ? html`<button type="button" class="secondary" ?disabled=${this.write.busy} aria-label=${t('users.enable.label', { name: u.name })} @click=${() => this.toggle(false)}>${t('users.enable.button')}</button>`
          : html`<button type="button" class="secondary" ?disabled=${this.write.busy} aria-label=${t('users.reinvite.label', { name: u.name })} @click=${this.reinvite}>${t('users.reinvite.button')}</button>
              <button type="button" class="secondary" aria-label=${t('users.disable.label', { name: u.name })} @click=${() => (this.confirming = true)}>${t('users.disable.button')}</button>`}
      </div>`;
  }

  private reinvite() {
    void this.write.run(async () => {
      this.link = (await reinvite(this.user.id)).invitation;
    });
  }

  private toggle(disabled: boolean) {
    void this.write.run(async () => {
      await setDisabled(this.user.id, disabled);
      this.confirming = false;
      emit(this, 'user-changed', undefined);
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-user-access': UserAccess;
  }
}
