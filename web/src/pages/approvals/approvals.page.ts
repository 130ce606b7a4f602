// The centre manager's page: requests waiting for a funding decision, and the centre indicators
// with their CSV export. Admins see every centre.
import { Task } from '@lit/task';
import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { getIndicators } from '../../data/indicators.api.ts';
import { listRequests } from '../../data/requests.api.ts';
import { formatDate } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import '../../ui/error-message.component.ts';
import { ListController } from '../../ui/list.controller.ts';
import { pageStyles } from '../../ui/page.styles.ts';
import { sharedStyles } from '../../ui/shared.styles.ts';
import { enumLabel } from '../requests/pathway-labels.ts';
import { requestStyles } from '../requests/request-detail.styles.ts';
import { indicatorsSection } from './indicators-section.ts';
import { dataTable } from '../../ui/data-table.ts';

@customElement('atensi-approvals-page')
export class ApprovalsPage extends LitElement {
  static override styles = [
    sharedStyles,
    pageStyles,
    requestStyles,
    css`
      .cards .stat-card { min-height: 5rem; }
      .cards .stat { font-size: 1.6rem; }
      .downloads { display: flex; flex-wrap: wrap; gap: 0.75rem; margin-top: 1rem; }
    `,
  ];

  private readonly locale = new LocaleController(this);

  private readonly waiting = new ListController(this, {
    filters: {},
    load: (_filters, _page, signal) => listRequests({ state: 'prescribed', limit: 100 }, signal),
  });

  private readonly indicators = new Task(this, {
    task: (_args, { signal }) => getIndicators(signal),
    args: () => [] as const,
  });

  override render() {
    return html`
      <h1 tabindex="-1">${t('approvals.title')}</h1>
      <section aria-labelledby="waiting-heading">
        <h2 id="waiting-heading">${t('approvals.waiting')}</h2>
        ${this.waiting.render({
          empty: t('approvals.none'),
          rows: (items) => dataTable({
            id: 'waiting-heading',
            columns: (['col.name', 'requests.therapist', 'requests.field.priority', 'approvals.since'] as const).map((k) => ({ label: t(k) })),
            rows: items,
            row: (r) => html`<tr>
              <td><a href=${`/requests/${r.id}`}>${r.beneficiary.fullName}</a></td>
              <td>${r.therapist?.name ?? ''}</td>
              <td>${r.priority ? enumLabel('priority', r.priority) : ''}</td>
              <td>${formatDate(r.stateSince)}</td>
            </tr>`,
          }),
        })}
      </section>
      ${this.indicators.render({
        pending: () => html`<p class="status" role="status">${t('app.loading')}</p>`,
        error: (e) => html`<atensi-error-message .error=${e} retryable @atensi-retry=${() => this.indicators.run()}></atensi-error-message>`,
        complete: (x) => indicatorsSection(x),
      })}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-approvals-page': ApprovalsPage;
  }
}
