// One work order: what it is about (the chair, the rule or report, the forecast), the alerts it
// answers, and the forms that move it from open to resolved. Resolving shows the alerts cleared.
import { Task, TaskStatus } from '@lit/task';
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { type BatteryForecast, defaultThresholds } from '../../../../schemas/maintenance-rules.ts';
import { isActiveStatus, type Part, type WorkOrderAction, type WorkOrderDetail } from '../../../../schemas/work-orders.ts';
import { PollController } from '../../data/poll.controller.ts';
import { getWorkOrder, moveWorkOrder } from '../../data/work-orders.api.ts';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { t, type MessageKey } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import { confirmAction } from '../../ui/confirm-dialog.component.ts';
import '../../ui/error-message.component.ts';
import { emit } from '../../ui/events.ts';
import { workPageStyles } from '../../ui/page.styles.ts';
import { WriteController } from '../../ui/write.controller.ts';
import { forecastWords } from '../fleet/battery-forecast-words.ts';
import { alertItem } from '../fleet/chair-sections.ts';
import { alertKindLabel } from '../fleet/fleet-format.ts';
import { actionForms, allows, type PartError } from './work-order-actions.ts';
import { checklistForm } from './refurbishment-form.ts';
import { isApiError } from '../../data/api-error.ts';

function fact(key: MessageKey, value: string | TemplateResult | null | undefined) {
  return html`<dt>${t(key)}</dt><dd>${value === null || value === undefined || value === '' ? t('beneficiaries.detail.notRecorded') : value}</dd>`;
}

/** The forecast a battery-replacement work order carries (older orders may lack fields). */
type Forecast = Partial<Omit<BatteryForecast, 'points'>> & { points?: { t: number | string; capacityPct: number }[] };

@customElement('atensi-work-order-page')
export class WorkOrderPage extends LitElement {
  static override styles = [
    workPageStyles,
    css`
      .subtitle { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
      .actions { display: grid; gap: 1rem; }
      ul.items { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.5rem; }
      ul.items li { display: flex; flex-wrap: wrap; gap: 0.4rem 0.75rem; align-items: center; background: var(--c-surface);
        border: 1px solid var(--c-line); border-radius: var(--radius); padding: 0.5rem 0.75rem; }
      details summary { cursor: pointer; min-height: var(--target); display: flex; align-items: center; font-weight: 600; color: var(--c-primary); }
    `,
  ];

  @property() workOrderId = '';
  @state() private chartReady = false;
  @state() private parts: Part[] = [];
  @state() private partsDirty = false;
  @state() private notesError = false;
  @state() private reasonError = false;
  @state() private partError: PartError | undefined;

  private readonly locale = new LocaleController(this);
  private readonly write = new WriteController(this);
  private readonly poll = new PollController(this, () => {
    if (!this.write.busy) void this.order.run();
  });

