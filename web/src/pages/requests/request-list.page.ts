// Requests in scope: filter by step (and "mine" for therapists), a table linking to each request.
// The filter is kept in the address so the manager's "approvals waiting" link is a plain URL.
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Me } from '../../../../schemas/auth.ts';
import { RequestState, requestStates, type RequestSummary } from '../../../../schemas/requests.ts';
import { meContext } from '../../app/session.context.ts';
import { listRequests, type RequestPage } from '../../data/requests.api.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import { replaceQuery } from '../../router/router.ts';
import '../../ui/error-message.component.ts';
import type { AtensiEvent } from '../../ui/events.ts';
import { pageStyles } from '../../ui/page.styles.ts';
import '../../ui/pager.component.ts';
import { sharedStyles } from '../../ui/shared.styles.ts';
import { stateLabel, stateTone } from './pathway-labels.ts';
import { requestStyles } from './request-detail.styles.ts';

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
  @state() private stateFilter: RequestState | '' = '';
  @state() private mine = false;
  @state() private offset = 0;
  /** A beneficiary's requests only (a link from their page: `/requests?beneficiaryId=…`). */
  @state() private beneficiaryId = '';

  private readonly locale = new LocaleController(this);

  private readonly list = new Task(this, {
    task: ([s, mine, offset, beneficiaryId], { signal }) =>
      listRequests({ state: s || undefined, mine: mine || undefined, beneficiaryId: beneficiaryId || undefined, limit: PAGE_SIZE, offset }, signal),
    args: () => [this.stateFilter, this.mine, this.offset, this.beneficiaryId] as const,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    const params = new URLSearchParams(location.search);
    const s = RequestState.safeParse(params.get('state'));
    this.stateFilter = s.success ? s.data : '';
    this.mine = params.get('mine') === 'true';
    this.beneficiaryId = /^[a-z0-9]{8,40}$/.test(params.get('beneficiaryId') ?? '') ? params.get('beneficiaryId')! : '';
  }

  override render() {
    const page = this.list.value;
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
              <select id="state-filter" @change=${this.onState}>
                <option value="" ?selected=${this.stateFilter === ''}>${t('requests.allStates')}</option>
                ${requestStates.map((s) => html`<option value=${s} ?selected=${s === this.stateFilter}>${stateLabel(s)}</option>`)}
              </select>
            </div>
            ${this.me?.role === 'therapist'
              ? html`<div class="check"><input type="checkbox" id="mine" .checked=${this.mine} @change=${this.onMine} /><label for="mine">${t('requests.onlyMine')}</label></div>`
              : nothing}
          </div>`
        : nothing}
      <p class="status" role="status">${this.list.status === TaskStatus.PENDING ? t('app.loading') : page ? t('beneficiaries.list.results', { total: formatNumber(page.total) }) : nothing}</p>
      ${this.list.status === TaskStatus.ERROR
        ? html`<atensi-error-message .error=${this.list.error} retryable @atensi-retry=${() => this.list.run()}></atensi-error-message>`
        : page
          ? this.renderPage(page, staff)
          : nothing}
    `;
  }

  private renderPage(page: RequestPage, staff: boolean) {
    if (page.items.length === 0) return html`<p>${t('requests.empty')}</p>`;
    return html`<div class="table-wrap" role="region" aria-labelledby="requests-caption" tabindex="0">
        <table>
          <caption id="requests-caption" class="visually-hidden">${t('requests.caption')}</caption>
          <thead><tr>
            <th scope="col">${t('col.name')}</th>
            <th scope="col">${t('requests.state')}</th>
            ${staff ? html`<th scope="col">${t('requests.therapist')}</th>` : nothing}
            <th scope="col">${t('requests.since')}</th>
            <th scope="col">${t('requests.next')}</th>
          </tr></thead>
          <tbody>${page.items.map((r) => this.renderRow(r, staff))}</tbody>
        </table>
      </div>
      ${page.total > PAGE_SIZE
        ? html`<atensi-pager .offset=${this.offset} .limit=${PAGE_SIZE} .total=${page.total} @atensi-page-change=${(e: AtensiEvent<'page-change'>) => (this.offset = e.detail.offset)}></atensi-pager>`
        : nothing}`;
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

  private onState(e: Event) {
    const value = (e.target as HTMLSelectElement).value;
    this.stateFilter = RequestState.safeParse(value).success ? (value as RequestState) : '';
    this.offset = 0;
    replaceQuery({ state: this.stateFilter || undefined });
  }

  private onMine(e: Event) {
    this.mine = (e.target as HTMLInputElement).checked;
    this.offset = 0;
    replaceQuery({ mine: this.mine ? 'true' : undefined });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-request-list-page': RequestListPage;
  }
}
