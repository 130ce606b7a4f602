// The sizing helper's findings above the prescription form: the WHO target seat from the
// measurements, how many catalogue sizes fit, and warnings (no model fits, asymmetric seat depth).
import { html, nothing } from 'lit';
import type { SizingResult } from '../../../../schemas/sizing.ts';
import { formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { enumLabel } from './pathway-labels.ts';

export function sizingPanel(s: SizingResult) {
  const m = s.measurements;
  return html`<section aria-labelledby="sizing-heading" class="card sizing">
    <h4 id="sizing-heading">${t('requests.sizing.title')}</h4>
    <p>${t('requests.sizing.rule')}</p>
    <dl class="facts">
      <dt>${t('requests.sizing.measured')}</dt>
      <dd>${t('requests.sizing.measuredValue', { a: formatNumber(m.hipWidthMm), left: formatNumber(m.seatDepthLeftMm), right: formatNumber(m.seatDepthRightMm) })}</dd>
      <dt>${t('requests.sizing.target')}</dt>
      <dd>${t('requests.sizing.targetValue', { width: formatNumber(s.target.seatWidthMm), min: formatNumber(s.target.seatDepthMinMm), max: formatNumber(s.target.seatDepthMaxMm) })}</dd>
      <dt>${t('requests.sizing.matches')}</dt>
      <dd>${s.matches.length === 0 ? t('requests.sizing.noMatches') : t('requests.sizing.matchCount', { count: s.matches.length, best: `${s.matches[0]!.modelName} ${s.matches[0]!.seatWidthMm} × ${s.matches[0]!.seatDepthMm} mm` })}</dd>
    </dl>
    ${s.warnings.length > 0
      ? html`<ul class="warnings" aria-label=${t('requests.sizing.warnings')}>
          ${s.warnings.map((w) => html`<li>${enumLabel('warning', w.code)}</li>`)}
        </ul>`
      : nothing}
  </section>`;
}
