// Shared look of the fleet and work-order pages: the health badge (icon and words, never colour
// alone) and badge styles. The words and numbers live in fleet-words.ts.
import { css, html, type TemplateResult } from 'lit';
import type { Risk } from '../../../../schemas/devices.ts';
import { t } from '../../i18n/i18n.ts';
import { icon, type IconName } from '../../ui/icons.ts';

export { alertKindLabel, formatDecimal, relativeTime } from './fleet-words.ts';

const riskIcon: Record<Risk, IconName> = { ok: 'check', low: 'info', medium: 'alert', high: 'alert' };

export function riskBadge(risk: Risk): TemplateResult {
  return html`<span class="risk risk-${risk}">${icon(riskIcon[risk])}<span>${t(`fleet.risk.${risk}`)}</span></span>`;
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
