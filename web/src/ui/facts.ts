// A label/value pair for the <dl class="facts"> lists of the detail pages.
import { html, type TemplateResult } from 'lit';
import { t, type MessageKey } from '../i18n/i18n.ts';

export function fact(key: MessageKey, value: string | number | TemplateResult | null | undefined): TemplateResult {
  const shown = value === null || value === undefined || value === '' ? t('beneficiaries.detail.notRecorded') : value;
  return html`<dt>${t(key)}</dt><dd>${shown}</dd>`;
}
