// "New secret" for an electric chair (workshop staff of its centre): after a confirmation that
// names the consequence, the server issues a new MQTT secret; it is shown once, with a copy button
// and a warning, and the old one stops working at once.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { CredentialReason } from '../../../../schemas/device-credentials.ts';
import { issueCredentials } from '../../data/device-models.api.ts';
import { t } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import { workPageStyles } from '../../ui/page.styles.ts';
import { WriteController } from '../../ui/write.controller.ts';

@customElement('atensi-chair-credentials')
export class ChairCredentials extends LitElement {
  static override styles = [
    workPageStyles,
    css`
      .secret { border: 2px solid var(--c-primary); background: var(--c-primary-soft); border-radius: var(--radius); padding: 0.75rem 1rem; display: grid; gap: 0.5rem; }
      .secret code { font-size: 1rem; overflow-wrap: anywhere; background: var(--c-surface); padding: 0.4rem 0.6rem; border-radius: 4px; border: 1px solid var(--c-line); }
      .warning { border-left: 4px solid var(--c-error); background: var(--c-error-bg); padding: 0.5rem 0.75rem; border-radius: 4px; margin: 0; color: var(--c-text); }
      .buttons { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; }
    `,
  ];

  @property() deviceId = '';
  @state() private confirming = false;
  /** The new secret, held only until the person hides it or leaves the page. */
  @state() private secret = '';
  @state() private username = '';
  @state() private copied = false;

  private readonly locale = new LocaleController(this);
  private readonly write = new WriteController(this);

  override render() {
    return html`<section aria-labelledby="cred-heading">
      <h2 id="cred-heading">${t('fleet.credentials.title')}</h2>
      ${this.secret ? this.renderSecret() : this.confirming ? this.renderConfirm() : html`
        <p>${t('fleet.credentials.intro')}</p>
        <button type="button" class="secondary" @click=${() => this.openConfirm()}>${t('fleet.credentials.new')}</button>`}
      ${this.write.errorLine()}
    </section>`;
  }

  private renderConfirm() {
    return html`<form class="form" @submit=${(e: SubmitEvent) => void this.issue(e)}>
      <p class="warning" id="cred-warning"><strong>${t('fleet.credentials.confirm')}</strong></p>
      <div>
        <label for="cred-reason">${t('fleet.credentials.reason')}</label>
        <select id="cred-reason" name="reason" aria-describedby="cred-warning">
          ${CredentialReason.options.map((r) => html`<option value=${r}>${t(`fleet.credentials.reason.${r}`)}</option>`)}
        </select>
      </div>
      <div class="buttons">
        <button type="submit" ?disabled=${this.write.busy}>${t('fleet.credentials.confirmYes')}</button>
        <button type="button" class="secondary" @click=${() => (this.confirming = false)}>${t('fleet.credentials.cancel')}</button>
      </div>
    </form>`;
  }

  private renderSecret() {
    return html`<div class="secret" id="cred-secret" tabindex="-1" aria-labelledby="cred-secret-h">
      <h3 id="cred-secret-h">${t('fleet.credentials.secretHeading')}</h3>
      <p class="warning">${t('fleet.credentials.once')}</p>
      <p>${t('fleet.credentials.username')}: <code>${this.username}</code></p>
      <code data-secret>${this.secret}</code>
      <div class="buttons">
        <button type="button" @click=${() => void this.copy()}>${t('fleet.credentials.copy')}</button>
        <button type="button" class="secondary" @click=${() => this.hide()}>${t('fleet.credentials.hide')}</button>
        <span role="status">${this.copied ? t('fleet.credentials.copied') : ''}</span>
      </div>
    </div>`;
  }

  private openConfirm() {
    this.confirming = true;
    this.write.clear();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#cred-reason')?.focus());
  }

  private async issue(e: SubmitEvent) {
    e.preventDefault();
    const reason = CredentialReason.parse(new FormData(e.target as HTMLFormElement).get('reason'));
    await this.write.run(async () => {
      const c = await issueCredentials(this.deviceId, { reason });
      this.secret = c.secret;
      this.username = c.username;
      this.confirming = false;
      this.copied = false;
    });
    if (this.secret) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#cred-secret')?.focus());
  }

  private async copy() {
    try {
      await navigator.clipboard.writeText(this.secret);
      this.copied = true;
    } catch {
      // No clipboard (an insecure origin, a refused permission): the secret stays on screen to copy by hand.
      this.copied = false;
    }
  }

  private hide() {
    this.secret = '';
    this.copied = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#cred-heading')?.focus());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-chair-credentials': ChairCredentials;
  }
}
