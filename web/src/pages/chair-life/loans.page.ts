// Overdue loans of the centre (admins: every centre): which lent chair, with whom, since when and
// due when, earliest due first. Families and staff are also reminded by notification.
import { LitElement, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { LoanView } from '../../../../schemas/chair-life.ts';
import { listLoans } from '../../data/chair-life.api.ts';
import { formatDate } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import { dataTable } from '../../ui/data-table.ts';
import { ListController } from '../../ui/list.controller.ts';
import { pageStyles } from '../../ui/page.styles.ts';
import { sharedStyles } from '../../ui/shared.styles.ts';

@customElement('atensi-loans-page')
export class LoansPage extends LitElement {
  static override styles = [sharedStyles, pageStyles];

  private readonly locale = new LocaleController(this);

  private readonly loans = new ListController(this, {
    filters: {},
    pageSize: 50,
    load: (_filters, page, signal) => listLoans({ overdue: 'true', limit: page.limit, offset: page.offset }, signal),
  });

  override render() {
    return html`
      <h1 tabindex="-1">${t('chairLife.loans.title')}</h1>
      <p>${t('chairLife.loans.intro')}</p>
      ${this.loans.render({ empty: t('chairLife.loans.empty'), rows: (loans) => this.renderTable(loans) })}
    `;
  }

  private renderTable(loans: readonly LoanView[]) {
    return dataTable({
      id: 'loans-caption',
      caption: t('chairLife.loans.caption'),
      columns: (['chairLife.loans.col.chair', 'chairLife.loans.col.beneficiary', 'chairLife.loans.col.started', 'chairLife.loans.col.due'] as const).map((k) => ({ label: t(k) })),
      rows: loans,
      row: (l) => html`<tr data-loan=${l.id}>
        <td><a href=${`/fleet/${l.deviceId}`}>${l.deviceSerial}</a></td>
        <td><a href=${`/beneficiaries/${l.beneficiary.id}`}>${l.beneficiary.name}</a></td>
        <td>${formatDate(l.startedAt)}</td>
        <td>${formatDate(l.dueAt)}</td>
      </tr>`,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-loans-page': LoansPage;
  }
}
