// The chart's buckets as a table, so the charts are never the only way to read the data.
import { html, nothing } from 'lit';
import type { AggregatePoint } from '../../../../schemas/devices.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { formatDecimal } from './fleet-words.ts';
import { dataTable } from '../../ui/data-table.ts';

/** The buckets as a table inside a closed <details>, newest first. */
export function bucketTable(buckets: AggregatePoint[], bucket: 'hour' | 'day') {
  if (buckets.length === 0) return nothing;
  const unit = t(`fleet.chart.bucket.${bucket}`);
  return html`<details class="data">
    <summary>${t('fleet.chart.table')}</summary>
    ${dataTable({
      id: 'bucket-caption',
      caption: t('fleet.chart.tableCaption', { bucket: unit }),
      captionVisible: true,
      columns: [
        { label: t('fleet.chart.time') },
        ...(['socMin', 'socMax', 'socLast', 'chargingPct', 'distance', 'driving'] as const).map((k) => ({ label: t(`fleet.chart.${k}`), class: 'num' })),
      ],
      rows: [...buckets].reverse(),
      row: (b) => html`<tr>
              <th scope="row">${formatDateTime(new Date(b.t).toISOString())}</th>
              <td class="num">${formatDecimal(b.socMin)}</td>
              <td class="num">${formatDecimal(b.socMax)}</td>
              <td class="num">${formatDecimal(b.socLast)}</td>
              <td class="num">${formatDecimal(b.chargingPct, 0)}</td>
              <td class="num">${formatDecimal(b.distanceM / 1000, 2)}</td>
              <td class="num">${formatDecimal(b.motorSeconds / 60, 0)}</td>
            </tr>`,
    })}
  </details>`;
}
