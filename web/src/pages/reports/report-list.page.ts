// Family reports for centre staff: open ones by default, red flags first, filters kept in the
// address; refreshed every 10 s and when the tab comes back into view.
import { consume } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Me } from '../../../../schemas/auth.ts';
import { ReportStatus, type ReportSummary } from '../../../../schemas/reports.ts';
import { meContext } from '../../data/session.context.ts';
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
import { POLL_INTERVAL_MS } from '../../data/poll.controller.ts';
import { ListController } from '../../ui/list.controller.ts';
import { choiceField } from '../../ui/query-fields.ts';
import { categoryLabel, redFlagTag, statusTag } from './report-words.ts';
import { dataTable, dataTableStyles } from '../../ui/data-table.ts';

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
    dataTableStyles,
    css`
      /* Wide enough for the longest choice ("Semua yang masih terbuka") with the select's arrow. */
      .filters { display: grid; gap: 0.75rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr)); margin: 0.5rem 0 1rem; }
      .tags { display: flex; flex-wrap: wrap; gap: 0.3rem; }
      tr.red-flag td:first-child { border-left: 4px solid var(--c-error); }
      .narrow { display: none; }
      @media (max-width: 700px) {
        .filters { grid-template-columns: 1fr; }
        .narrow { display: block; }
      }
    `,
  ];

  @consume({ context: meContext, subscribe: true }) @state() private me: Me | undefined;

  private readonly locale = new LocaleController(this);

  private readonly list = new ListController(this, {
    filters: { status: choiceField(statusOptions, 'open'), redFlag: choiceField(flagOptions, 'all') },
    pageSize: REPORTS_PAGE_SIZE,
    pollMs: POLL_INTERVAL_MS,
    load: ({ status, redFlag }, page, signal) => {
      const query: ReportQuery = { limit: page.limit, offset: page.offset };
      if (status === 'open') query.open = 'true';
      else if (status !== 'all') query.status = status;
      if (redFlag === 'true') query.redFlag = 'true';
      return listReports(query, signal);
    },
  });

  override render() {
    return html`
      <h1 tabindex="-1">${t('reports.title')}</h1>
      <p class="muted">${t('reports.intro')}</p>
      ${this.renderFilters()}
      ${this.list.render({
        summary: (page) => t('reports.results', { total: formatNumber(page.total) }),
        empty: t('reports.empty'),
        rows: (items) => this.renderTable(items),
      })}
    `;
  }

  private renderFilters() {
    const statusText = (s: StatusFilter) =>
      s === 'open' ? t('reports.filter.open') : s === 'all' ? t('reports.filter.all') : t(`reports.status.${s}`);
    return html`<form class="filters" role="search" aria-label=${t('reports.filter.label')} @submit=${(e: Event) => e.preventDefault()}>
      <div>
        <label for="status">${t('reports.filter.status')}</label>
        <select id="status" @change=${(e: Event) => this.list.set({ status: (e.target as HTMLSelectElement).value as StatusFilter })}>
          ${statusOptions.map((s) => html`<option value=${s} ?selected=${s === this.list.filters.status}>${statusText(s)}</option>`)}
        </select>
      </div>
      ${this.me?.role === 'technician'
        ? nothing // Technicians are never shown red flags (clinical), so the filter would always be empty.
        : html`<div>
            <label for="red-flag">${t('reports.filter.redFlag')}</label>
            <select id="red-flag" @change=${(e: Event) => this.list.set({ redFlag: (e.target as HTMLSelectElement).value === 'true' ? 'true' : 'all' })}>
              <option value="all" ?selected=${this.list.filters.redFlag === 'all'}>${t('reports.filter.all')}</option>
              <option value="true" ?selected=${this.list.filters.redFlag === 'true'}>${t('reports.filter.redFlagOnly')}</option>
            </select>
          </div>`}
    </form>`;
  }

  private renderTable(items: readonly ReportSummary[]) {
    return dataTable({
      id: 'reports-caption',
      caption: t('reports.caption'),
      columns: [
        { label: t('reports.col.problem') },
        { label: t('reports.col.beneficiary') },
        { label: t('reports.col.status') },
        { label: t('reports.col.age'), class: 'wide' },
      ],
      rows: redFlagsFirst(items),
      row: (r) => this.renderRow(r),
    });
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
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-report-list-page': ReportListPage;
  }
}
