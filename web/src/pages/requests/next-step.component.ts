// The next step of a request: the moves this user may make, and the form of the chosen one, with
// what it needs loaded first (the beneficiary's profiles for the assessment, the sizing helper for
// the prescription).
import { Task } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { RequestDetail, RequestState, TransitionResult } from '../../../../schemas/requests.ts';
import { getBeneficiary } from '../../data/beneficiaries.api.ts';
import { getSizing, moveRequest } from '../../data/requests.api.ts';
import { t, type MessageKey } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import '../../ui/error-message.component.ts';
import { sharedStyles } from '../../ui/shared.styles.ts';
import { assessDefaults, assessGroups, prescribeDefaults, prescribeGroups } from './form/clinical-fields.ts';
import './form/step-form.component.ts';
import { simpleStep, stepSchemas } from './form/step-fields.ts';
import { sizingPanel } from './sizing-panel.ts';

type Target = Exclude<RequestState, 'referred'>;

export const actionKey = (r: Pick<RequestDetail, 'state'>, to: RequestState): MessageKey =>
  r.state === 'fitted' && to === 'prepared' ? 'pathway.action.refit' : (`pathway.action.${to as Target}` satisfies MessageKey);

@customElement('atensi-next-step')
export class NextStep extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .choices { display: flex; flex-wrap: wrap; gap: 0.5rem; border: 0; padding: 0; margin: 0 0 1rem; }
      .choices legend { font-weight: 600; margin-bottom: 0.5rem; padding: 0; }
      .choice { display: inline-flex; align-items: center; gap: 0.5rem; min-height: var(--target); padding: 0.4rem 0.9rem; border: 2px solid var(--c-primary); border-radius: var(--radius); background: var(--c-surface); cursor: pointer; font-weight: 600; margin: 0; }
      .choice:has(input:checked) { background: var(--c-primary-soft); }
      .choice input { width: 1.25rem; height: 1.25rem; margin: 0; accent-color: var(--c-primary); }
      .sizing { margin-bottom: 1rem; }
      h4 { margin: 0 0 0.5rem; font-size: 1rem; }
      .warnings { margin: 0.5rem 0 0; padding-left: 1.25rem; color: var(--c-error); font-weight: 600; }
    `,
  ];

  @property({ attribute: false }) request!: RequestDetail;
  /** Called with the server's answer once a move succeeded. */
  @property({ attribute: false }) onMoved: ((result: TransitionResult) => void) | undefined;

  @state() private chosen: RequestState | undefined;

  private readonly locale = new LocaleController(this);

  private get target(): RequestState | undefined {
    const allowed = this.request.allowedTransitions;
    return this.chosen && allowed.includes(this.chosen) ? this.chosen : allowed[0];
  }

  private readonly needs = new Task(this, {
    task: async ([r, to], { signal }) => {
      if (to === 'assessed') return { beneficiary: await getBeneficiary(r.beneficiary.id, signal) };
      if (to === 'prescribed') return { sizing: await getSizing(r.id, signal) };
      return {};
    },
    args: () => [this.request, this.target] as const,
  });

  private move = async (body: Record<string, unknown>) => {
    const result = await moveRequest(this.request.id, body);
    this.chosen = undefined;
    this.onMoved?.(result);
  };

  override render() {
    const r = this.request;
    const to = this.target;
    if (!to) return nothing;
    return html`
      ${r.allowedTransitions.length > 1
        ? html`<fieldset class="choices">
            <legend>${t('requests.chooseStep')}</legend>
            ${r.allowedTransitions.map((s) => html`<label class="choice">
              <input type="radio" name="step" .checked=${s === to} @change=${() => (this.chosen = s)} />${t(actionKey(r, s))}
            </label>`)}
          </fieldset>`
        : nothing}
      <h3 id="step-form-heading">${t(actionKey(r, to))}</h3>
      ${this.needs.render({
        pending: () => html`<p class="status" role="status">${t('app.loading')}</p>`,
        error: (e) => html`<atensi-error-message .error=${e} retryable @atensi-retry=${() => this.needs.run()}></atensi-error-message>`,
        complete: (needs) => this.renderForm(r, to as Target, needs),
      })}
    `;
  }

  private renderForm(r: RequestDetail, to: Target, needs: { beneficiary?: Parameters<typeof assessDefaults>[0]; sizing?: Parameters<typeof prescribeGroups>[0] }) {
    const draftKey = `${r.id}.${r.state}.${to}`;
    const form = (groups: unknown, defaults: unknown) => html`<atensi-step-form label=${t(actionKey(r, to))}
      .groups=${groups} .defaults=${defaults} .schema=${stepSchemas[to]} .base=${{ to }} draftKey=${draftKey}
      submitLabel=${actionKey(r, to)} .action=${this.move}></atensi-step-form>`;
    if (to === 'assessed') return form(assessGroups(r), assessDefaults(needs.beneficiary));
    if (to === 'prescribed' && needs.sizing) return html`${sizingPanel(needs.sizing)}${form(prescribeGroups(needs.sizing), prescribeDefaults(needs.sizing))}`;
    const step = simpleStep(to, r);
    return step ? form(step.groups, step.defaults) : nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-next-step': NextStep;
  }
}
