// The request's timeline: every move with when and (for staff) who and why, oldest first.
import { html } from 'lit';
import type { RequestDetail } from '../../../../schemas/requests.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { stateLabel } from './pathway-labels.ts';

export function timelineSection(r: RequestDetail) {
  return html`<section aria-labelledby="timeline-heading" class="timeline">
    <h2 id="timeline-heading">${t('requests.section.timeline')}</h2>
    <ol class="card">
      ${r.timeline.map(
        (e) => html`<li>
          <strong>${e.from === 'fitted' && e.to === 'prepared' ? t('requests.action.refit') : stateLabel(e.to)}</strong>
          <span class="muted"> · <time datetime=${e.at}>${formatDateTime(e.at)}</time>${e.by ? html` · ${e.by.name}` : ''}</span>
          ${e.note ? html`<p class="note">${e.note}</p>` : ''}
        </li>`,
      )}
    </ol>
  </section>`;
}
