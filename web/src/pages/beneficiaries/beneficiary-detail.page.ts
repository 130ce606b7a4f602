// One beneficiary: each section appears only when the API sent it (clinical data depends on role).
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Me } from '../../../../schemas/auth.ts';
import type { BeneficiaryDetail } from '../../../../schemas/beneficiaries.ts';
import { meContext } from '../../data/session.context.ts';
import { getBeneficiary } from '../../data/beneficiaries.api.ts';
import { getBeneficiaryTimeline } from '../../data/requests.api.ts';
import { formatDate } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import '../../ui/error-message.component.ts';
import { emit } from '../../ui/events.ts';
import { pageStyles } from '../../ui/page.styles.ts';
import { sharedStyles } from '../../ui/shared.styles.ts';
import { cpSection, hydroSection } from './clinical-sections.ts';
import './privacy-section.component.ts';
import { type Consent, consentSection, diagnosisSection, familySection, personalSection } from './record-sections.ts';
import { clinicalWriterRoles, inRoles } from '../../../../schemas/common.ts';
import { withdrawConsent } from '../../data/beneficiaries.api.ts';
import { label } from '../../i18n/format.ts';
import { confirmAction } from '../../ui/confirm-dialog.component.ts';
import { WriteController } from '../../ui/write.controller.ts';
import './beneficiary-edit.component.ts';
import './family-links.component.ts';
import { serviceTimelineSection } from './service-timeline.ts';

@customElement('atensi-beneficiary-detail-page')
export class BeneficiaryDetailPage extends LitElement {
  static override styles = [
    sharedStyles,
    pageStyles,
    css`
      ul.people { margin: 0; padding-left: 2.25rem; }
      ul.people li { padding: 0.2rem 0; }
      h3 { margin-top: 1.25rem; }
      .timeline ol { margin: 0; padding: 0.75rem 1.25rem 0.75rem 2.5rem; }
      .timeline li { padding: 0.3rem 0; }
      .timeline h3 a, .timeline .links a { display: inline-flex; align-items: center; min-height: var(--target); }
      .timeline .links { display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; }
      .note { margin: 0.2rem 0 0; white-space: pre-line; }
      .anonymised { border-left: 4px solid var(--c-border); background: #eef4f4; padding: 0.75rem 1rem; border-radius: 4px; font-weight: 600; }
      .anonymised:focus-visible { outline: 3px solid var(--c-focus); outline-offset: 2px; }
    `,
  ];

  @property() beneficiaryId = '';
  @consume({ context: meContext, subscribe: true }) @state() private me: Me | undefined;

  private readonly locale = new LocaleController(this);
  private readonly write = new WriteController(this);
  /** After anonymising, the notice takes focus once the record has loaded again. */
  private focusNotice = false;

  private readonly detail = new Task(this, {
    task: ([id], { signal }) => getBeneficiary(id, signal),
    args: () => [this.beneficiaryId] as const,
    onComplete: (b) => emit(this, 'page-title', { title: b.fullName }),
  });

  private readonly timeline = new Task(this, {
    task: ([id], { signal }) => getBeneficiaryTimeline(id, signal),
    args: () => [this.beneficiaryId] as const,
  });

  override render() {
    const b = this.detail.status === TaskStatus.COMPLETE ? this.detail.value : undefined;
    // Families have no list of beneficiaries: they come here from Home.
    const family = this.me?.role === 'family';
    return html`
      <a class="back" href=${family ? '/' : '/beneficiaries'}><span aria-hidden="true">←&nbsp;</span>${t(family ? 'notFound.home' : 'beneficiaries.detail.back')}</a>
      <h1 tabindex="-1">${b?.fullName ?? t('beneficiaries.detail.title')}</h1>
      ${this.detail.render({
        // Reloading after a change keeps the record (and the open forms' messages) on screen.
        pending: () => (this.detail.value?.id === this.beneficiaryId ? this.renderDetail(this.detail.value) : html`<p class="status" role="status">${t('app.loading')}</p>`),
        error: (error) => html`<atensi-error-message .error=${error} retryable @atensi-retry=${() => this.detail.run()}></atensi-error-message>`,
        complete: (detail) => this.renderDetail(detail),
      })}
    `;
  }

  protected override updated(): void {
    if (!this.focusNotice || this.detail.status !== TaskStatus.COMPLETE) return;
    this.focusNotice = false;
    this.renderRoot.querySelector<HTMLElement>('.anonymised')?.focus();
  }

  private readonly anonymised = () => {
    this.focusNotice = true;
    this.detail.run();
  };

  private readonly reload = () => this.detail.run();

  private withdraw = async (c: Consent) => {
    const b = this.detail.value!;
    const purpose = label('purpose', c.purpose);
    const yes = await confirmAction({
      title: 'beneficiaries.consent.withdrawTitle', consequence: c.purpose === 'health_data' ? 'beneficiaries.consent.withdrawHealth' : 'beneficiaries.consent.withdrawConsequence',
      confirm: 'beneficiaries.consent.withdraw', keep: 'beneficiaries.consent.keep', params: { purpose, name: b.fullName },
    });
    if (!yes) return;
    if (await this.write.run(async () => { await withdrawConsent(b.id, c.id); return t('beneficiaries.consent.withdrawnNow', { purpose }); })) this.reload();
  };

  private renderDetail(b: BeneficiaryDetail) {
    // Clinical writers change the record; admins also manage family links. An anonymised record is closed.
    const writer = !!this.me && inRoles(clinicalWriterRoles, this.me.role) && !b.anonymisedAt;
    const manageFamily = writer && this.me?.role === 'admin'
      ? html`<atensi-family-links .beneficiary=${b} .onChanged=${this.reload}></atensi-family-links>`
      : undefined;
    return html`
      ${b.anonymisedAt
        ? html`<p class="anonymised" tabindex="-1">${t('beneficiaries.privacy.anonymisedOn', { date: formatDate(b.anonymisedAt) })}</p>`
        : nothing}
      ${personalSection(b)} ${diagnosisSection(b)} ${cpSection(b)} ${hydroSection(b)}
      ${this.timeline.render({
        pending: () => html`<p class="status" role="status">${t('beneficiaries.service.loading')}</p>`,
        error: (error) => html`<atensi-error-message .error=${error} retryable @atensi-retry=${() => this.timeline.run()}></atensi-error-message>`,
        complete: (timeline) => serviceTimelineSection(b.id, timeline, this.me?.role),
      })}
      ${writer ? html`<atensi-beneficiary-edit .beneficiary=${b} .onChanged=${this.reload}></atensi-beneficiary-edit>` : nothing}
      ${this.write.statusLine()} ${this.write.errorLine()}
      ${consentSection(b, writer ? this.withdraw : undefined)} ${familySection(b, manageFamily)}
      <atensi-beneficiary-privacy .beneficiary=${b} .me=${this.me} .onAnonymised=${this.anonymised}></atensi-beneficiary-privacy>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-beneficiary-detail-page': BeneficiaryDetailPage;
  }
}
