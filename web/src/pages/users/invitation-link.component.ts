// A one-time invitation link, shown once: the address, a QR code to hand a parent's phone, a copy
// button and when it expires. It lives only in this element's memory; closing it forgets the link.
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { InvitationLink } from '../../../../schemas/invitations.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import { emit } from '../../ui/events.ts';
import { sharedStyles } from '../../ui/shared.styles.ts';
import { qrSvg } from '../labels/qr.ts';

/**
 * @event atensi-invitation-closed - the person closed the link (it cannot be shown again)
 */
@customElement('atensi-invitation-link')
export class InvitationLinkBox extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: block; }
      .box { border: 2px solid var(--c-primary); background: var(--c-primary-soft); border-radius: var(--radius); padding: 0.75rem; display: grid; gap: 0.6rem; }
      .box p { margin: 0; color: var(--c-text); }
      .url { font-family: monospace; font-size: 0.95rem; background: var(--c-surface); padding: 0.4rem 0.5rem; border-radius: 4px; border: 1px solid var(--c-line); overflow-wrap: anywhere; }
      .qr { width: 12rem; height: 12rem; max-width: 100%; background: #fff; }
      .buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; }
    `,
  ];

  @property({ attribute: false }) link!: InvitationLink;
  /** Whose link it is, for the labels. */
  @property() name = '';
  @state() private copied = false;

  private readonly locale = new LocaleController(this);

  private get url() {
    return new URL(this.link.path, location.origin).href;
  }

  override render() {
    const url = this.url;
    return html`<div class="box" id="invitation-box" tabindex="-1" role="group" aria-label=${t('users.invite.linkLabel', { name: this.name })}>
      <p><strong>${t('users.invite.shownOnce', { name: this.name })}</strong></p>
      <p class="url" data-invitation-url>${url}</p>
      ${qrSvg(url, t('users.invite.qrLabel', { name: this.name }))}
      <p>${t('users.invite.expires', { time: formatDateTime(this.link.expiresAt) })}</p>
      <p class="status" role="status">${this.copied ? t('users.invite.copied') : ''}</p>
      <div class="buttons">
        <button type="button" @click=${this.copy}>${t('users.invite.copy')}</button>
        <button type="button" class="secondary" @click=${this.close}>${t('users.invite.close')}</button>
      </div>
    </div>`;
  }

  override firstUpdated() {
    this.renderRoot.querySelector<HTMLElement>('#invitation-box')?.focus();
  }

  private async copy() {
    try {
      await navigator.clipboard.writeText(this.url);
      this.copied = true;
    } catch {
      // No clipboard (plain HTTP on another host): the address stays selectable on screen.
      const range = document.createRange();
      range.selectNodeContents(this.renderRoot.querySelector('[data-invitation-url]')!);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    }
  }

  private close() {
    emit(this, 'invitation-closed', undefined);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-invitation-link': InvitationLinkBox;
  }
}
