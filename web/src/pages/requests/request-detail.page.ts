// One request: where it is on the pathway, the next step's form for those who may take it, every
// step's record, the follow-ups and the timeline. Families and technicians get the state, dates
// and appointments only (the API sends nothing else).
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Me } from '../../../../schemas/auth.ts';
import type { RequestDetail, TransitionResult } from '../../../../schemas/requests.ts';
import { meContext } from '../../data/session.context.ts';
import { getRequest } from '../../data/requests.api.ts';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import '../../ui/error-message.component.ts';
import { emit } from '../../ui/events.ts';
import { pageStyles } from '../../ui/page.styles.ts';
import { sharedStyles } from '../../ui/shared.styles.ts';
import { fact } from '../../ui/facts.ts';
import { followUpsSection } from './follow-ups-section.ts';
import './next-step.component.ts';
import { enumLabel, stateLabel, stateTone } from './pathway-labels.ts';
import { requestStyles } from './request-detail.styles.ts';
import { assessmentSection, fittingSection, fundingSection, orderSection, prescriptionSection, referralSection, trainingSection } from './request-sections.ts';
import { timelineSection } from './timeline.ts';

@customElement('atensi-request-detail-page')
export class RequestDetailPage extends LitElement {
  static override styles = [sharedStyles, pageStyles, requestStyles];

  @property() requestId = '';
  @consume({ context: meContext, subscribe: true }) @state() private me: Me | undefined;
  /** The last move's answer: its warnings, and an electric chair's secret (shown once, never stored). */
  @state() private lastMove: TransitionResult | undefined;

  private readonly locale = new LocaleController(this);

  private readonly detail = new Task(this, {
    task: ([id], { signal }) => getRequest(id, signal),
    args: () => [this.requestId] as const,
    onComplete: (r) => emit(this, 'page-title', { title: t('requests.detailTitle', { name: r.beneficiary.fullName }) }),
  });

  private readonly moved = (result: TransitionResult) => {
    this.lastMove = result;
    this.detail.run();
  };

  override render() {
    // While a reload runs (after a move) the last answer stays on screen.
    const r = this.detail.value;
    return html`
      <a class="back" href="/requests"><span aria-hidden="true">←&nbsp;</span>${t('requests.back')}</a>
      <h1 tabindex="-1">${r ? t('requests.detailTitle', { name: r.beneficiary.fullName }) : t('requests.title')}</h1>
      ${this.detail.render({
        pending: () => (r ? this.renderDetail(r) : html`<p class="status" role="status">${t('app.loading')}</p>`),
        error: (error) => html`<atensi-error-message .error=${error} retryable @atensi-retry=${() => this.detail.run()}></atensi-error-message>`,
        complete: (detail) => this.renderDetail(detail),
      })}
    `;
  }

  private renderDetail(r: RequestDetail) {
    const staff = this.me?.role !== 'family';
    const clinical = r.assessment !== undefined;
    const canRecord = this.me?.role === 'therapist' || this.me?.role === 'admin';
    // The referral's appointment is for the assessment, the expected date for the chair's arrival:
    // each is news only until that step is done (the sections below keep them as history).
    const appointmentDue = r.state === 'referred';
    const chairAwaited = r.state === 'ordered';
    return html`
      <div class="head-links">
        <span class="badge ${stateTone(r.state)}">${stateLabel(r.state)}</span>
        ${staff ? html`<a href=${`/beneficiaries/${r.beneficiary.id}`}>${t('requests.openBeneficiary')}</a>` : nothing}
        ${clinical && r.assessment ? html`<a href=${`/requests/${r.id}/print`}>${t('requests.printSummary')}</a>` : nothing}
      </div>
      <dl class="facts card">
        ${fact('requests.state', stateLabel(r.state))}
        ${r.therapist !== undefined ? fact('requests.therapist', r.therapist?.name) : nothing}
        ${r.priority ? fact('requests.field.priority', enumLabel('priority', r.priority)) : nothing}
        ${appointmentDue ? fact('requests.field.appointmentAt', r.appointmentAt ? `${formatDateTime(r.appointmentAt)}${r.appointmentType ? ` · ${enumLabel('appointment', r.appointmentType)}` : ''}` : null) : nothing}
        ${r.expectedAt && chairAwaited ? fact('requests.field.expectedAt', formatDate(r.expectedAt)) : nothing}
        ${r.device ? fact('requests.device', `${r.device.serial} · ${r.device.modelName}`) : nothing}
        ${r.nextFollowUpAt ? fact('requests.nextFollowUp', formatDate(r.nextFollowUpAt)) : nothing}
      </dl>
      ${r.clinicalWithheld ? html`<p class="notice withheld" role="note">${t('beneficiaries.privacy.clinicalWithheld')}</p>` : nothing}
      ${this.renderLastMove()}
      ${r.allowedTransitions.length > 0
        ? html`<section aria-labelledby="next-heading">
            <h2 id="next-heading">${t('requests.nextStep')}</h2>
            <atensi-next-step .request=${r} .onMoved=${this.moved}></atensi-next-step>
          </section>`
        : nothing}
      ${followUpsSection(r, canRecord, () => this.detail.run())}
      ${referralSection(r)} ${assessmentSection(r)} ${prescriptionSection(r)} ${fundingSection(r)} ${orderSection(r)} ${fittingSection(r)} ${trainingSection(r)}
      ${timelineSection(r)}
    `;
  }

  private renderLastMove() {
    const m = this.lastMove;
    if (!m || m.request.id !== this.requestId) return nothing;
    return html`
      ${m.credentials
        ? html`<section class="secret" aria-labelledby="secret-heading">
            <h2 id="secret-heading">${t('requests.credentials.title')}</h2>
            <p><strong>${t('requests.credentials.once')}</strong></p>
            <p>${t('requests.credentials.username')}<code>${m.credentials.username}</code>${t('requests.credentials.secret')}<code>${m.credentials.secret}</code></p>
          </section>`
        : nothing}
      ${m.warnings.length > 0
        ? html`<div class="notice" role="status">${t('requests.warnings')}<ul class="warnings">${m.warnings.map((w) => html`<li>${enumLabel('warning', w.code)}</li>`)}</ul></div>`
        : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-request-detail-page': RequestDetailPage;
  }
}
