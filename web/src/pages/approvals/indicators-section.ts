// The centre indicators: requests by step, referral-to-delivery days, the share of deliveries
// fitted, trained and followed up within six months, and the CSV downloads.
import { html } from 'lit';
import type { CentreIndicators } from '../../../../schemas/follow-ups.ts';
import { requestStates } from '../../../../schemas/requests.ts';
import { indicatorsCsvHref } from '../../data/indicators.api.ts';
import { formatNumber } from '../../i18n/format.ts';
import { t, type MessageKey } from '../../i18n/i18n.ts';
import { stateLabel } from '../requests/pathway-labels.ts';

const pct = (x: number | null) => (x === null ? t('approvals.indicators.none') : `${formatNumber(Math.round(x * 1000) / 10)} %`);
const days = (x: number | null) => (x === null ? t('approvals.indicators.none') : t('approvals.indicators.days', { days: formatNumber(x) }));

export function indicatorsSection(x: CentreIndicators) {
  const stats: [MessageKey, string][] = [
    ['approvals.indicators.deliveries', formatNumber(x.deliveries)],
    ['approvals.indicators.medianDays', days(x.referralToDeliveryDays.median)],
    ['approvals.indicators.p90Days', days(x.referralToDeliveryDays.p90)],
    ['approvals.indicators.fitted', pct(x.shares.fitted)],
    ['approvals.indicators.trained', pct(x.shares.trained)],
    ['approvals.indicators.followedUp', pct(x.shares.followedUpWithin6Months)],
    ['approvals.indicators.complete', pct(x.shares.complete)],
    ['approvals.indicators.overdue', formatNumber(x.followUpsOverdue)],
  ];
  return html`<section aria-labelledby="indicators-heading">
    <h2 id="indicators-heading">${t('approvals.indicators.title')}</h2>
    <p class="muted">${x.centreName ?? t('approvals.indicators.allCentres')}</p>
    <ul class="cards">
      ${stats.map(([label, value]) => html`<li class="card stat-card"><span class="stat">${value}</span><span>${t(label)}</span></li>`)}
    </ul>
    <h3 id="by-step-heading">${t('approvals.indicators.byStep')}</h3>
    <div class="table-wrap" role="region" aria-labelledby="by-step-heading" tabindex="0">
      <table>
        <thead><tr><th scope="col">${t('requests.state')}</th><th scope="col" class="num">${t('approvals.indicators.count')}</th></tr></thead>
        <tbody>${requestStates.map((s) => html`<tr><th scope="row">${stateLabel(s)}</th><td class="num">${formatNumber(x.requestsByState[s])}</td></tr>`)}</tbody>
      </table>
    </div>
    <p class="downloads">
      <a class="button secondary" href=${indicatorsCsvHref('id')} download>${t('approvals.indicators.csvId')}</a>
      <a class="button secondary" href=${indicatorsCsvHref('en')} download>${t('approvals.indicators.csvEn')}</a>
    </p>
    <p class="hint">${t('approvals.indicators.note')}</p>
  </section>`;
}
