// The steps a person may take on a chair, each a form in its own disclosure: only the steps the
// transition table allows from the chair's status (schemas/chair-life.ts) and the person's role.
// After a step the page reloads the chair and its history (`atensi-chair-changed`).
import { consume } from '@lit/context';
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Me } from '../../../../schemas/auth.ts';
import { canMove, chairStepRoles, RetireReason, ReturnCondition, ReturnReason, type PageChairStep } from '../../../../schemas/chair-life.ts';
import { inRoles } from '../../../../schemas/common.ts';
import type { DeviceDetail } from '../../../../schemas/devices.ts';
import { chairStep, transferTargets, type StepBodies } from '../../data/chair-life.api.ts';
import { listBeneficiaries } from '../../data/beneficiaries.api.ts';
import { meContext } from '../../data/session.context.ts';
import { t, type MessageKey } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import { emit } from '../../ui/events.ts';
import { workPageStyles } from '../../ui/page.styles.ts';
import { WriteController } from '../../ui/write.controller.ts';

type Action = keyof StepBodies & PageChairStep;
/** The forms, in order; who may take each step is the API's own list (`chairStepRoles`). */
const actions: readonly Action[] = ['loan', 'return', 'transfer', 'receive', 'battery', 'retire'];

const todayLocal = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

@customElement('atensi-chair-actions')
export class ChairActions extends LitElement {
  static override styles = [
    ...workPageStyles,
    css`
      details.card { margin-bottom: 0.5rem; }
      details summary { cursor: pointer; min-height: var(--target); display: flex; align-items: center; color: var(--c-primary); font-weight: 600; }
      input[type='date'] { font: inherit; min-height: var(--target); padding: 0.45rem 0.6rem; border: 2px solid var(--c-border); border-radius: var(--radius); }
    `,
  ];

  @property({ attribute: false }) device!: DeviceDetail;
  @consume({ context: meContext, subscribe: true }) @state() private me: Me | undefined;
  @state() private people: { id: string; name: string }[] = [];
  @state() private centres: { id: string; name: string }[] = [];
  /** The field left empty in the last submitted form, tied to its error. */
  @state() private missing = '';

  private readonly locale = new LocaleController(this);
  private readonly write = new WriteController(this);

  private allowed() {
    const role = this.me?.role;
    return actions.filter((a) => role && inRoles(chairStepRoles[a], role) && canMove(a, this.device.status) && (a !== 'battery' || this.device.kind === 'electric'));
  }

  /** Choices are loaded when a form that needs them is opened. */
  private async opened(action: Action) {
    if (action === 'loan' && this.people.length === 0) {
      const page = await listBeneficiaries({ limit: 100 });
      this.people = page.items.filter((b) => b.centreId === this.device.centreId).map((b) => ({ id: b.id, name: b.fullName }));
    }
    if (action === 'transfer' && this.centres.length === 0) this.centres = await transferTargets();
  }

  override render() {
    const allowed = this.allowed();
    // Keyed by step: after a step the next one's form starts closed, not in the last one's open disclosure.
    return html`<section aria-labelledby="chair-actions-heading">
      <h2 id="chair-actions-heading">${t('chairLife.actions.title')}</h2>
      ${this.write.statusLine()} ${this.write.errorLine()}
      ${allowed.length === 0 ? html`<p>${t('chairLife.actions.none')}</p>` : repeat(allowed, (a) => a, (a) => this.renderAction(a))}
    </section>`;
  }

  private renderAction(action: Action) {
    return html`<details class="card" data-action=${action} @toggle=${(e: Event) => (e.target as HTMLDetailsElement).open && void this.opened(action)}>
      <summary>${t(`chairLife.${action}.title`)}</summary>
      <form class="form" novalidate @submit=${(e: SubmitEvent) => this.submit(e, action)}>
        ${this.fields(action)}
        <div>
          <label for=${`${action}-notes`}>${t('chairLife.notes')}</label>
          <textarea id=${`${action}-notes`} name="notes" maxlength="1000"></textarea>
        </div>
        <div><button type="submit" ?disabled=${this.write.busy}>${t(`chairLife.${action}.submit`)}</button></div>
      </form>
    </details>`;
  }

  private select(id: string, label: MessageKey, options: { value: string; label: string }[]): TemplateResult {
    const invalid = this.missing === id;
    return html`<div>
      <label for=${id}>${t(label)}</label>
      <select id=${id} name=${id.split('-')[1]} required aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${invalid ? `${id}-error` : nothing}>
        <option value="">${t('chairLife.choose')}</option>
        ${options.map((o) => html`<option value=${o.value}>${o.label}</option>`)}
      </select>
      ${invalid ? html`<p class="field-error" id=${`${id}-error`}>${t('chairLife.required')}</p>` : nothing}
    </div>`;
  }

  private dateField(id: string, label: MessageKey, min?: string, max?: string) {
    const invalid = this.missing === id;
    return html`<div>
      <label for=${id}>${t(label)}</label>
      <input id=${id} name=${id.split('-')[1]} type="date" required min=${min ?? nothing} max=${max ?? nothing}
        aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${invalid ? `${id}-error` : nothing} />
      ${invalid ? html`<p class="field-error" id=${`${id}-error`}>${t('chairLife.required')}</p>` : nothing}
    </div>`;
  }

  private fields(action: Action) {
    const words = <T extends string>(prefix: string, options: readonly T[]) => options.map((o) => ({ value: o, label: t(`${prefix}.${o}` as MessageKey) }));
    switch (action) {
      case 'loan':
        return html`${this.select('loan-beneficiaryId', 'chairLife.loan.beneficiary', this.people.map((p) => ({ value: p.id, label: p.name })))}
          ${this.dateField('loan-dueAt', 'chairLife.loan.dueAt', todayLocal())}`;
      case 'return':
        return html`${this.select('return-reason', 'chairLife.return.reason', words('chairLife.returnReason', ReturnReason.options))}
          ${this.select('return-condition', 'chairLife.return.condition', words('chairLife.condition', ReturnCondition.options))}`;
      case 'transfer':
        return this.select('transfer-toCentreId', 'chairLife.transfer.to', this.centres.map((c) => ({ value: c.id, label: c.name })));
      case 'battery':
        return this.dateField('battery-installedAt', 'chairLife.battery.installedAt', undefined, todayLocal());
      case 'retire':
        return this.select('retire-reason', 'chairLife.retire.reason', words('chairLife.retireReason', RetireReason.options));
      default:
        return nothing;
    }
  }

  private async submit(e: SubmitEvent, action: Action) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, String(v).trim()]));
    // The first required field left empty gets the focus and its error.
    const empty = [...form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[required]')].find((el) => !el.value);
    this.missing = empty?.id ?? '';
    if (empty) {
      await this.updateComplete;
      empty.focus();
      return;
    }
    const { notes, ...rest } = data;
    const note = notes ? notes : undefined;
    const body = action === 'loan' || action === 'transfer' || action === 'receive' ? { ...rest, ...(note ? { note } : {}) } : { ...rest, ...(note ? { notes: note } : {}) };
    const ok = await this.write.run(async () => {
      await chairStep(this.device.id, action, body as StepBodies[typeof action]);
      return t('chairLife.actions.done');
    });
    if (ok) {
      form.reset();
      emit(this, 'chair-changed', undefined);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-chair-actions': ChairActions;
  }
}
