// Centres of the programme (admins): code, name, city and province.
import { LitElement, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { Centre } from '../../../../schemas/centres.ts';
import { listCentres } from '../../data/centres.api.ts';
import { t } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import { ListController } from '../../ui/list.controller.ts';
import { pageStyles } from '../../ui/page.styles.ts';
import { sharedStyles } from '../../ui/shared.styles.ts';
import { dataTable } from '../../ui/data-table.ts';

@customElement('atensi-centre-list-page')
export class CentreListPage extends LitElement {
  static override styles = [sharedStyles, pageStyles];

  private readonly locale = new LocaleController(this);

  private readonly centres = new ListController(this, {
    filters: {},
    load: async (_filters, _page, signal) => ({ items: await listCentres(signal) }),
  });

  override render() {
    return html`
      <h1 tabindex="-1">${t('centres.title')}</h1>
      ${this.centres.render({ empty: t('centres.empty'), rows: (centres) => this.renderTable(centres) })}
    `;
  }

  private renderTable(centres: readonly Centre[]) {
    return dataTable({
      id: 'centres-caption',
      caption: t('centres.caption'),
      columns: [...(['col.code', 'col.name', 'col.city', 'col.province'] as const).map((k) => ({ label: t(k) })), { label: t('centres.webhook.col.channel') }],
      rows: centres,
      row: (c) => html`<tr><td>${c.code}</td><td>${c.name}</td><td>${c.city}</td><td>${c.province}</td>
        <td><a href=${`/centres/${c.id}/webhook`} aria-label=${t('centres.webhook.linkFor', { centre: c.name })}>${t('centres.webhook.short')}</a></td></tr>`,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-centre-list-page': CentreListPage;
  }
}
