// Family reports for centre staff: open ones by default, red flags first, filters kept in the
// address; refreshed every 10 s and when the tab comes back into view.
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Me } from '../../../../schemas/auth.ts';
import { ReportStatus, type ReportSummary } from '../../../../schemas/reports.ts';
import { meContext } from '../../app/session.context.ts';
import { PollController } from '../../data/poll.controller.ts';
import { listReports, type ReportQuery } from '../../data/reports.api.ts';
import { formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import { replaceQuery } from '../../router/router.ts';
import '../../ui/error-message.component.ts';
import type { AtensiEvent } from '../../ui/events.ts';
import { workPageStyles } from '../../ui/page.styles.ts';
import '../../ui/pager.component.ts';
import { relativeTime } from '../fleet/fleet-format.ts';
import { categoryLabel, redFlagTag, statusTag } from './report-words.ts';

export const REPORTS_PAGE_SIZE = 25;
const statusOptions = ['open', ...ReportStatus.options, 'all'] as const;
type StatusFilter = (typeof statusOptions)[number];
const flagOptions = ['all', 'true'] as const;

/** Red flags first; otherwise the server's order (newest first) is kept. */
export const redFlagsFirst = (items: readonly ReportSummary[]) => [...items].sort((a, b) => Number(b.redFlag) - Number(a.redFlag));

@customElement('atensi-report-list-page')
export class ReportListPage extends LitElement {
  static override styles = [
    workPageStyles,
    css`
      /* Wide enough for the longest choice ("Semua yang masih terbuka") with the select's arrow. */
      .filters { display: grid; gap: 0.75rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr)); margin: 0.5rem 0 1rem; }
      .sub { display: block; color: var(--c-muted); font-size: 0.85rem; }
      .tags { display: flex; flex-wrap: wrap; gap: 0.3rem; }
      tr.red-flag td:first-child { border-left: 4px solid var(--c-error); }
      .narrow { display: none; }
      @media (max-width: 700px) {
        .filters { grid-template-columns: 1fr; }
        .wide { display: none; }
        .narrow { display: block; }
      }
    `,
  ];

  @consume({ context: meContext, subscribe: true }) @state() private me: Me | undefined;
  @state() private status: StatusFilter = 'open';
  @state() private redFlag: (typeof flagOptions)[number] = 'all';
  @state() private offset = 0;

  private readonly locale = new LocaleController(this);
  private readonly poll = new PollController(this, () => this.reports.run());

  private readonly reports = new Task(this, {
    task: ([status, redFlag, offset], { signal }) => {
      const query: ReportQuery = { limit: REPORTS_PAGE_SIZE, offset };
      if (status === 'open') query.open = 'true';
      else if (status !== 'all') query.status = status;
      if (redFlag === 'true') query.redFlag = 'true';
      return listReports(query, signal);
    },
    args: () => [this.status, this.redFlag, this.offset] as const,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    const p = new URLSearchParams(location.search);
    const status = p.get('status');
    if (status && (statusOptions as readonly string[]).includes(status)) this.status = status as StatusFilter;
    if (p.get('redFlag') === 'true') this.redFlag = 'true';
  }

  override render() {
    const page = this.reports.value;
    return html`
      <h1 tabindex="-1">${t('reports.title')}</h1>
      <p class="muted">${t('reports.intro')}</p>
      ${this.renderFilters()}
      <p class="status" role="status">
        ${this.reports.status === TaskStatus.PENDING && !page ? t('app.loading') : page ? t('reports.results', { total: formatNumber(page.total) }) : nothing}
      </p>
      ${this.reports.status === TaskStatus.ERROR
        ? html`<atensi-error-message .error=${this.reports.error} retryable @atensi-retry=${() => this.reports.run()}></atensi-error-message>`
        : nothing}
      ${page ? this.renderPage(page.items, page.total) : nothing}
    `;
  }

  private renderFilters() {
    const statusText = (s: StatusFilter) =>
      s === 'open' ? t('reports.filter.open') : s === 'all' ? t('reports.filter.all') : t(`reports.status.${s}`);
    return html`<form class="filters" role="search" aria-label=${t('reports.filter.label')} @submit=${(e: Event) => e.preventDefault()}>
      <div>
        <label for="status">${t('reports.filter.status')}</label>
        <select id="status" @change=${(e: Event) => this.setStatus((e.target as HTMLSelectElement).value as StatusFilter)}>
          ${statusOptions.map((s) => html`<option value=${s} ?selected=${s === this.status}>${statusText(s)}</option>`)}
        </select>
      </div>
      ${this.me?.role === 'technician'
        ? nothing // Technicians are never shown red flags (clinical), so the filter would always be empty.
        : html`<div>
            <label for="red-flag">${t('reports.filter.redFlag')}</label>
            <select id="red-flag" @change=${(e: Event) => this.setRedFlag((e.target as HTMLSelectElement).value)}>
              <option value="all" ?selected=${this.redFlag === 'all'}>${t('reports.filter.all')}</option>
              <option value="true" ?selected=${this.redFlag === 'true'}>${t('reports.filter.redFlagOnly')}</option>
            </select>
          </div>`}
    </form>`;
  }

  private renderPage(items: ReportSummary[], total: number) {
    return html`
      ${items.length === 0
        ? html`<p>${t('reports.empty')}</p>`
        : html`<div class="table-wrap" role="region" aria-labelledby="reports-caption" tabindex="0">
            <table>
              <caption id="reports-caption" class="visually-hidden">${t('reports.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">${t('reports.col.problem')}</th>
                  <th scope="col">${t('reports.col.beneficiary')}</th>
                  <th scope="col">${t('reports.col.status')}</th>
                  <th scope="col" class="wide">${t('reports.col.age')}</th>
                </tr>
              </thead>
              <tbody>${redFlagsFirst(items).map((r) => this.renderRow(r))}</tbody>
            </table>
          </div>`}
      ${total > REPORTS_PAGE_SIZE
        ? html`<atensi-pager .offset=${this.offset} .limit=${REPORTS_PAGE_SIZE} .total=${total}
            @atensi-page-change=${(e: AtensiEvent<'page-change'>) => (this.offset = e.detail.offset)}></atensi-pager>`
        : nothing}
    `;
  }

  private renderRow(r: ReportSummary) {
    return html`<tr data-report=${r.id} class=${r.redFlag ? 'red-flag' : ''}>
      <td>
        ${r.category === null ? html`<span data-withheld>${categoryLabel(null)}</span>` : html`<a href=${`/reports/${r.id}`}>${categoryLabel(r.category)}</a>`}
        ${r.photoCount ? html`<span class="sub">${t('reports.photoCount', { count: r.photoCount })}</span>` : nothing}
      </td>
      <td>${r.beneficiary.fullName}<span class="sub narrow">${relativeTime(r.createdAt)}</span></td>
      <td><span class="tags">${redFlagTag(r.redFlag)}${statusTag(r.status)}</span></td>
      <td class="wide"><time datetime=${r.createdAt}>${relativeTime(r.createdAt)}</time></td>
    </tr>`;
  }

  private setStatus(value: StatusFilter) {
    this.status = value;
    this.offset = 0;
    replaceQuery({ status: value === 'open' ? undefined : value });
  }

  private setRedFlag(value: string) {
    this.redFlag = value === 'true' ? 'true' : 'all';
    this.offset = 0;
    replaceQuery({ redFlag: value === 'true' ? 'true' : undefined });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-report-list-page': ReportListPage;
  }
}
