// The battery-wear forecast in words ("capacity 78 %, reaches 70 % around March 2027"), shared by
// the fleet list, the chair page and a work order, so all three say the same thing.
import type { BatteryForecast } from '../../../../schemas/maintenance-rules.ts';
import { intlLocale, t } from '../../i18n/i18n.ts';


export function monthYear(iso: string): string {
  return new Intl.DateTimeFormat(intlLocale(), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(iso));
}

export function forecastWords(f: Pick<BatteryForecast, 'capacityPct' | 'thresholdPct' | 'crossAt' | 'earliestAt' | 'latestAt' | 'poorFit' | 'needsDays'>): string {
  const capacity = f.capacityPct === null ? '–' : String(Math.round(f.capacityPct));
  if (f.needsDays > 0) return t('fleet.forecast.needsDays', { capacity, days: f.needsDays });
  if (!f.crossAt) return t('fleet.forecast.steady', { capacity });
  const words = t('fleet.forecast.crosses', { capacity, limit: f.thresholdPct, month: monthYear(f.crossAt) });
  if (f.poorFit && f.earliestAt && f.latestAt) return `${words} ${t('fleet.forecast.band', { from: monthYear(f.earliestAt), to: monthYear(f.latestAt) })}`;
  return words;
}
