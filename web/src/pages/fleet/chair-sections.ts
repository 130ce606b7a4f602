// Sections of the chair page that only present data: current state, service, refused messages,
// the chair's alerts and its work orders.
import { html, nothing, type TemplateResult } from 'lit';
import type { DeviceDetail, RejectedMessageList } from '../../../../schemas/devices.ts';
import { isActiveStatus, type Alert, type WorkOrder } from '../../../../schemas/work-orders.ts';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format.ts';
import { t, type MessageKey } from '../../i18n/i18n.ts';
import { icon } from '../../ui/icons.ts';
import { alertKindLabel, formatDecimal, relativeTime } from './fleet-format.ts';

function fact(key: MessageKey, value: string | TemplateResult | null | undefined): TemplateResult {
  return html`<dt>${t(key)}</dt><dd>${value === null || value === undefined || value === '' ? t('beneficiaries.detail.notRecorded') : value}</dd>`;
}

const num = (v: number | null | undefined, unit: string, digits = 1) => (v === null || v === undefined ? null : `${formatDecimal(v, digits)} ${unit}`);

export function stateSection(d: DeviceDetail) {
  const s = d.state;
  const m = d.model;
  return html`<section aria-labelledby="state-heading">
    <h2 id="state-heading">${t('fleet.state')}</h2>
    ${d.kind !== 'electric'
      ? html`<p class="muted">${t('fleet.noTelemetry')}</p>`
      : d.telemetryOff
        ? html`<p class="notice telemetry-off" role="note">${t(`fleet.telemetryOff.${d.telemetryOff}`)}
            ${d.counters?.withheld ? t('fleet.withheldCount', { count: formatNumber(d.counters.withheld) }) : nothing}</p>`
        : !s
        ? html`<p class="muted">${t('fleet.never')}</p>`
        : html`<dl class="facts card">
            ${fact('fleet.battery', html`<span class="battery">${icon('battery')}${num(s.socPct, '%', 0)}</span>
              ${s.charging ? html` · <span class="battery">${icon('bolt')}${t('fleet.charging')}</span>` : html` · ${t('fleet.notCharging')}`}`)}
            ${fact('fleet.lastSeen', s.lastSeenAt ? html`<time datetime=${s.lastSeenAt}>${relativeTime(s.lastSeenAt)}</time> · ${t(s.online ? 'fleet.online' : 'fleet.offline')}` : null)}
            ${fact('fleet.voltage', num(s.voltageV, 'V', 2))}
            ${fact('fleet.current', num(s.currentA, 'A', 1))}
            ${fact('fleet.temperature', num(s.tempC, '°C', 1))}
            ${fact('fleet.capacity', s.capacityPct !== null && s.capacityPct !== undefined && m?.ratedAh ? t('fleet.capacityValue', { pct: formatDecimal(s.capacityPct), rated: formatDecimal(m.ratedAh) }) : null)}
            ${fact('fleet.cycles', s.cycleCount !== null && s.cycleCount !== undefined ? (m?.ratedCycles ? t('fleet.cyclesValue', { count: formatNumber(s.cycleCount), rated: formatNumber(m.ratedCycles) }) : formatNumber(s.cycleCount)) : null)}
            ${fact('fleet.odometer', s.odometerM !== null && s.odometerM !== undefined ? t('fleet.kmValue', { km: formatDecimal(s.odometerM / 1000) }) : null)}
            ${fact('fleet.motorHours', s.motorSeconds !== null && s.motorSeconds !== undefined ? t('fleet.hoursValue', { hours: formatDecimal(s.motorSeconds / 3600) }) : null)}
            ${fact('fleet.faults', s.faults?.filter((f) => f.active).map((f) => f.code).join(', ') || t('fleet.noFaults'))}
            ${fact('fleet.firmware', s.firmware)}
          </dl>`}
    ${m
      ? html`<dl class="facts card spaced">
          ${fact('fleet.model', `${m.manufacturer} ${m.name}`)}
          ${m.batteryChemistry ? fact('fleet.chemistry', t(`fleet.chemistry.${m.batteryChemistry}`)) : nothing}
          ${d.kind === 'electric' ? fact('fleet.batteryInstalled', d.batteryInstalledAt ? formatDate(d.batteryInstalledAt) : null) : nothing}
        </dl>`
      : nothing}
  </section>`;
}

export function serviceSection(d: DeviceDetail) {
  const s = d.service;
  return html`<section aria-labelledby="service-heading">
    <h2 id="service-heading">${t('fleet.service')}</h2>
    <dl class="facts card">
      ${fact('fleet.serviceLast', s.lastServiceAt ? formatDate(s.lastServiceAt) : t('fleet.neverServiced'))}
      ${fact('fleet.serviceDue', html`${formatDate(s.dueAt)}${s.due ? html` · <strong>${t('fleet.serviceDueNow')}</strong>` : nothing}`)}
      ${s.kmSinceService !== null && s.kmInterval !== null
        ? fact('fleet.odometer', t('fleet.serviceKm', { km: formatDecimal(s.kmSinceService), interval: formatNumber(s.kmInterval) }))
        : nothing}
    </dl>
  </section>`;
}

