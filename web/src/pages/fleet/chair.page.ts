// One chair for the workshop and the therapists: its state, battery and use over 24 h / 7 d / 30 d
// (uPlot, loaded on demand, with a summary and a table), open alerts, refused messages, its work
// orders, the steps of its life (loan, return, transfer, battery, retire) and its history.
// Everything refreshes every 10 s and when the tab comes back into view.
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Me } from '../../../../schemas/auth.ts';
import { inRoles, workshopRoles } from '../../../../schemas/common.ts';
import type { AggregatePoint, DeviceDetail, RawPoint } from '../../../../schemas/devices.ts';
import type { BatteryForecast } from '../../../../schemas/maintenance-rules.ts';
import { getDevice, getTelemetry, listRejected } from '../../data/devices.api.ts';
import { PollController } from '../../data/poll.controller.ts';
import { meContext } from '../../data/session.context.ts';
import { acknowledgeAlert, listAlerts } from '../../data/alerts.api.ts';
import { createWorkOrder, listWorkOrders } from '../../data/work-orders.api.ts';
import { formatDate } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import { navigate } from '../../router/router.ts';
import { skippedRows } from '../../ui/skipped-rows.ts';
import '../../ui/error-message.component.ts';
import { emit } from '../../ui/events.ts';
import { workPageStyles } from '../../ui/page.styles.ts';
import { newWorkOrderForm, readNewWorkOrder } from './work-order-forms.ts';
import { WriteController } from '../../ui/write.controller.ts';
import { forecastWords } from './battery-forecast-words.ts';
import { alertItem, rejectedSection, serviceSection, stateSection, workOrderItem } from './chair-sections.ts';
import { riskBadge } from './fleet-format.ts';
import { batterySummary, RANGES, type RangeKey, usageSummary } from './telemetry-summary.ts';
import { bucketTable } from './telemetry-table.ts';
import '../chair-life/chair-actions.component.ts';
import '../chair-life/chair-history.component.ts';
import './chair-credentials.component.ts';

const HOUR = 3_600_000;

@customElement('atensi-chair-page')
export class ChairPage extends LitElement {
  static override styles = [
    workPageStyles,
    css`
      .subtitle { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; color: var(--c-muted); }
      .spaced { margin-top: 0.75rem; }
      .ranges { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0 0 0.75rem; }
      .ranges button[aria-pressed='false'] { background: var(--c-surface); color: var(--c-primary); }
      .chart { margin-bottom: 0.75rem; }
      .chart h3 { margin: 0.5rem 0; }
      ul.items { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.5rem; }
      ul.items li { display: flex; flex-wrap: wrap; gap: 0.4rem 0.75rem; align-items: center; background: var(--c-surface);
        border: 1px solid var(--c-line); border-radius: var(--radius); padding: 0.5rem 0.75rem; }
      details.data { margin: 0.5rem 0 1rem; }
      details.data summary { cursor: pointer; min-height: var(--target); display: flex; align-items: center; color: var(--c-primary); font-weight: 600; }
    `,
  ];

  @property() deviceId = '';
  @state() private range: RangeKey = '24h';
  @state() private descriptionError = false;
  @state() private actionError: unknown;
  @state() private chartsReady = false;
  @consume({ context: meContext, subscribe: true }) @state() private me: Me | undefined;

  private readonly locale = new LocaleController(this);
  private readonly write = new WriteController(this);
  private readonly poll = new PollController(this, () => this.refresh());

  private readonly device = new Task(this, {
    task: ([id], { signal }) => getDevice(id, signal),
    args: () => [this.deviceId] as const,
    onComplete: (d) => emit(this, 'page-title', { title: d.serial }),
  });

  private readonly series = new Task(this, {
    task: async ([id, range], { signal }) => {
      const r = RANGES[range];
      const to = new Date(Math.ceil(Date.now() / 60_000) * 60_000);
      const from = new Date(to.getTime() - r.hours * HOUR);
      const [buckets, raw] = await Promise.all([
        getTelemetry(id, { from, to, resolution: r.bucket }, signal),
        r.rawBattery ? getTelemetry(id, { from, to, resolution: 'raw' }, signal) : undefined,
      ]);
      // A raw read older than the raw horizon comes back as hourly rollups: the chart then draws the buckets and says why.
      const rawServed = raw?.resolution === 'raw' ? (raw.points as RawPoint[]) : undefined;
      return { buckets: buckets.points as AggregatePoint[], raw: rawServed, rawExpired: !!raw && !rawServed, bucket: r.bucket };
    },
    args: () => [this.deviceId, this.range] as const,
  });