  private readonly order = new Task(this, {
    task: ([id], { signal }) => getWorkOrder(id, signal),
    args: () => [this.workOrderId] as const,
    onComplete: (w) => {
      emit(this, 'page-title', { title: t(`workOrders.kind.${w.kind}`) });
      if (!this.partsDirty) this.parts = w.parts?.length ? w.parts.map((p) => ({ ...p })) : [{ name: '', quantity: 1 }];
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    // The capacity chart (uPlot) is its own chunk, fetched once the page is up.
    void import('../fleet/capacity-chart.component.ts').then(() => (this.chartReady = true));
  }

  override render() {
    const w = this.order.value;
    return html`
      <a class="back" href="/work-orders"><span aria-hidden="true">←&nbsp;</span>${t('workOrders.back')}</a>
      <h1 tabindex="-1">${w ? t(`workOrders.kind.${w.kind}`) : t('workOrders.detailTitle')}</h1>
      ${this.order.status === TaskStatus.ERROR && !w
        ? html`<atensi-error-message .error=${this.order.error} retryable @atensi-retry=${() => this.order.run()}></atensi-error-message>`
        : w
          ? this.renderOrder(w)
          : html`<p class="status" role="status">${t('app.loading')}</p>`}
    `;
  }

  private renderOrder(w: WorkOrderDetail) {
    const closed = !isActiveStatus(w.status);
    return html`
      <p class="subtitle">
        <span class="tag ${closed ? 'done' : ''}" id="status">${t(`workOrders.status.${w.status}`)}</span>
        ${w.priority ? html`<span class="tag ${w.priority}">${t(`workOrders.priority.${w.priority}`)}</span>` : nothing}
      </p>
      ${this.write.statusLine()}
      ${this.renderDetails(w)}
      ${this.renderForecast(w)}
      <section aria-labelledby="alerts-heading">
        <h2 id="alerts-heading">${t('workOrders.alerts')}</h2>
        ${w.alerts?.length ? html`<ul class="items">${w.alerts.map((a) => alertItem(a))}</ul>` : html`<p>${t('workOrders.noAlerts')}</p>`}
      </section>
      ${checklistForm(w, { busy: this.write.busy, editable: allows(w, 'checklist'), submit: (a) => void this.submit(a) })}
      <section aria-labelledby="actions-heading">
        <h2 id="actions-heading">${t('workOrders.actions')}</h2>
        ${this.write.errorLine()}
        <div class="actions">
          ${actionForms(w, {
            busy: this.write.busy,
            parts: this.parts,
            notesError: this.notesError,
            reasonError: this.reasonError,
            partError: this.partError,
            submit: (a) => void this.submit(a),
            setParts: (parts) => {
              this.parts = parts;
              this.partsDirty = true;
            },
            invalid: (field) => this.invalid(field),
            invalidPart: (error) => this.invalidPart(error),
          })}
        </div>
      </section>
    `;
  }

  private renderDetails(w: WorkOrderDetail) {
    const source = w.rule ? t('workOrders.fromRule', { rule: alertKindLabel(w.rule) }) : w.reportId ? t('workOrders.fromReport') : t('workOrders.manual');
    const visit = w.scheduledAt ? t('workOrders.visitValue', { time: formatDateTime(w.scheduledAt), place: t(`workOrders.location.${w.location ?? 'centre'}`) }) : t('workOrders.noVisit');
    return html`<section aria-labelledby="details-heading">
      <h2 id="details-heading">${t('workOrders.details')}</h2>
      <dl class="facts card">
        ${fact('workOrders.chair', w.deviceId ? html`<a href=${`/fleet/${w.deviceId}`}>${w.deviceSerial}</a>` : null)}
        ${fact('workOrders.beneficiary', w.beneficiaryName)}
        ${fact('workOrders.source', source)}
        ${w.category ? fact('workOrders.new.category', t(`workOrders.category.${w.category}`)) : nothing}
        ${w.description ? fact('workOrders.description', w.description) : nothing}
        ${fact('workOrders.created', formatDateTime(w.createdAt))}
        ${fact('workOrders.filter.assignee', w.assignee?.name ?? t('workOrders.unassigned'))}
        ${fact('workOrders.visit', visit)}
        ${fact('workOrders.parts', w.parts?.length ? w.parts.map((p) => `${p.name} × ${p.quantity}`).join(', ') : t('workOrders.noParts'))}
        ${w.resolutionNotes ? fact('workOrders.resolution', w.resolutionNotes) : nothing}
        ${w.resolvedAt ? fact('workOrders.resolvedAt', formatDateTime(w.resolvedAt)) : nothing}
      </dl>
    </section>`;
  }

  private renderForecast(w: WorkOrderDetail) {
    const forecast = (w.details?.forecast ?? null) as Forecast | null;
    if (!w.forecastAt && !forecast) return nothing;
    const points = Array.isArray(forecast?.points) ? forecast.points.filter((p) => typeof p.capacityPct === 'number' && typeof p.t === 'number') : [];
    const capacityPct = typeof w.details?.capacityPct === 'number' ? w.details.capacityPct : null;
    const words = forecast
      ? forecastWords({ capacityPct, thresholdPct: forecast.thresholdPct ?? defaultThresholds.wearCapacityPct, crossAt: forecast.crossAt ?? w.forecastAt ?? null, earliestAt: forecast.earliestAt ?? null, latestAt: forecast.latestAt ?? null, poorFit: forecast.poorFit ?? false, needsDays: forecast.needsDays ?? 0 })
      : formatDate(w.forecastAt ?? '');
    // A chart of the daily points (not a table of ~90 rows); the words above say what it shows.
    return html`<section aria-labelledby="forecast-heading" data-forecast>
      <h2 id="forecast-heading">${t('workOrders.forecast')}</h2>
      <p>${formatDate(w.forecastAt ?? forecast?.crossAt ?? '')}</p>
      <p class="forecast-words">${words}</p>
      ${this.chartReady && forecast && points.length
        ? html`<atensi-capacity-chart
            .data=${{ points, thresholdPct: forecast.thresholdPct ?? defaultThresholds.wearCapacityPct, crossAt: forecast.crossAt ?? null, slopePctPerDay: forecast.slopePctPerDay ?? null, linePctToday: forecast.linePctToday ?? null, residualPct: forecast.residualPct ?? null, poorFit: forecast.poorFit ?? false }}
            .fittedAt=${Date.parse(w.updatedAt)}
            summary=${words}
          ></atensi-capacity-chart>`
        : nothing}
    </section>`;
  }

  private invalidPart(error: PartError) {
    this.notesError = this.reasonError = false;
    this.partError = error;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#part-${error.field}-${error.row}`)?.focus());
  }

  private invalid(field: 'notes' | 'reason' | 'when' | 'assignee') {
    this.partError = undefined;
    this.notesError = field === 'notes';
    this.reasonError = field === 'reason';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${field}`)?.focus());
  }

  private async submit(action: WorkOrderAction) {
    if (action.action === 'cancel' && !(await confirmAction({ title: 'workOrders.cancelAsk.title', consequence: 'workOrders.cancelAsk.consequence', confirm: 'workOrders.cancelAsk.confirm', keep: 'workOrders.cancelAsk.keep' }))) return;
    this.notesError = this.reasonError = false;
    this.partError = undefined;
    await this.write.run(async () => {
      try {
        const updated = await moveWorkOrder(this.workOrderId, action);
        if (action.action === 'parts' || action.action === 'resolve') this.partsDirty = false;
        await this.order.run();
        const cleared = updated.alerts?.filter((a) => a.clearedAt !== null && a.clearedAt === updated.resolvedAt).length ?? 0;
        return action.action === 'resolve' ? t('workOrders.resolvedMessage', { count: cleared }) : t('workOrders.saved');
      } catch (err) {
        // The server's field issues go beside their fields, like the browser's own checks.
        const issue = isApiError(err) && err.status === 422 ? err.issues[0] : undefined;
        const [first, row, part] = issue?.path ?? [];
        if (first === 'parts' && typeof row === 'number') this.invalidPart({ row, field: part === 'name' ? 'name' : 'qty' });
        else if (first === 'notes' || first === 'reason') this.invalid(first);
        else throw err;
      }
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-work-order-page': WorkOrderPage;
  }
}
