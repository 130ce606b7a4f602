// The words and numbers behind the charts: a one-sentence summary of each chart (its accessible
// name) and the buckets as a table, so the charts are never the only way to read the data.
import { html, nothing } from 'lit';
import type { AggregatePoint, RawPoint } from '../../../../schemas/devices.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { formatDecimal } from './fleet-format.ts';

export type RangeKey = '24h' | '7d' | '30d';

export const RANGES: Record<RangeKey, { hours: number; bucket: 'hour' | 'day'; rawBattery: boolean }> = {
  '24h': { hours: 24, bucket: 'hour', rawBattery: true },
  '7d': { hours: 24 * 7, bucket: 'hour', rawBattery: false },
  '30d': { hours: 24 * 30, bucket: 'day', rawBattery: false },
};

export function batterySummary(raw: RawPoint[] | undefined, buckets: AggregatePoint[]): string {
  if (buckets.length === 0 && !raw?.length) return t('fleet.chart.noData');
  const first = raw?.length ? raw[0]!.socPct : buckets[0]!.socLast;
  const last = raw?.length ? raw.at(-1)!.socPct : buckets.at(-1)!.socLast;
  const min = Math.min(...buckets.map((b) => b.socMin), ...(raw ?? []).map((p) => p.socPct));
  const max = Math.max(...buckets.map((b) => b.socMax), ...(raw ?? []).map((p) => p.socPct));
  const n = buckets.reduce((s, b) => s + b.n, 0);
  const charging = n ? buckets.reduce((s, b) => s + (b.chargingPct * b.n) / 100, 0) / n : 0;
  return t('fleet.chart.batterySummary', {
    from: formatDecimal(first, 0),
    to: formatDecimal(last, 0),
    min: formatDecimal(min, 0),
    max: formatDecimal(max, 0),
    charging: formatDecimal(charging * 100, 0),
  });
}

export function usageSummary(buckets: AggregatePoint[]): string {
  if (buckets.length === 0) return t('fleet.chart.noData');
  const m = buckets.reduce((s, b) => s + b.distanceM, 0);
  const seconds = buckets.reduce((s, b) => s + b.motorSeconds, 0);
  return t('fleet.chart.usageSummary', { km: formatDecimal(m / 1000, 1), minutes: formatDecimal(seconds / 60, 0) });
}

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
