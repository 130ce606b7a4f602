// Staff triage of a family report: into a work order (with a priority), a clinical follow-up (with a
// due date; not for technicians, who see no clinical detail) or closed with a note the family reads.
// Two steps: choose, then confirm. Once triaged it shows the outcome and links to the work order.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { type Role, inRoles, workshopRoles } from '../../../../schemas/common.ts';
import type { ReportDetail } from '../../../../schemas/reports.ts';
import { WorkOrderPriority } from '../../../../schemas/work-orders.ts';
import { triageReport, type TriageInput } from '../../data/reports.api.ts';
import { formatDate } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import '../../ui/error-message.component.ts';
import { sharedStyles } from '../../ui/shared.styles.ts';
import { badgeStyles } from '../../ui/badge.styles.ts';
import { formStyles } from '../../ui/form.styles.ts';
import { WriteController } from '../../ui/write.controller.ts';
import { statusTag } from './report-words.ts';

type Outcome = TriageInput['outcome'];

/** Fired (bubbling, composed) with the updated report after a successful triage. */
export const REPORT_TRIAGED = 'atensi-report-triaged';
export type ReportTriagedEvent = CustomEvent<{ report: ReportDetail }>;

/** Today plus n days as YYYY-MM-DD in local time, for the date field's default. */
function localDay(daysAhead: number): string {
  const d = new Date(Date.now() + daysAhead * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

@customElement('atensi-report-triage')
export class ReportTriage extends LitElement {
  static override styles = [
    sharedStyles,
    badgeStyles,
    formStyles,
    css`
      .choices { display: grid; gap: 0.25rem; }
      .choice { display: flex; gap: 0.6rem; align-items: flex-start; min-height: var(--target); padding: 0.35rem 0; font-weight: 400; margin: 0; }
      .choice input { width: 1.25rem; height: 1.25rem; margin-top: 0.15rem; flex: none; }
      .choice strong { display: block; }
      .choice span.hint { display: block; margin: 0; }
      .confirm { border-left: 4px solid var(--c-primary); background: var(--c-primary-soft); padding: 0.75rem 1rem; border-radius: 4px; }
      input[type='date'] { font: inherit; width: 100%; min-height: var(--target); padding: 0.45rem 0.6rem; border: 2px solid var(--c-border); border-radius: var(--radius); background: var(--c-surface); color: var(--c-text); }
      .buttons { display: flex; flex-wrap: wrap; gap: 0.75rem; }
      .outcome { display: grid; gap: 0.5rem; }
    `,
  ];

  @property({ attribute: false }) report: ReportDetail | undefined;
  /** The signed-in person's role: technicians are not offered a clinical follow-up. */
  @property() userRole: Role | '' = '';

  @state() private outcome: Outcome = 'work_order';
  @state() private priority: WorkOrderPriority = 'normal';
  @state() private dueDay = localDay(7);
  @state() private note = '';
  @state() private step: 'choose' | 'confirm' = 'choose';
  @state() private fieldError: 'note' | 'due' | '' = '';
  /** The answer of the triage, shown until the page hands over the reloaded report. */
  @state() private triaged: ReportDetail | undefined;

  private readonly locale = new LocaleController(this);
  private readonly write = new WriteController(this);

  private defaultsFor = '';

  /**
   * A red flag is clinical and urgent: it starts as a follow-up due today (a work order, if chosen,
   * is urgent); any other report starts as a work order at normal priority. Set once per report.
   */
  override willUpdate(changed: Map<PropertyKey, unknown>) {
    const r = this.report;
    if (!changed.has('report') || !r || r.id === this.defaultsFor) return;
    this.defaultsFor = r.id;
    const clinical = r.redFlag && this.outcomes.includes('follow_up');
    this.outcome = clinical ? 'follow_up' : 'work_order';
    this.priority = r.redFlag ? 'urgent' : 'normal';
    this.dueDay = localDay(r.redFlag ? 0 : 7);
  }

  private get outcomes(): Outcome[] {
    return this.userRole === 'technician' ? ['work_order', 'closed'] : ['work_order', 'follow_up', 'closed'];
  }

  override render() {
    const r = this.triaged && this.triaged.id === this.report?.id && this.report.status === 'new' ? this.triaged : this.report;
    if (!r) return nothing;
    return html`<p class="visually-hidden" role="status">${this.write.message}</p>
      ${r.status === 'new' ? (this.step === 'choose' ? this.renderChoose() : this.renderConfirm()) : this.renderOutcome(r)}`;
  }

  private renderChoose() {
    return html`<form class="form" novalidate aria-labelledby="triage-h" @submit=${this.toConfirm}>
      <h3 id="triage-h">${t('reports.triage.heading')}</h3>
      <fieldset>
        <legend>${t('reports.triage.what')}</legend>
        <div class="choices">
          ${this.outcomes.map(
            (o) => html`<label class="choice">
              <input type="radio" name="outcome" value=${o} .checked=${this.outcome === o} @change=${() => (this.outcome = o)} aria-describedby=${`hint-${o}`} />
              <span><strong>${t(`reports.triage.${o}`)}</strong><span class="hint" id=${`hint-${o}`}>${t(`reports.triage.${o}Hint`)}</span></span>
            </label>`,
          )}
        </div>
      </fieldset>
      ${this.outcome === 'work_order'
        ? html`<div>
            <label for="priority">${t('reports.triage.priority')}</label>
            <select id="priority" @change=${(e: Event) => (this.priority = WorkOrderPriority.parse((e.target as HTMLSelectElement).value))}>
              ${WorkOrderPriority.options.map((p) => html`<option value=${p} ?selected=${p === this.priority}>${t(`workOrders.priority.${p}`)}</option>`)}
            </select>
          </div>`
        : nothing}
      ${this.outcome === 'follow_up'
        ? html`<div>
            <label for="due">${t('reports.triage.due')}</label>
            <input id="due" type="date" .value=${this.dueDay} min=${localDay(0)} required aria-invalid=${this.fieldError === 'due' ? 'true' : 'false'}
              aria-describedby=${this.fieldError === 'due' ? 'due-error' : nothing} @input=${(e: Event) => (this.dueDay = (e.target as HTMLInputElement).value)} />
            ${this.fieldError === 'due' ? html`<p class="field-error" id="due-error">${t('reports.triage.dueRequired')}</p>` : nothing}
          </div>`
        : nothing}
      <div>
        <label for="note">${this.outcome === 'closed' ? t('reports.triage.noteRequired') : t('reports.triage.note')}</label>
        <textarea id="note" maxlength="500" .value=${this.note} ?required=${this.outcome === 'closed'}
          aria-invalid=${this.fieldError === 'note' ? 'true' : 'false'}
          aria-describedby=${this.fieldError === 'note' ? 'note-hint note-error' : 'note-hint'}
          @input=${(e: Event) => (this.note = (e.target as HTMLTextAreaElement).value)}></textarea>
        <p class="hint" id="note-hint">${t('reports.triage.noteHint')}</p>
        ${this.fieldError === 'note' ? html`<p class="field-error" id="note-error">${t('reports.triage.noteMissing')}</p>` : nothing}
      </div>
      <div><button type="submit">${t('reports.triage.continue')}</button></div>
    </form>`;
  }

  private renderConfirm() {
    const summary =
      this.outcome === 'work_order'
        ? t('reports.triage.confirmWorkOrder', { priority: t(`workOrders.priority.${this.priority}`) })
        : this.outcome === 'follow_up'
          ? t('reports.triage.confirmFollowUp', { date: formatDate(this.dueDay) })
          : t('reports.triage.confirmClose');
    return html`<div class="form">
      <h3 id="confirm-h" tabindex="-1">${t('reports.triage.confirmHeading')}</h3>
      <div class="confirm">
        <p>${summary}</p>
        ${this.note.trim() ? html`<p>${t('reports.triage.familyReads')} <q>${this.note.trim()}</q></p>` : nothing}
        <p>${t('reports.triage.familySees')}</p>
      </div>
      ${this.write.errorLine()}
      <div class="buttons">
        <button type="button" ?disabled=${this.write.busy} @click=${this.submit}>${t('reports.triage.confirm')}</button>
        <button type="button" class="secondary" ?disabled=${this.write.busy} @click=${this.back}>${t('reports.triage.back')}</button>
      </div>
    </div>`;
  }

  private renderOutcome(r: ReportDetail) {
    const canOpenWorkOrder = inRoles(workshopRoles, this.userRole as Role);
    return html`<div class="outcome">
      <p>${t('reports.triage.current')} ${statusTag(r.status)}</p>
      ${r.workOrderId
        ? canOpenWorkOrder
          ? html`<p><a href=${`/work-orders/${r.workOrderId}`} data-work-order=${r.workOrderId}>${t('reports.triage.openWorkOrder')}</a></p>`
          : html`<p>${t('reports.triage.hasWorkOrder')}</p>`
        : nothing}
      ${r.followUpId ? html`<p>${t('reports.triage.hasFollowUp')}</p>` : nothing}
    </div>`;
  }

  private toConfirm(e: SubmitEvent) {
    e.preventDefault();
    this.fieldError = '';
    if (this.outcome === 'closed' && !this.note.trim()) return this.invalid('note');
    if (this.outcome === 'follow_up' && !/^\d{4}-\d{2}-\d{2}$/.test(this.dueDay)) return this.invalid('due');
    this.write.clear();
    this.step = 'confirm';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#confirm-h')?.focus());
  }

  private invalid(field: 'note' | 'due') {
    this.fieldError = field;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${field}`)?.focus());
  }

  private back() {
    this.step = 'choose';
    this.write.clear();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('input[name="outcome"]:checked')?.focus());
  }

  private body(): TriageInput {
    const note = this.note.trim();
    const withNote = note ? { note } : {};
    if (this.outcome === 'work_order') return { outcome: 'work_order', priority: this.priority, ...withNote };
    // The due date is a calendar day; 09:00 local time on that day is when it shows as due.
    if (this.outcome === 'follow_up') return { outcome: 'follow_up', dueAt: new Date(`${this.dueDay}T09:00`).toISOString(), ...withNote };
    return { outcome: 'closed', note };
  }

  private async submit() {
    const r = this.report;
    if (!r) return;
    await this.write.run(async () => {
      const updated = await triageReport(r.id, this.body());
      this.triaged = updated;
      this.step = 'choose';
      this.note = '';
      this.dispatchEvent(new CustomEvent(REPORT_TRIAGED, { detail: { report: updated }, bubbles: true, composed: true }));
      return t('reports.triage.done', { status: t(`reports.status.${updated.status}`) });
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-report-triage': ReportTriage;
  }
}
