// Previous/next paging with the range shown, for lists the API pages with limit and offset.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatNumber } from '../i18n/format.ts';
import { t } from '../i18n/i18n.ts';
import { LocaleController } from '../i18n/locale.controller.ts';
import { emit } from './events.ts';
import { sharedStyles } from './shared.styles.ts';

/**
 * @event atensi-page-change - `{ offset }` of the page the person asked for
 */
@customElement('atensi-pager')
export class Pager extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      nav { display: flex; flex-wrap: wrap; align-items: center; gap: 0.75rem; margin-top: 1rem; }
      .range { margin: 0; }
    `,
  ];

  @property({ type: Number }) offset = 0;
  @property({ type: Number }) limit = 10;
  @property({ type: Number }) total = 0;

  private readonly locale = new LocaleController(this);

  override render() {
    const from = this.total === 0 ? 0 : this.offset + 1;
    const to = Math.min(this.offset + this.limit, this.total);
    return html`<nav aria-label=${t('paging.label')}>
      <button type="button" class="secondary" ?disabled=${this.offset === 0} @click=${() => this.go(this.offset - this.limit)}>
        ${t('paging.previous')}
      </button>
      <p class="range">${t('paging.range', { from: formatNumber(from), to: formatNumber(to), total: formatNumber(this.total) })}</p>
      <button type="button" class="secondary" ?disabled=${to >= this.total} @click=${() => this.go(this.offset + this.limit)}>
        ${t('paging.next')}
      </button>
    </nav>`;
  }

  private go(offset: number) {
    emit(this, 'page-change', { offset: Math.max(0, offset) });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-pager': Pager;
  }
}
