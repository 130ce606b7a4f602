// A request's follow-ups: when each is (or was) due, what it found, and for an open one the form to
// record it (therapists and admins; the server schedules the next one).
import { html, nothing } from 'lit';
import type { RequestDetail } from '../../../../schemas/requests.ts';
import { completeFollowUp } from '../../data/follow-ups.api.ts';
import { formatDate } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import './form/step-form.component.ts';
import { followUpDefaults, followUpGroups, followUpSchema, localDate } from './form/step-fields.ts';
import { enumLabel } from './pathway-labels.ts';

type FollowUp = RequestDetail['followUps'][number];

function status(f: FollowUp, today: string) {
  if (f.completedAt) return html`<span class="badge ok">${t('requests.followUp.done', { date: formatDate(f.completedAt) })}</span>`;
  if (f.dueAt.slice(0, 10) < today) return html`<span class="badge off">${t('requests.followUp.overdue')}</span>`;
  return html`<span class="badge step">${t('requests.followUp.open')}</span>`;
}

export function followUpsSection(r: RequestDetail, canRecord: boolean, onRecorded: () => void) {
  if (r.followUps.length === 0) return nothing;
  const today = localDate();
  const next = r.followUps.find((f) => !f.completedAt);
  return html`<section aria-labelledby="follow-ups-heading" id="follow-ups">
    <h2 id="follow-ups-heading">${t('requests.section.followUps')}</h2>
    <ul class="card plain">
      ${r.followUps.map(
        (f) => html`<li>
          <strong>${enumLabel('followUpKind', f.kind)}</strong> · ${t('requests.followUp.due', { date: formatDate(f.dueAt) })} ${status(f, today)}
          ${f.findings ? html`<p class="note">${f.findings}</p>` : nothing}
        </li>`,
      )}
    </ul>
    ${canRecord && next
      ? html`<h3 id="record-follow-up-heading">${t('requests.followUp.record')}</h3>
          <atensi-step-form label=${t('requests.followUp.record')} .groups=${followUpGroups} .defaults=${followUpDefaults()} .schema=${followUpSchema}
            draftKey=${`${r.id}.followUp.${next.id}`} submitLabel="requests.followUp.record"
            .action=${async (body: Record<string, unknown>) => {
              await completeFollowUp(next.id, body);
              onRecorded();
            }}></atensi-step-form>`
      : nothing}
  </section>`;
}
