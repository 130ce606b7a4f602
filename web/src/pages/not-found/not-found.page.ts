// Shown for addresses that match no page, or a page the signed-in role may not open.
import { LitElement, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { t } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import { sharedStyles } from '../../ui/shared.styles.ts';

@customElement('atensi-not-found-page')
export class NotFoundPage extends LitElement {
  static override styles = sharedStyles;

  private readonly locale = new LocaleController(this);

  override render() {
    return html`
      <h1 tabindex="-1">${t('notFound.title')}</h1>
      <p>${t('notFound.body')}</p>
      <p><a class="button" href="/">${t('notFound.home')}</a></p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-not-found-page': NotFoundPage;
  }
}
