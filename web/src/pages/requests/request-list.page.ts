// Requests in scope: filter by step (and "mine" for therapists), a table linking to each request.
// The filter is kept in the address so the manager's "approvals waiting" link is a plain URL.
import { consume } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Me } from '../../../../schemas/auth.ts';
import { requestStates, type RequestSummary } from '../../../../schemas/requests.ts';
import { meContext } from '../../data/session.context.ts';
import { listRequests, type RequestPage } from '../../data/requests.api.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import { ListController } from '../../ui/list.controller.ts';
import { pageStyles } from '../../ui/page.styles.ts';
import { choiceField, flagField, patternField } from '../../ui/query-fields.ts';
import { sharedStyles } from '../../ui/shared.styles.ts';
import { stateLabel, stateTone } from './pathway-labels.ts';
import { requestStyles } from './request-detail.styles.ts';
import { dataTable } from '../../ui/data-table.ts';

const PAGE_SIZE = 20;

@customElement('atensi-request-list-page')
export class RequestListPage extends LitElement {
  static override styles = [
    sharedStyles,
    pageStyles,
    requestStyles,
    css`
      .filters { display: flex; flex-wrap: wrap; gap: 1rem 1.5rem; align-items: end; margin: 0.5rem 0 1rem; }
      select { font: inherit; min-height: var(--target); padding: 0.4rem 0.6rem; border: 2px solid var(--c-border); border-radius: var(--radius); background: var(--c-surface); }
      .check { display: flex; align-items: center; gap: 0.5rem; min-height: var(--target); }
      .check input { width: 1.4rem; height: 1.4rem; accent-color: var(--c-primary); }
      .check label { margin: 0; }
    `,
  ];

  @consume({ context: meContext, subscribe: true }) @state() private me: Me | undefined;

  private readonly locale = new LocaleController(this);

  private readonly list = new ListController(this, {
    filters: {
      state: choiceField(requestStates, ''),
      mine: flagField(),
      /** A beneficiary's requests only (a link from their page: `/requests?beneficiaryId=…`). */
      beneficiaryId: patternField(/^[a-z0-9]{8,40}$/),
    },
    pageSize: PAGE_SIZE,
    load: (f, page, signal): Promise<RequestPage> =>
      listRequests({ state: f.state || undefined, mine: f.mine || undefined, beneficiaryId: f.beneficiaryId || undefined, limit: page.limit, offset: page.offset }, signal),
  });

  override render() {
    const f = this.list.filters;
    const staff = this.me?.role !== 'family';
    return html`
      <div class="page-head">
        <h1 tabindex="-1">${t('requests.title')}</h1>
        ${this.me?.role === 'therapist' || this.me?.role === 'admin' ? html`<a class="button" href="/requests/new">${t('requests.new')}</a>` : nothing}
      </div>
      ${staff
        ? html`<div class="filters">
            <div>
              <label for="state-filter">${t('requests.filterState')}</label>
              <select id="state-filter" @change=${(e: Event) => this.list.set({ state: this.stateOf((e.target as HTMLSelectElement).value) })}>
                <option value="" ?selected=${f.state === ''}>${t('requests.allStates')}</option>
                ${requestStates.map((s) => html`<option value=${s} ?selected=${s === f.state}>${stateLabel(s)}</option>`)}
              </select>
            </div>
            ${this.me?.role === 'therapist'
              ? html`<div class="check"><input type="checkbox" id="mine" .checked=${f.mine}
                  @change=${(e: Event) => this.list.set({ mine: (e.target as HTMLInputElement).checked })} /><label for="mine">${t('requests.onlyMine')}</label></div>`
              : nothing}
          </div>`
        : nothing}
      ${this.list.render({
        summary: (page) => t('beneficiaries.list.results', { total: formatNumber(page.total) }),
        empty: t('requests.empty'),
        rows: (items) => this.renderTable(items, staff),
      })}
    `;
  }

  private stateOf(value: string) {
    return requestStates.find((s) => s === value) ?? '';
  }

  private renderTable(items: readonly RequestSummary[], staff: boolean) {
    return dataTable({
      id: 'requests-caption',
      caption: t('requests.caption'),
      columns: [
        { label: t('col.name') },
        { label: t('requests.state') },
        staff && { label: t('requests.therapist') },
        { label: t('requests.since') },
        { label: t('requests.next') },
      ],
      rows: items,
      row: (r) => this.renderRow(r, staff),
    });
  }

  private renderRow(r: RequestSummary, staff: boolean) {
    const next = r.nextFollowUpAt ? t('requests.followUpOn', { date: formatDate(r.nextFollowUpAt) }) : r.appointmentAt && r.state === 'referred' ? t('requests.appointmentOn', { date: formatDate(r.appointmentAt) }) : r.expectedAt && r.state === 'ordered' ? t('requests.expectedOn', { date: formatDate(r.expectedAt) }) : '';
    return html`<tr>
      <td><a href=${`/requests/${r.id}`}>${r.beneficiary.fullName}</a></td>
      <td><span class="badge ${stateTone(r.state)}">${stateLabel(r.state)}</span></td>
      ${staff ? html`<td>${r.therapist?.name ?? ''}</td>` : nothing}
      <td>${formatDate(r.stateSince)}</td>
      <td>${next}</td>
    </tr>`;
  }

}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-request-list-page': RequestListPage;
  }
}
