// Shared look of the fleet and work-order pages: the health badge (icon and words, never colour
// alone; its styles in ui/badge.styles.ts). The words and numbers live in fleet-words.ts.
import { html, type TemplateResult } from 'lit';
import type { Risk } from '../../../../schemas/devices.ts';
import { t } from '../../i18n/i18n.ts';
import { icon, type IconName } from '../../ui/icons.ts';

export { alertKindLabel, formatDecimal, relativeTime } from './fleet-words.ts';

const riskIcon: Record<Risk, IconName> = { ok: 'check', low: 'info', medium: 'alert', high: 'alert' };

export function riskBadge(risk: Risk): TemplateResult {
  return html`<span class="risk risk-${risk}">${icon(riskIcon[risk])}<span>${t(`fleet.risk.${risk}`)}</span></span>`;
}
