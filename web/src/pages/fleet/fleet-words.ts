// Words and numbers of the fleet and work-order pages in the current language: relative times,
// decimals, and labels for values the API may extend. No Lit here, so Node tests can import it.
import { intlLocale, t, type MessageKey } from '../../i18n/i18n.ts';
import { id } from '../../i18n/id.ts';


/** "5 menit yang lalu" / "5 minutes ago", from an ISO instant; "just now" under a minute. */
export function relativeTime(iso: string, now = Date.now()): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  if (Math.abs(seconds) < 60) return t('fleet.justNow');
  const units: [Intl.RelativeTimeFormatUnit, number][] = [['day', 86_400], ['hour', 3_600], ['minute', 60]];
  const [unit, size] = units.find(([, s]) => Math.abs(seconds) >= s)!;
  return new Intl.RelativeTimeFormat(intlLocale(), { numeric: 'auto' }).format(Math.round(seconds / size), unit);
}

export function formatDecimal(value: number, digits = 1): string {
  return new Intl.NumberFormat(intlLocale(), { maximumFractionDigits: digits }).format(value);
}

/** A label for an alert kind or rule; kinds the catalogue does not know yet are shown as they are. */
export function alertKindLabel(kind: string): string {
  const key = `fleet.alerts.kind.${kind}` as MessageKey;
  return isKey(key) ? t(key) : t('fleet.alerts.kind.other', { kind });
}

function isKey(key: string): key is MessageKey {
  return key in id;
}
