// The top bar: product, centre, who is signed in, the language switch and sign-out.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Me } from '../../../schemas/auth.ts';
import type { Locale } from '../../../schemas/common.ts';
import { label } from '../i18n/format.ts';
import { t } from '../i18n/i18n.ts';
import { emit } from '../ui/events.ts';
import { icon } from '../ui/icons.ts';
import { sharedStyles } from '../ui/shared.styles.ts';
import './language-switch.component.ts';

/**
 * @event atensi-sign-out - the person pressed "sign out"
 */
@customElement('atensi-header')
export class AppHeader extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { background: var(--c-surface); border-bottom: 1px solid var(--c-line); }
      .bar {
        display: grid; align-items: center; gap: 0.5rem 1rem; padding: 0.5rem 1rem; max-width: 80rem; margin: 0 auto;
        grid-template-columns: minmax(0, 1fr) auto auto auto auto;
        grid-template-areas: 'brand who bell lang out';
      }
      .bar.signed-out { grid-template-columns: minmax(0, 1fr) auto; grid-template-areas: 'brand lang'; }
      .brand { grid-area: brand; display: flex; align-items: center; gap: 0.6rem; min-width: 0; }
      .who { grid-area: who; text-align: right; font-size: 0.95rem; line-height: 1.3; margin: 0; }
      atensi-language-switch { grid-area: lang; }
      .sign-out { grid-area: out; }
      atensi-notification-bell { grid-area: bell; }
      .logo { width: 36px; height: 36px; flex: none; }
      .product { font-weight: 700; font-size: 1.15rem; color: var(--c-primary); display: block; }
      .centre { display: block; color: var(--c-muted); font-size: 0.9rem; }
      .who .name { font-weight: 600; display: inline-flex; align-items: center; min-height: var(--target); }
      .who .role { color: var(--c-muted); display: block; }
      @media (max-width: 640px) {
        .bar {
          padding: 0.5rem 0.75rem;
          grid-template-columns: minmax(0, 1fr) auto auto;
          grid-template-areas: 'brand bell out' 'who lang lang';
        }
        atensi-language-switch, .sign-out { justify-self: end; }
        .who { text-align: left; }
        .sign-out { padding: 0.4rem 0.7rem; }
      }
    `,
  ];

  @property({ attribute: false }) me: Me | undefined;
  @property() locale: Locale = 'id';

  override updated(): void {
    // The bell (and its API client) is its own chunk, fetched once someone is signed in.
    if (this.me) void import('../pages/notifications/notification-bell.component.ts');
  }

  override render() {
    const me = this.me;
    return html`<div class="bar ${me ? 'signed-in' : 'signed-out'}">
      <div class="brand">
        <svg class="logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
          <rect width="32" height="32" rx="7" fill="#0a6463"></rect>
          <circle cx="15" cy="20" r="7" fill="none" stroke="#fff" stroke-width="2.5"></circle>
          <circle cx="13" cy="7" r="2.5" fill="#fff"></circle>
          <path d="M13 10v7h7l3 6" fill="none" stroke="#fff" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round"></path>
        </svg>
        <div>
          <span class="product">${t('app.name')}</span>
          ${me ? html`<span class="centre">${me.centre?.name ?? t('app.national')}</span>` : nothing}
        </div>
      </div>
      ${me
        ? html`<p class="who">
            <a class="name" href="/account" title=${t('account.title')}>${me.name}</a><span class="role">${label('role', me.role)}</span>
          </p>`
        : nothing}
      ${me ? html`<atensi-notification-bell></atensi-notification-bell>` : nothing}
      <atensi-language-switch .locale=${this.locale}></atensi-language-switch>
      ${me
        ? html`<button type="button" class="secondary sign-out" @click=${() => emit(this, 'sign-out', undefined)}>
            ${icon('signOut')}<span>${t('header.signOut')}</span>
          </button>`
        : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-header': AppHeader;
  }
}