export function rejectedSection(d: DeviceDetail, rejected: RejectedMessageList | undefined) {
  if (d.kind !== 'electric') return nothing;
  const c = d.counters;
  return html`<section aria-labelledby="rejected-heading">
    <h2 id="rejected-heading">${t('fleet.rejectedTitle')}</h2>
    ${c
      ? html`<h3>${t('fleet.counters')}</h3>
        <dl class="facts card">
          ${fact('fleet.samples', formatNumber(c.samples))}
          ${fact('fleet.duplicates', formatNumber(c.duplicates))}
          ${fact('fleet.rejected', formatNumber(c.rejected))}
        </dl>`
      : nothing}
    ${rejected && rejected.refusedConnections.count > 0
      ? html`<p class="spaced" data-refused-connections>
          ${t('fleet.refusedConnections', { count: formatNumber(rejected.refusedConnections.count), since: formatDateTime(rejected.refusedConnections.since!) })}
        </p>`
      : nothing}
    ${!rejected
      ? nothing
      : rejected.total === 0
        ? html`<p class="spaced">${t('fleet.rejectedNone')}</p>`
        : html`<div class="table-wrap spaced" role="region" aria-labelledby="rejected-caption" tabindex="0">
              <table>
                <caption id="rejected-caption">${t('fleet.rejectedCaption')}</caption>
                <thead><tr><th scope="col">${t('fleet.rejectedReason')}</th><th scope="col" class="num">${t('fleet.rejectedCount')}</th></tr></thead>
                <tbody>
                  ${rejected.byReason.map((r) => html`<tr><th scope="row">${t(`fleet.reject.${r.reason}`)}</th><td class="num">${formatNumber(r.count)}</td></tr>`)}
                </tbody>
              </table>
            </div>
            <details class="data">
              <summary>${t('fleet.rejectedLatest')}</summary>
              <div class="table-wrap" role="region" aria-labelledby="latest-caption" tabindex="0">
                <table>
                  <caption id="latest-caption" class="visually-hidden">${t('fleet.rejectedLatest')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">${t('fleet.rejectedAt')}</th><th scope="col">${t('fleet.rejectedReason')}</th>
                      <th scope="col">${t('fleet.rejectedDetail')}</th><th scope="col" class="num">${t('fleet.rejectedSize')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${rejected.items.map(
                      (r) => html`<tr><td>${formatDateTime(r.receivedAt)}</td><td>${t(`fleet.reject.${r.reason}`)}</td><td>${r.count > 1 ? t('fleet.rejectedTimes', { detail: r.detail, count: formatNumber(r.count) }) : r.detail}</td><td class="num">${formatNumber(r.size)}</td></tr>`,
                    )}
                  </tbody>
                </table>
              </div>
            </details>`}
  </section>`;
}

/** One alert as a list item; `action` is the acknowledge button, when the alert may be acknowledged. */
export function alertItem(a: Alert, action: TemplateResult | typeof nothing = nothing) {
  const cleared = a.clearedAt !== null;
  return html`<li class="alert-item" data-alert=${a.id}>
    <span class="tag ${cleared ? 'done' : a.severity}">${icon(cleared ? 'check' : a.severity === 'info' ? 'info' : 'alert')}<span>${t(cleared ? 'fleet.alerts.cleared' : `fleet.alerts.severity.${a.severity}`)}</span></span>
    <strong>${alertKindLabel(a.kind)}</strong>
    ${a.details?.past === true
      ? html`<span class="muted">${t('fleet.alerts.past', { date: formatDateTime(a.createdAt) })}</span>`
      : html`<span class="muted">${t('fleet.alerts.raised', { time: relativeTime(a.createdAt) })}</span>`}
    ${a.acknowledgedBy ? html`<span class="muted">${t('fleet.alerts.acknowledged', { name: a.acknowledgedBy.name })}</span>` : action}
  </li>`;
}

export function workOrderItem(w: WorkOrder) {
  const closed = !isActiveStatus(w.status);
  return html`<li>
    <a href=${`/work-orders/${w.id}`}>${t(`workOrders.kind.${w.kind}`)}</a>
    <span class="tag ${closed ? 'done' : (w.priority ?? '')}">${t(`workOrders.status.${w.status}`)}</span>
    ${w.priority ? html`<span class="muted">${t(`workOrders.priority.${w.priority}`)}</span>` : nothing}
    <span class="muted">${formatDate(w.createdAt)}</span>
  </li>`;
}
