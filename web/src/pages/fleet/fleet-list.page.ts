// The fleet: the centre's chairs with battery, charging, health and last seen, filterable and
// sortable (kept in the address), refreshed every 10 s and whenever the tab comes back into view.
import { LitElement, css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { DeviceKind, DeviceSort, DeviceStatus, type DeviceList, type DeviceSummary, Risk } from '../../../../schemas/devices.ts';
import { listDevices } from '../../data/devices.api.ts';
import { POLL_INTERVAL_MS } from '../../data/poll.controller.ts';
import { formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import { icon } from '../../ui/icons.ts';
import { ListController } from '../../ui/list.controller.ts';
import { pageStyles } from '../../ui/page.styles.ts';
import { choiceField, textField } from '../../ui/query-fields.ts';
import { sharedStyles } from '../../ui/shared.styles.ts';
import { healthThresholds } from '../../../../schemas/maintenance-rules.ts';
import { forecastWords } from './battery-forecast-words.ts';
import { badgeStyles } from '../../ui/badge.styles.ts';
import { formatDecimal, relativeTime, riskBadge } from './fleet-format.ts';
import { dataTable, dataTableStyles } from '../../ui/data-table.ts';

/** The health words name the limits they stand for: the chair's own (its model's), else the defaults. */
const reasonParams = (d: DeviceSummary) => ({ worn: d.healthLimits?.wornPct ?? healthThresholds.wornPct, wearing: d.healthLimits?.wearingPct ?? healthThresholds.wearingPct });

export const FLEET_PAGE_SIZE = 50;

@customElement('atensi-fleet-page')
export class FleetPage extends LitElement {
  static override styles = [
    sharedStyles,
    pageStyles,
    badgeStyles,
    dataTableStyles,
    css`
      .filters { display: grid; gap: 0.75rem; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); margin: 0.5rem 0 1rem; }
      .filters .search { grid-column: 1 / -1; max-width: 28rem; }
      select { font: inherit; width: 100%; min-height: var(--target); padding: 0.4rem 0.5rem; border: 2px solid var(--c-border); border-radius: var(--radius); background: var(--c-surface); color: var(--c-text); }
      .summary { list-style: none; display: flex; flex-wrap: wrap; gap: 0.5rem; padding: 0; margin: 0 0 0.75rem; }
      .reasons { display: block; color: var(--c-muted); font-size: 0.85rem; margin-top: 0.2rem; }
      @media (max-width: 700px) {
        .filters { grid-template-columns: 1fr 1fr; }
      }
    `,
  ];

  private readonly locale = new LocaleController(this);

  private readonly list = new ListController(this, {
    filters: {
      q: textField(),
      risk: choiceField(Risk.options),
      kind: choiceField(DeviceKind.options),
      status: choiceField(DeviceStatus.options),
      sort: choiceField(DeviceSort.options, 'risk'),
    },
    pageSize: FLEET_PAGE_SIZE,
    pollMs: POLL_INTERVAL_MS,
    load: ({ q, ...filters }, page, signal) => listDevices({ ...filters, q: q || undefined, limit: page.limit, offset: page.offset }, signal),
  });

  override render() {
    return html`
      <h1 tabindex="-1">${t('fleet.title')}</h1>
      <p class="muted">${t('fleet.intro')}</p>
      ${this.renderFilters()}
      ${this.list.render({
        summary: (page) => t('fleet.results', { total: formatNumber(page.total) }),
        before: (page) => this.renderCounts(page),
        empty: t('fleet.empty'),
        rows: (items) => this.renderTable(items),
      })}
    `;
  }

  private renderFilters() {
    const f = this.list.filters;
    const select = <T extends string>(id: string, labelKey: Parameters<typeof t>[0], value: T | undefined, options: readonly T[], text: (v: T) => string, all = true) => html`
      <div>
        <label for=${id}>${t(labelKey)}</label>
        <select id=${id} @change=${(e: Event) => this.list.set({ [id]: options.find((o) => o === (e.target as HTMLSelectElement).value) })}>
          ${all ? html`<option value="" ?selected=${!value}>${t('fleet.filter.all')}</option>` : nothing}
          ${options.map((o) => html`<option value=${o} ?selected=${o === value}>${text(o)}</option>`)}
        </select>
      </div>`;
    return html`<form class="filters" role="search" aria-label=${t('fleet.filters')} @submit=${(e: Event) => e.preventDefault()}>
      <div class="search">
        <label for="q">${t('fleet.search')}</label>
        <input id="q" type="search" autocomplete="off" .value=${f.q} @input=${(e: InputEvent) => this.list.setSoon({ q: (e.target as HTMLInputElement).value.trim() })} />
      </div>
      ${select('risk', 'fleet.filter.risk', f.risk, [...Risk.options].reverse(), (r) => t(`fleet.risk.${r}`))}
      ${select('kind', 'fleet.filter.kind', f.kind, DeviceKind.options, (k) => t(`fleet.kind.${k}`))}
      ${select('status', 'fleet.filter.status', f.status, DeviceStatus.options, (s) => t(`fleet.status.${s}`))}
      ${select('sort', 'fleet.sort', f.sort, DeviceSort.options, (s) => t(`fleet.sort.${s}`), false)}
    </form>`;
  }

  private renderCounts(page: DeviceList) {
    const counts = page.riskCounts;
    if (!counts) return nothing;
    return html`<ul class="summary" aria-label=${t('fleet.riskSummary')}>
      ${[...Risk.options].reverse().map((r) => html`<li>${riskBadge(r)} <strong>${formatNumber(counts[r])}</strong></li>`)}
    </ul>`;
  }

  private renderTable(items: readonly DeviceSummary[]) {
    const col = (key: 'chair' | 'beneficiary' | 'battery' | 'health' | 'lastSeen' | 'alerts' | 'workOrders', cls?: string) => ({ label: t(`fleet.col.${key}`), class: cls });
    return dataTable({
      id: 'fleet-caption',
      caption: t('fleet.caption'),
      columns: [col('chair'), col('beneficiary', 'wide'), col('battery', 'wide'), col('health'), col('lastSeen', 'wide'), col('alerts', 'num wide'), col('workOrders', 'num wide')],
      rows: items,
      row: (d) => this.renderRow(d),
    });
  }

  private renderRow(d: DeviceSummary) {
    const battery = this.battery(d);
    const seen = this.lastSeen(d);
    return html`<tr data-device=${d.id}>
      <td>
        <a href=${`/fleet/${d.id}`}>${d.serial}</a>
        <span class="sub">${d.modelName} · ${t(`fleet.kind.${d.kind}`)}</span>
        <span class="meta">
          <span>${d.beneficiary?.name ?? t('fleet.unassigned')}</span><span>${battery}</span>${d.state?.lastSeenAt ? html`<span>${seen}</span>` : nothing}
          ${d.openAlerts ? html`<span>${t('fleet.alertsCount', { count: d.openAlerts })}</span>` : nothing}
          ${d.openWorkOrders ? html`<span>${t('fleet.workOrdersCount', { count: d.openWorkOrders })}</span>` : nothing}
        </span>
      </td>
      <td class="wide">${d.beneficiary?.name ?? html`<span class="muted">${t('fleet.unassigned')}</span>`}</td>
      <td class="wide">${battery}</td>
      <td>
        ${d.risk ? riskBadge(d.risk) : nothing}
        ${d.riskReasons?.length ? html`<span class="reasons">${d.riskReasons.map((r) => t(`fleet.reason.${r}`, reasonParams(d))).join(' · ')}</span>` : nothing}
        ${d.batteryForecast ? html`<span class="reasons" data-forecast>${forecastWords(d.batteryForecast)}</span>` : nothing}
      </td>
      <td class="wide">${seen}</td>
      <td class="num wide">${formatNumber(d.openAlerts ?? 0)}</td>
      <td class="num wide">${formatNumber(d.openWorkOrders ?? 0)}</td>
    </tr>`;
  }

  private battery(d: DeviceSummary) {
    if (d.kind !== 'electric') return html`<span class="muted">${t('fleet.noTelemetry')}</span>`;
    if (d.telemetryOff) return html`<span class="muted telemetry-off">${t(`fleet.telemetryOffShort.${d.telemetryOff}`)}</span>`;
    const s = d.state;
    if (!s || s.socPct === null) return html`<span class="muted">${t('fleet.never')}</span>`;
    return html`<span class="battery">${icon('battery')}${formatDecimal(s.socPct, 0)} %</span>
      ${s.charging ? html`<span class="battery">${icon('bolt')}${t('fleet.charging')}</span>` : nothing}`;
  }

  private lastSeen(d: DeviceSummary) {
    if (d.kind !== 'electric' || d.telemetryOff) return nothing;
    const seen = d.state?.lastSeenAt;
    if (!seen) return html`<span class="muted">${t('fleet.never')}</span>`;
    return html`<time datetime=${seen}>${relativeTime(seen)}</time>
      <span class="sub">${t(d.state?.online ? 'fleet.online' : 'fleet.offline')}</span>`;
  }

}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-fleet-page': FleetPage;
  }
}
