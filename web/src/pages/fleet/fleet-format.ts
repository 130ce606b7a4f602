// Shared bits of the fleet and work-order pages: relative times, numbers with units, the health
// badge (icon and words, never colour alone) and labels for values the API may extend.
import { css, html, type TemplateResult } from 'lit';
import type { Risk } from '../../../../schemas/devices.ts';
import { getLocale, t, type MessageKey } from '../../i18n/i18n.ts';
import { id } from '../../i18n/id.ts';
import { icon, type IconName } from '../../ui/icons.ts';

const intlLocale = { id: 'id-ID', en: 'en-GB' } as const;

/** "5 menit yang lalu" / "5 minutes ago", from an ISO instant; "just now" under a minute. */
export function relativeTime(iso: string, now = Date.now()): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  if (Math.abs(seconds) < 60) return t('fleet.justNow');
  const units: [Intl.RelativeTimeFormatUnit, number][] = [['day', 86_400], ['hour', 3_600], ['minute', 60]];
  const [unit, size] = units.find(([, s]) => Math.abs(seconds) >= s)!;
  return new Intl.RelativeTimeFormat(intlLocale[getLocale()], { numeric: 'auto' }).format(Math.round(seconds / size), unit);
}

export function formatDecimal(value: number, digits = 1): string {
  return new Intl.NumberFormat(intlLocale[getLocale()], { maximumFractionDigits: digits }).format(value);
}

const riskIcon: Record<Risk, IconName> = { ok: 'check', low: 'info', medium: 'alert', high: 'alert' };

export function riskBadge(risk: Risk): TemplateResult {
  return html`<span class="risk risk-${risk}">${icon(riskIcon[risk])}<span>${t(`fleet.risk.${risk}`)}</span></span>`;
}

/** A label for an alert kind or rule; kinds the catalogue does not know yet are shown as they are. */
export function alertKindLabel(kind: string): string {
  const key = `alerts.kind.${kind}` as MessageKey;
  return isKey(key) ? t(key) : t('alerts.kind.other', { kind });
}

function isKey(key: string): key is MessageKey {
  return key in id;
}

/** Badge colours: dark text on a light tint, each pair above 4.5:1 contrast. */
export const badgeStyles = css`
  .risk, .tag {
    display: inline-flex; align-items: center; gap: 0.3rem; padding: 0.15rem 0.6rem 0.15rem 0.45rem;
    border-radius: 999px; font-size: 0.9rem; font-weight: 600; white-space: nowrap; border: 1px solid currentColor;
  }
  .risk .icon, .tag .icon { width: 1.05rem; height: 1.05rem; flex: none; }
  .risk-ok { background: var(--c-ok-bg); color: var(--c-ok); }
  .risk-low { background: #fff6d6; color: #5c4700; }
  .risk-medium { background: #ffeadb; color: #8a3300; }
  .risk-high { background: var(--c-error-bg); color: var(--c-error); }
  .tag { background: #eef4f4; color: var(--c-text); border-color: var(--c-border); }
  .tag.urgent, .tag.critical { background: var(--c-error-bg); color: var(--c-error); border-color: currentColor; }
  .tag.high, .tag.warning { background: #ffeadb; color: #8a3300; border-color: currentColor; }
  .tag.done { background: var(--c-ok-bg); color: var(--c-ok); border-color: currentColor; }
  .battery { display: inline-flex; align-items: center; gap: 0.3rem; white-space: nowrap; }
  .battery .icon { width: 1.1rem; height: 1.1rem; }
`;
