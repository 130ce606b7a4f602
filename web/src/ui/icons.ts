// Small line icons (decorative: always beside a text label, hidden from assistive technology).
import { html, svg, type TemplateResult } from 'lit';

const paths = {
  home: svg`<path d="M3 11 12 4l9 7"/><path d="M5 10v10h5v-6h4v6h5V10"/>`,
  people: svg`<circle cx="9" cy="8" r="3.2"/><path d="M3 20c0-3.6 2.7-6 6-6s6 2.4 6 6"/><circle cx="17" cy="9" r="2.5"/><path d="M16 14c2.9 0 5 2 5 5"/>`,
  building: svg`<path d="M4 21V5l8-3 8 3v16"/><path d="M9 21v-5h6v5M8 8h2M14 8h2M8 12h2M14 12h2M2 21h20"/>`,
  user: svg`<circle cx="12" cy="8" r="4"/><path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7"/>`,
  signOut: svg`<path d="M15 4h4v16h-4"/><path d="M10 8l-4 4 4 4M6 12h10"/>`,
} as const;

export type IconName = keyof typeof paths;

export function icon(name: IconName): TemplateResult {
  return html`<svg class="icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false"
    fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${paths[name]}</svg>`;
}
