// The work-order queue: most urgent first, then the longest waiting; filters by status, kind and
// assignee (kept in the address); refreshed every 10 s and when the tab comes back into view.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { isActiveStatus, WorkOrderKind, WorkOrderStatus, type WorkOrder } from '../../../../schemas/work-orders.ts';
import { PollController } from '../../data/poll.controller.ts';
import type { CheckedList } from '../../data/api-client.ts';
import { listWorkOrders, type QueueQuery } from '../../data/work-orders.api.ts';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import { replaceQuery } from '../../router/router.ts';
import '../../ui/error-message.component.ts';
import type { AtensiEvent } from '../../ui/events.ts';
import { workPageStyles } from '../../ui/page.styles.ts';
import '../../ui/pager.component.ts';
import { POLL_INTERVAL_MS } from '../../data/poll.controller.ts';
import { ListController } from '../../ui/list.controller.ts';
import { choiceField } from '../../ui/query-fields.ts';
import { skippedRows } from '../../ui/skipped-rows.ts';
import { relativeTime } from '../fleet/fleet-format.ts';
import { dataTable, dataTableStyles } from '../../ui/data-table.ts';

export const QUEUE_PAGE_SIZE = 25;
const statusOptions = ['active', ...WorkOrderStatus.options, 'all'] as const;
const assigneeOptions = ['me', 'none'] as const;

@customElement('atensi-work-order-queue-page')
export class WorkOrderQueuePage extends LitElement {
  static override styles = [
    workPageStyles,
    dataTableStyles,
    css`
      .filters { display: grid; gap: 0.75rem; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); margin: 0.5rem 0 1rem; }
      @media (max-width: 700px) {
        .filters { grid-template-columns: 1fr 1fr; }
      }
    `,
  ];

  private readonly locale = new LocaleController(this);

  private readonly list = new ListController(this, {
    filters: { status: choiceField(statusOptions, 'active'), kind: choiceField(WorkOrderKind.options), assignee: choiceField(assigneeOptions) },
    pageSize: QUEUE_PAGE_SIZE,
    pollMs: POLL_INTERVAL_MS,
    load: (filters, page, signal) => listWorkOrders({ ...filters, limit: page.limit, offset: page.offset }, signal),
  });

  override render() {
    return html`
      <h1 tabindex="-1">${t('workOrders.title')}</h1>
      <p class="muted">${t('workOrders.intro')}</p>
      ${this.renderFilters()}
      ${this.list.render({
        summary: (page) => t('workOrders.results', { total: formatNumber(page.total) }),
        before: (page) => skippedRows(page.skipped),
        empty: t('workOrders.empty'),
        rows: (items) => this.renderTable(items),
      })}
    `;
  }

  private renderFilters() {
    const f = this.list.filters;
    const statusText = (s: (typeof statusOptions)[number]) =>
      s === 'active' ? t('workOrders.filter.active') : s === 'all' ? t('workOrders.filter.all') : t(`workOrders.status.${s}`);
    return html`<form class="filters" role="search" aria-label=${t('workOrders.title')} @submit=${(e: Event) => e.preventDefault()}>
      <div>
        <label for="status">${t('workOrders.filter.status')}</label>
        <select id="status" @change=${(e: Event) => this.list.set({ status: statusOptions.find((s) => s === (e.target as HTMLSelectElement).value) ?? 'active' })}>
          ${statusOptions.map((s) => html`<option value=${s} ?selected=${s === f.status}>${statusText(s)}</option>`)}
        </select>
      </div>
      <div>
        <label for="kind">${t('workOrders.filter.kind')}</label>
        <select id="kind" @change=${(e: Event) => this.list.set({ kind: WorkOrderKind.options.find((k) => k === (e.target as HTMLSelectElement).value) })}>
          <option value="" ?selected=${!f.kind}>${t('workOrders.filter.all')}</option>
          ${WorkOrderKind.options.map((k) => html`<option value=${k} ?selected=${k === f.kind}>${t(`workOrders.kind.${k}`)}</option>`)}
        </select>
      </div>
      <div>
        <label for="assignee">${t('workOrders.filter.assignee')}</label>
        <select id="assignee" @change=${(e: Event) => this.list.set({ assignee: assigneeOptions.find((a) => a === (e.target as HTMLSelectElement).value) })}>
          <option value="" ?selected=${!f.assignee}>${t('workOrders.filter.anyone')}</option>
          ${assigneeOptions.map((a) => html`<option value=${a} ?selected=${a === f.assignee}>${t(`workOrders.filter.${a}`)}</option>`)}
        </select>
      </div>
    </form>`;
  }

  private renderTable(items: readonly WorkOrder[]) {
    const col = (key: 'work' | 'priority' | 'chair' | 'status' | 'assignee' | 'age', wide = false) => ({ label: t(`workOrders.col.${key}`), class: wide ? 'wide' : undefined });
    return dataTable({
      id: 'queue-caption',
      caption: t('workOrders.caption'),
      columns: [col('work'), col('priority'), col('chair', true), col('status'), col('assignee', true), col('age', true)],
      rows: items,
      row: (w) => this.renderRow(w),
    });
  }

  private renderRow(w: WorkOrder) {
    const closed = !isActiveStatus(w.status);
    const chair = w.deviceSerial ? html`${w.deviceSerial}${w.beneficiaryName ? html`<span class="sub">${w.beneficiaryName}</span>` : nothing}` : nothing;
    const visit = w.scheduledAt ? t('workOrders.visitValue', { time: formatDateTime(w.scheduledAt), place: t(`workOrders.location.${w.location ?? 'centre'}`) }) : '';
    return html`<tr data-work-order=${w.id}>
      <td>
        <a href=${`/work-orders/${w.id}`}>${t(`workOrders.kind.${w.kind}`)}</a>
        ${w.category ? html`<span class="sub">${t(`workOrders.category.${w.category}`)}</span>` : nothing}
        <span class="meta"><span>${w.deviceSerial ?? ''}</span><span>${w.assignee?.name ?? t('workOrders.unassigned')}</span><span>${relativeTime(w.createdAt)}</span></span>
      </td>
      <td>${w.priority ? html`<span class="tag ${w.priority}">${t(`workOrders.priority.${w.priority}`)}</span>` : nothing}</td>
      <td class="wide">${chair}</td>
      <td><span class="tag ${closed ? 'done' : ''}">${t(`workOrders.status.${w.status}`)}</span>${visit ? html`<span class="sub">${visit}</span>` : nothing}</td>
      <td class="wide">${w.assignee?.name ?? html`<span class="muted">${t('workOrders.unassigned')}</span>`}</td>
      <td class="wide"><time datetime=${w.createdAt}>${relativeTime(w.createdAt)}</time></td>
    </tr>`;
  }

}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-work-order-queue-page': WorkOrderQueuePage;
  }
}
