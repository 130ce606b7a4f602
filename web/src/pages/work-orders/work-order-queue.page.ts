// The work-order queue: most urgent first, then the longest waiting; filters by status, kind and
// assignee (kept in the address); refreshed every 10 s and when the tab comes back into view.
import { Task, TaskStatus } from '@lit/task';
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
import { skippedRows } from '../../ui/skipped-rows.ts';
import { relativeTime } from '../fleet/fleet-format.ts';

export const QUEUE_PAGE_SIZE = 25;
type Filters = Pick<QueueQuery, 'status' | 'kind' | 'assignee'>;
const statusOptions = ['active', ...WorkOrderStatus.options, 'all'] as const;
const assigneeOptions = ['me', 'none'] as const;

@customElement('atensi-work-order-queue-page')
export class WorkOrderQueuePage extends LitElement {
  static override styles = [
    workPageStyles,
    css`
      .filters { display: grid; gap: 0.75rem; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); margin: 0.5rem 0 1rem; }
      .sub { display: block; color: var(--c-muted); font-size: 0.85rem; }
      .meta { display: none; }
      @media (max-width: 700px) {
        .filters { grid-template-columns: 1fr 1fr; }
        .wide { display: none; }
        .meta { display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; color: var(--c-muted); font-size: 0.9rem; padding-bottom: 0.35rem; }
      }
    `,
  ];

  @state() private filters: Filters = { status: 'active' };
  @state() private offset = 0;

  private readonly locale = new LocaleController(this);
  private readonly poll = new PollController(this, () => this.queue.run());

  private readonly queue = new Task(this, {
    task: ([filters, offset], { signal }) => listWorkOrders({ ...filters, limit: QUEUE_PAGE_SIZE, offset }, signal),
    args: () => [this.filters, this.offset] as const,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    const p = new URLSearchParams(location.search);
    const pick = <T extends string>(name: string, options: readonly T[]) => {
      const v = p.get(name);
      return v && (options as readonly string[]).includes(v) ? (v as T) : undefined;
    };
    this.filters = {
      status: pick('status', statusOptions) ?? 'active',
      kind: pick('kind', WorkOrderKind.options),
      assignee: pick('assignee', assigneeOptions),
    };
  }

  override render() {
    const page = this.queue.value;
    return html`
      <h1 tabindex="-1">${t('workOrders.title')}</h1>
      <p class="muted">${t('workOrders.intro')}</p>
      ${this.renderFilters()}
      <p class="status" role="status">
        ${this.queue.status === TaskStatus.PENDING && !page ? t('app.loading') : page ? t('workOrders.results', { total: formatNumber(page.total) }) : nothing}
      </p>
      ${this.queue.status === TaskStatus.ERROR
        ? html`<atensi-error-message .error=${this.queue.error} retryable @atensi-retry=${() => this.queue.run()}></atensi-error-message>`
        : nothing}
      ${page ? this.renderPage(page) : nothing}
    `;
  }

  private renderFilters() {
    const f = this.filters;
    const statusText = (s: (typeof statusOptions)[number]) =>
      s === 'active' ? t('workOrders.filter.active') : s === 'all' ? t('workOrders.filter.all') : t(`workOrders.status.${s}`);
    return html`<form class="filters" role="search" aria-label=${t('workOrders.title')} @submit=${(e: Event) => e.preventDefault()}>
      <div>
        <label for="status">${t('workOrders.filter.status')}</label>
        <select id="status" @change=${(e: Event) => this.setFilter('status', (e.target as HTMLSelectElement).value)}>
          ${statusOptions.map((s) => html`<option value=${s} ?selected=${s === f.status}>${statusText(s)}</option>`)}
        </select>
      </div>
      <div>
        <label for="kind">${t('workOrders.filter.kind')}</label>
        <select id="kind" @change=${(e: Event) => this.setFilter('kind', (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!f.kind}>${t('workOrders.filter.all')}</option>
          ${WorkOrderKind.options.map((k) => html`<option value=${k} ?selected=${k === f.kind}>${t(`workOrders.kind.${k}`)}</option>`)}
        </select>
      </div>
      <div>
        <label for="assignee">${t('workOrders.filter.assignee')}</label>
        <select id="assignee" @change=${(e: Event) => this.setFilter('assignee', (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!f.assignee}>${t('workOrders.filter.anyone')}</option>
          ${assigneeOptions.map((a) => html`<option value=${a} ?selected=${a === f.assignee}>${t(`workOrders.filter.${a}`)}</option>`)}
        </select>
      </div>
    </form>`;
  }

  private renderPage(page: CheckedList<WorkOrder>) {
    return html`
      ${skippedRows(page.skipped)}
      ${page.items.length === 0
        ? html`<p>${t('workOrders.empty')}</p>`
        : html`<div class="table-wrap" role="region" aria-labelledby="queue-caption" tabindex="0">
            <table>
              <caption id="queue-caption" class="visually-hidden">${t('workOrders.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">${t('workOrders.col.work')}</th>
                  <th scope="col">${t('workOrders.col.priority')}</th>
                  <th scope="col" class="wide">${t('workOrders.col.chair')}</th>
                  <th scope="col">${t('workOrders.col.status')}</th>
                  <th scope="col" class="wide">${t('workOrders.col.assignee')}</th>
                  <th scope="col" class="wide">${t('workOrders.col.age')}</th>
                </tr>
              </thead>
              <tbody>${page.items.map((w) => this.renderRow(w))}</tbody>
            </table>
          </div>`}
      ${page.total > QUEUE_PAGE_SIZE
        ? html`<atensi-pager .offset=${this.offset} .limit=${QUEUE_PAGE_SIZE} .total=${page.total}
            @atensi-page-change=${(e: AtensiEvent<'page-change'>) => (this.offset = e.detail.offset)}></atensi-pager>`
        : nothing}
    `;
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

  private setFilter(name: keyof Filters, value: string) {
    this.filters = { ...this.filters, [name]: value || undefined };
    this.offset = 0;
    replaceQuery({ [name]: name === 'status' && value === 'active' ? undefined : value || undefined });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-work-order-queue-page': WorkOrderQueuePage;
  }
}
