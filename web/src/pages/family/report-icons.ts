// Large picture icons of the report categories (decorative: each button also carries its words).
import { html, svg, type TemplateResult } from 'lit';
import type { ReportCategory } from '../../../../schemas/reports.ts';

const pictures: Record<ReportCategory, TemplateResult> = {
  // A chair with a stop bar.
  wont_move: svg`<circle cx="9" cy="4" r="1.6"/><path d="M9 7v6h5l2 4"/><circle cx="9" cy="16" r="4.5"/><path d="M17 3l5 5M22 3l-5 5"/>`,
  // A battery running down.
  battery_drains: svg`<rect x="2" y="7" width="15" height="10" rx="2"/><path d="M20 11v2M5 10v4"/><path d="M21 16v5M19 19l2 2 2-2"/>`,
  // A plug, crossed out.
  wont_charge: svg`<path d="M9 2v5M15 2v5M6 7h12v4a6 6 0 0 1-12 0z"/><path d="M12 17v5"/><path d="M3 3l18 18"/>`,
  // A wheel and its brake lever.
  brakes: svg`<circle cx="10" cy="14" r="7"/><circle cx="10" cy="14" r="2"/><path d="M16 5l5-3M17 9l4 4"/>`,
  // A seat and cushion.
  seat_fit: svg`<path d="M6 3v10h11"/><path d="M5 13h13a2 2 0 0 1 0 4H5z"/><path d="M7 17v4M16 17v4"/>`,
  // A wheel with a puncture and air escaping.
  flat_tyre: svg`<circle cx="11" cy="13" r="8"/><circle cx="11" cy="13" r="2.5"/><path d="M17 5l2-2M19 8h3M16 3V1"/>`,
  // A small front castor on its fork.
  wheel_castor: svg`<path d="M8 3h8M12 3v6"/><path d="M12 9l-3 3"/><circle cx="9" cy="16" r="5"/><circle cx="9" cy="16" r="1.5"/>`,
  // A foot on a footplate.
  footrest: svg`<path d="M7 2v12"/><path d="M7 14h4l7 3a2 2 0 0 1-1 4H7z"/><path d="M4 22h16"/>`,
  // A question mark: anything else.
  other: svg`<circle cx="12" cy="12" r="10"/><path d="M9.5 9a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6V14"/><path d="M12 17.5h.01"/>`,
  // A plaster on the skin.
  pain_skin: svg`<rect x="3" y="8" width="18" height="8" rx="4" transform="rotate(-30 12 12)"/><path d="M10 11h.01M13 13h.01M12 10h.01M11 14h.01"/>`,
  // A head with an ache.
  headache: svg`<circle cx="12" cy="13" r="7"/><path d="M9 13h.01M15 13h.01M10 17h4"/><path d="M4 3l2 2-2 2M20 3l-2 2 2 2M12 2v3"/>`,
  // A face being sick.
  vomiting: svg`<circle cx="12" cy="10" r="7"/><path d="M9 9h.01M15 9h.01"/><path d="M10 14h4"/><path d="M12 17c-1.5 2-2 3-2 4a2 2 0 0 0 4 0c0-1-.5-2-2-4z"/>`,
  // A moon and sleep.
  sleepiness: svg`<path d="M20 15A8 8 0 1 1 11 4a6 6 0 0 0 9 11z"/><path d="M15 3h4l-4 4h4"/>`,
};

export function reportIcon(category: ReportCategory, size = 48): TemplateResult {
  return html`<svg class="picture" viewBox="0 0 24 24" width=${size} height=${size} aria-hidden="true" focusable="false"
    fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">${pictures[category]}</svg>`;
}
