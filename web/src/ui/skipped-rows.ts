// The line a list shows when some of its rows could not be read: the rest stay on screen.
import { html, nothing } from 'lit';
import { formatNumber } from '../i18n/format.ts';
import { t } from '../i18n/i18n.ts';

/** A visible notice for `count` unreadable rows (nothing when there are none). */
export function skippedRows(count: number | undefined) {
  return count ? html`<p class="alert skipped-rows" role="status">${t('error.skippedRows', { count: formatNumber(count) })}</p>` : nothing;
}
