// Two toggle buttons, one per language, each named in its own language.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Locale } from '../../../schemas/common.ts';
import { localeNames, supportedLocales, t } from '../i18n/i18n.ts';
import { emit } from '../ui/events.ts';
import { sharedStyles } from '../ui/shared.styles.ts';

const shortNames: Record<Locale, string> = { id: 'Indonesia', en: 'English' };

/**
 * @event atensi-locale-change - `{ locale }` when the person picks a language
 */
@customElement('atensi-language-switch')
export class LanguageSwitch extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: inline-flex; }
      .group { display: inline-flex; border: 2px solid var(--c-primary); border-radius: var(--radius); overflow: hidden; }
      button { border: 0; border-radius: 0; min-width: 0; padding: 0.4rem 0.75rem; font-weight: 600;
        background: var(--c-surface); color: var(--c-primary); }
      button + button { border-left: 2px solid var(--c-primary); }
      button[aria-pressed='true'] { background: var(--c-primary); color: #fff; }
      button:hover { background: var(--c-primary-soft); color: var(--c-primary-hover); }
      button[aria-pressed='true']:hover { background: var(--c-primary-hover); color: #fff; }
      button:focus-visible { outline-offset: -5px; outline-color: var(--c-focus); box-shadow: inset 0 0 0 2px #fff; }
      @media (max-width: 640px) { button { padding: 0.4rem 0.55rem; } }
    `,
  ];

  @property() locale: Locale = 'id';

  override render() {
    return html`<div class="group" role="group" aria-label=${t('language.label')}>
      ${supportedLocales.map(
        (locale) => html`<button
          type="button"
          lang=${locale}
          title=${localeNames[locale]}
          aria-pressed=${locale === this.locale ? 'true' : 'false'}
          @click=${() => this.pick(locale)}
        >${shortNames[locale]}</button>`,
      )}
    </div>`;
  }

  private pick(locale: Locale) {
    if (locale !== this.locale) emit(this, 'locale-change', { locale });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-language-switch': LanguageSwitch;
  }
}
