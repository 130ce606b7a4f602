// The chart's buckets as a table, so the charts are never the only way to read the data.
import { html, nothing } from 'lit';
import type { AggregatePoint } from '../../../../schemas/devices.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { formatDecimal } from './fleet-words.ts';

/** The buckets as a table inside a closed <details>, newest first. */
export function bucketTable(buckets: AggregatePoint[], bucket: 'hour' | 'day') {
  if (buckets.length === 0) return nothing;
  const unit = t(`fleet.chart.bucket.${bucket}`);
  return html`<details class="data">
    <summary>${t('fleet.chart.table')}</summary>
    <div class="table-wrap" role="region" aria-labelledby="bucket-caption" tabindex="0">
      <table>
        <caption id="bucket-caption">${t('fleet.chart.tableCaption', { bucket: unit })}</caption>
        <thead>
          <tr>
            <th scope="col">${t('fleet.chart.time')}</th>
            <th scope="col" class="num">${t('fleet.chart.socMin')}</th>
            <th scope="col" class="num">${t('fleet.chart.socMax')}</th>
            <th scope="col" class="num">${t('fleet.chart.socLast')}</th>
            <th scope="col" class="num">${t('fleet.chart.chargingPct')}</th>
            <th scope="col" class="num">${t('fleet.chart.distance')}</th>
            <th scope="col" class="num">${t('fleet.chart.driving')}</th>
          </tr>
        </thead>
        <tbody>
          ${[...buckets].reverse().map(
            (b) => html`<tr>
              <th scope="row">${formatDateTime(new Date(b.t).toISOString())}</th>
              <td class="num">${formatDecimal(b.socMin)}</td>
              <td class="num">${formatDecimal(b.socMax)}</td>
              <td class="num">${formatDecimal(b.socLast)}</td>
              <td class="num">${formatDecimal(b.chargingPct, 0)}</td>
              <td class="num">${formatDecimal(b.distanceM / 1000, 2)}</td>
              <td class="num">${formatDecimal(b.motorSeconds / 60, 0)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </details>`;
}
