// The therapist's worklist: open requests by step, appointments of the coming week, and follow-ups
// (overdue first). Managers see their whole centre here.
import { Task } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { Worklist } from '../../../../schemas/follow-ups.ts';
import { getWorklist } from '../../data/follow-ups.api.ts';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import '../../ui/error-message.component.ts';
import { pageStyles } from '../../ui/page.styles.ts';
import { sharedStyles } from '../../ui/shared.styles.ts';
import { enumLabel, stateLabel } from '../requests/pathway-labels.ts';
import { requestStyles } from '../requests/request-detail.styles.ts';

@customElement('atensi-worklist-page')
export class WorklistPage extends LitElement {
  static override styles = [
    sharedStyles,
    pageStyles,
    requestStyles,
    css`
      .steps { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); list-style: none; margin: 0; padding: 0; }
      .steps h3 { margin: 0 0 0.5rem; font-size: 1rem; }
      .steps ul { list-style: none; margin: 0; padding: 0; }
      .steps li li, ul.plain li { padding: 0.2rem 0; }
      .steps a, ul.plain a { display: inline-flex; align-items: center; min-height: var(--target); font-weight: 600; }
    `,
  ];

  private readonly locale = new LocaleController(this);

  private readonly worklist = new Task(this, {
    task: (_args, { signal }) => getWorklist(signal),
    args: () => [] as const,
  });

  override render() {
    return html`
      <h1 tabindex="-1">${t('worklist.title')}</h1>
      ${this.worklist.render({
        pending: () => html`<p class="status" role="status">${t('app.loading')}</p>`,
        error: (e) => html`<atensi-error-message .error=${e} retryable @atensi-retry=${() => this.worklist.run()}></atensi-error-message>`,
        complete: (w) => html`${this.followUps(w)} ${this.appointments(w)} ${this.steps(w)}`,
      })}
    `;
  }

  private followUps(w: Worklist) {
    const overdue = w.followUps.filter((f) => f.overdue);
    return html`<section aria-labelledby="wl-follow-ups">
      <h2 id="wl-follow-ups">${t('worklist.followUps')}</h2>
      <p>${t('worklist.overdueCount', { count: overdue.length })}</p>
      ${w.followUps.length === 0
        ? html`<p class="card">${t('worklist.noFollowUps')}</p>`
        : html`<ul class="card plain">
            ${w.followUps.map(
              (f) => html`<li>
                <a href=${f.requestId ? `/requests/${f.requestId}#follow-ups` : `/beneficiaries/${f.beneficiary.id}`}>${f.beneficiary.fullName}</a>
                · ${enumLabel('followUpKind', f.kind)} · ${t('requests.followUp.due', { date: formatDate(f.dueAt) })}
                ${f.overdue ? html`<span class="badge off">${t('requests.followUp.overdue')}</span>` : nothing}
              </li>`,
            )}
          </ul>`}
    </section>`;
  }

  private appointments(w: Worklist) {
    return html`<section aria-labelledby="wl-appointments">
      <h2 id="wl-appointments">${t('worklist.appointments')}</h2>
      ${w.appointments.length === 0
        ? html`<p class="card">${t('worklist.noAppointments')}</p>`
        : html`<ul class="card plain">
            ${w.appointments.map(
              (a) => html`<li>
                <time datetime=${a.at}>${a.kind === 'referral' ? formatDateTime(a.at) : formatDate(a.at)}</time> ·
                <a href=${a.requestId ? `/requests/${a.requestId}` : `/beneficiaries/${a.beneficiary.id}`}>${a.beneficiary.fullName}</a>
                · ${a.kind === 'referral' ? t('worklist.assessmentVisit') : t('worklist.followUpVisit')}
                ${a.appointmentType ? html` · ${enumLabel('appointment', a.appointmentType)}` : nothing}
              </li>`,
            )}
          </ul>`}
    </section>`;
  }

  private steps(w: Worklist) {
    return html`<section aria-labelledby="wl-steps">
      <h2 id="wl-steps">${t('worklist.openRequests')}</h2>
      ${w.byStep.length === 0
        ? html`<p class="card">${t('worklist.noRequests')}</p>`
        : html`<ul class="steps">
            ${w.byStep.map(
              (g) => html`<li class="card">
                <h3>${stateLabel(g.state)} (${g.items.length})</h3>
                <ul>${g.items.map((r) => html`<li><a href=${`/requests/${r.id}`}>${r.beneficiary.fullName}</a></li>`)}</ul>
              </li>`,
            )}
          </ul>`}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-worklist-page': WorklistPage;
  }
}
