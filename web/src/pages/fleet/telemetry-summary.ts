// The words behind the charts: a one-sentence summary of each chart (its accessible name), so the
// charts are never the only way to read the data (the table is in telemetry-table.ts). No Lit here,
// so Node tests can import it.
import type { AggregatePoint, RawPoint } from '../../../../schemas/devices.ts';
import { t } from '../../i18n/i18n.ts';
import { formatDecimal } from './fleet-words.ts';

export type RangeKey = '24h' | '7d' | '30d';

export const RANGES: Record<RangeKey, { hours: number; bucket: 'hour' | 'day'; rawBattery: boolean }> = {
  '24h': { hours: 24, bucket: 'hour', rawBattery: true },
  '7d': { hours: 24 * 7, bucket: 'hour', rawBattery: false },
  '30d': { hours: 24 * 30, bucket: 'day', rawBattery: false },
};

/** Raw samples, when there are any, describe the window exactly; hourly buckets may start before it. */
export function batterySummary(raw: RawPoint[] | undefined, buckets: AggregatePoint[]): string {
  if (buckets.length === 0 && !raw?.length) return t('fleet.chart.noData');
  let first: number, last: number, min: number, max: number, charging: number;
  if (raw?.length) {
    const soc = raw.map((p) => p.socPct);
    [first, last, min, max] = [soc[0]!, soc.at(-1)!, Math.min(...soc), Math.max(...soc)];
    charging = raw.filter((p) => p.charging).length / raw.length;
  } else {
    [first, last] = [buckets[0]!.socLast, buckets.at(-1)!.socLast];
    min = Math.min(...buckets.map((b) => b.socMin));
    max = Math.max(...buckets.map((b) => b.socMax));
    const n = buckets.reduce((sum, b) => sum + b.n, 0);
    charging = n ? buckets.reduce((sum, b) => sum + (b.chargingPct * b.n) / 100, 0) / n : 0;
  }
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