  private readonly alerts = new Task(this, {
    task: ([id], { signal }) => listAlerts({ deviceId: id, status: 'all', limit: 50 }, signal),
    args: () => [this.deviceId] as const,
  });

  private readonly rejected = new Task(this, {
    task: ([id], { signal }) => listRejected(id, { limit: 10 }, signal),
    args: () => [this.deviceId] as const,
  });

  private readonly workOrders = new Task(this, {
    task: ([id], { signal }) => listWorkOrders({ deviceId: id, status: 'all', limit: 50 }, signal),
    args: () => [this.deviceId] as const,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    // The chart module (uPlot) is its own chunk, fetched once the page is up.
    void Promise.all([import('./telemetry-chart.component.ts'), import('./capacity-chart.component.ts')]).then(() => (this.chartsReady = true));
  }

  private refresh() {
    void this.device.run();
    void this.series.run();
    void this.alerts.run();
    void this.rejected.run();
    void this.workOrders.run();
    this.renderRoot.querySelector('atensi-chair-history')?.reload();
  }

  override render() {
    const d = this.device.value;
    return html`
      <a class="back" href="/fleet"><span aria-hidden="true">←&nbsp;</span>${t('fleet.back')}</a>
      <h1 tabindex="-1">${d?.serial ?? t('fleet.chairTitle')}</h1>
      ${this.device.status === TaskStatus.ERROR
        ? html`<atensi-error-message .error=${this.device.error} retryable @atensi-retry=${() => this.device.run()}></atensi-error-message>`
        : d
          ? this.renderChair(d)
          : html`<p class="status" role="status">${t('app.loading')}</p>`}
    `;
  }

  private renderChair(d: DeviceDetail) {
    // Labels, opening work orders and chair credentials are the workshop's (their routes' roles);
    // a therapist sees the chair and lends or takes it back.
    const workshop = !!this.me && inRoles(workshopRoles, this.me.role);
    return html`
      <p class="subtitle">
        <span>${d.modelName} · ${t(`fleet.kind.${d.kind}`)} · ${t(`fleet.status.${d.status}`)}</span>
        <span>${d.beneficiary?.name ?? t('fleet.unassigned')}</span>
        ${d.risk ? riskBadge(d.risk) : nothing}
      </p>
      ${workshop ? html`<p><a href=${`/fleet/${d.id}/label`}>${t('labels.printLink')}</a></p>` : nothing}
      ${stateSection(d)}
      ${d.batteryForecast ? this.renderForecast(d.batteryForecast) : nothing}
      ${d.kind === 'electric' ? this.renderCharts() : nothing}
      ${this.renderAlerts()}
      ${serviceSection(d)}
      ${rejectedSection(d, this.rejected.value)}
      ${this.renderWorkOrders(d, workshop)}
      <atensi-chair-actions .device=${d} @atensi-chair-changed=${() => this.refresh()}></atensi-chair-actions>
      <atensi-chair-history .deviceId=${d.id}></atensi-chair-history>
      ${workshop && d.kind === 'electric' && d.status !== 'retired' ? html`<atensi-chair-credentials .deviceId=${d.id}></atensi-chair-credentials>` : nothing}
    `;
  }

  private renderForecast(f: BatteryForecast) {
    const words = forecastWords(f);
    return html`<section aria-labelledby="forecast-heading" data-forecast>
      <h2 id="forecast-heading">${t('fleet.forecast.title')}</h2>
      <p class="forecast-words">${words}</p>
      ${f.batteryInstalledAt ? html`<p class="muted">${t('fleet.forecast.installed', { date: formatDate(f.batteryInstalledAt) })}</p>` : nothing}
      ${this.chartsReady && f.points?.length
        ? html`<atensi-capacity-chart .data=${{ ...f, points: f.points }} summary=${words}></atensi-capacity-chart>`
        : nothing}
    </section>`;
  }

  private renderCharts() {
    const data = this.series.value;
    const buckets = data?.buckets ?? [];
    const battery = batterySummary(data?.raw, buckets);
    const usage = usageSummary(buckets);
    return html`<section aria-labelledby="charts-heading">
      <h2 id="charts-heading">${t('fleet.charts')}</h2>
      <div class="ranges" role="group" aria-label=${t('fleet.range')}>
        ${(Object.keys(RANGES) as RangeKey[]).map(
          (r) => html`<button type="button" aria-pressed=${r === this.range ? 'true' : 'false'} @click=${() => (this.range = r)}>${t(`fleet.range.${r}`)}</button>`,
        )}
      </div>
      ${this.series.status === TaskStatus.ERROR ? html`<atensi-error-message .error=${this.series.error}></atensi-error-message>` : nothing}
      ${!data
        ? html`<p class="status" role="status">${t('fleet.chart.loading')}</p>`
        : buckets.length === 0 && !data.raw?.length
          ? html`<p>${t('fleet.chart.noData')}</p>`
          : html`
              <div class="chart">
                <h3 id="battery-chart">${t('fleet.chart.battery')}</h3>
                <p>${battery}</p>
                ${data.rawExpired ? html`<p class="muted" data-raw-expired>${t('fleet.chart.rawExpired')}</p>` : nothing}
                ${this.chartsReady ? html`<atensi-telemetry-chart kind="battery" .points=${data.raw?.length ? data.raw : buckets} summary=${battery}></atensi-telemetry-chart>` : nothing}
              </div>
              <div class="chart">
                <h3>${t('fleet.chart.usage', { bucket: t(`fleet.chart.bucket.${data.bucket}`) })}</h3>
                <p>${usage}</p>
                ${this.chartsReady ? html`<atensi-telemetry-chart kind="usage" .points=${buckets} summary=${usage}></atensi-telemetry-chart>` : nothing}
              </div>
              ${bucketTable(buckets, data.bucket)}
            `}
    </section>`;
  }

  private renderAlerts() {
    const all = this.alerts.value?.items;
    const open = all?.filter((a) => a.clearedAt === null);
    // Cleared alerts are the chair's history, with the episodes found in a backlog after an outage.
    const history = all?.filter((a) => a.clearedAt !== null) ?? [];
    return html`<section aria-labelledby="alerts-heading">
      <h2 id="alerts-heading">${t('fleet.alerts.title')}</h2>
      ${this.actionError ? html`<atensi-error-message .error=${this.actionError}></atensi-error-message>` : nothing}
      ${this.alerts.status === TaskStatus.ERROR
        ? html`<atensi-error-message .error=${this.alerts.error} retryable @atensi-retry=${() => this.alerts.run()}></atensi-error-message>`
        : nothing}
      ${skippedRows(this.alerts.value?.skipped)}
      ${!open
        ? nothing
        : open.length === 0
          ? html`<p>${t('fleet.alerts.none')}</p>`
          : html`<ul class="items" data-open-alerts>
              ${open.map((a) =>
                alertItem(a, html`<button type="button" class="secondary" @click=${() => this.acknowledge(a.id)}>${t('fleet.alerts.acknowledge')}</button>`),
              )}
            </ul>`}
      ${history.length
        ? html`<h3 id="alert-history-heading">${t('fleet.alerts.history')}</h3>
            <ul class="items" data-alert-history aria-labelledby="alert-history-heading">${history.map((a) => alertItem(a))}</ul>`
        : nothing}
    </section>`;
  }

  private renderWorkOrders(d: DeviceDetail, canCreate: boolean) {
    const orders = this.workOrders.value?.items;
    return html`<section aria-labelledby="wo-heading">
      <h2 id="wo-heading">${t('fleet.workOrders')}</h2>
      ${this.workOrders.status === TaskStatus.ERROR
        ? html`<atensi-error-message .error=${this.workOrders.error} retryable @atensi-retry=${() => this.workOrders.run()}></atensi-error-message>`
        : nothing}
      ${skippedRows(this.workOrders.value?.skipped)}
      ${!orders ? nothing : orders.length === 0 ? html`<p>${t('fleet.noWorkOrders')}</p>` : html`<ul class="items">${orders.map(workOrderItem)}</ul>`}
      ${canCreate
        ? html`<h3 class="spaced">${t('workOrders.new.title')}</h3>
            ${this.write.errorLine()}
            ${newWorkOrderForm({ electric: d.kind === 'electric', busy: this.write.busy, descriptionError: this.descriptionError, onSubmit: (e) => this.create(e, d.id) })}`
        : nothing}
    </section>`;
  }

  private async acknowledge(id: string) {
    this.actionError = undefined;
    try {
      await acknowledgeAlert(id);
    } catch (err) {
      this.actionError = err;
    }
    void this.alerts.run();
  }

  private async create(e: SubmitEvent, deviceId: string) {
    e.preventDefault();
    const body = readNewWorkOrder(e.target as HTMLFormElement, deviceId);
    this.descriptionError = 'error' in body;
    if ('error' in body) {
      this.renderRoot.querySelector<HTMLTextAreaElement>('#wo-description')?.focus();
      return;
    }
    await this.write.run(async () => {
      const created = await createWorkOrder(body);
      navigate(`/work-orders/${created.id}`);
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-chair-page': ChairPage;
  }
}
