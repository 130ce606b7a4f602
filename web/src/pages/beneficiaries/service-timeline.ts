// The beneficiary's wheelchair service history: each request with every move (when, and for staff
// who and why), oldest first, and links to the request pages and a new referral.
import { html, nothing } from 'lit';
import type { Role } from '../../../../schemas/common.ts';
import type { BeneficiaryTimeline } from '../../../../schemas/requests.ts';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { stateLabel } from '../requests/pathway-labels.ts';

type Entry = BeneficiaryTimeline['items'][number];

/** Entries grouped by request, in the order each request began. */
function byRequest(items: Entry[]): [string, Entry[]][] {
  const groups = new Map<string, Entry[]>();
  for (const e of items) {
    const group = groups.get(e.requestId);
    if (group) group.push(e);
    else groups.set(e.requestId, [e]);
  }
  return [...groups];
}

export function serviceTimelineSection(beneficiaryId: string, timeline: BeneficiaryTimeline, role: Role | undefined) {
  const canRefer = role === 'therapist' || role === 'admin';
  const requests = byRequest(timeline.items);
  const query = `beneficiaryId=${encodeURIComponent(beneficiaryId)}`;
  return html`<section aria-labelledby="service-heading" class="timeline">
    <h2 id="service-heading">${t('beneficiaries.service.title')}</h2>
    ${requests.length === 0 ? html`<p>${t('beneficiaries.service.none')}</p>` : nothing}
    ${requests.map(
      ([requestId, entries], i) => html`<h3 id=${`service-request-${i}`}>
          <a href=${`/requests/${encodeURIComponent(requestId)}`}>${t('beneficiaries.service.request', { date: formatDate(entries[0]!.at) })}</a>
        </h3>
        <ol class="card" aria-labelledby=${`service-request-${i}`}>
          ${entries.map(
            (e) => html`<li>
              <strong>${e.refit ? t('requests.action.refit') : stateLabel(e.to)}</strong>
              <span class="muted"> · <time datetime=${e.at}>${formatDateTime(e.at)}</time>${e.by ? html` · ${e.by.name}` : ''}</span>
              ${e.note ? html`<p class="note">${e.note}</p>` : nothing}
            </li>`,
          )}
        </ol>`,
    )}
    <p class="links">
      ${requests.length > 0 ? html`<a href=${`/requests?${query}`}>${t('beneficiaries.service.allRequests')}</a>` : nothing}
      ${canRefer ? html`<a href=${`/requests/new?${query}`}>${t('beneficiaries.service.refer')}</a>` : nothing}
    </p>
  </section>`;
}
