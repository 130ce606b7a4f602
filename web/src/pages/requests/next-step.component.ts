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
import type { ConfirmRequest } from '../../ui/confirm-dialog.component.ts';
import type { AtensiEvent } from '../../ui/events.ts';
import { sharedStyles } from '../../ui/shared.styles.ts';
import { assessDefaults, assessGroups, prescribeDefaults, prescribeGroups } from './form/clinical-fields.ts';
import './form/step-form.component.ts';
import { fittingChecks, simpleStep, stepSchemas } from './form/step-fields.ts';
import { sizingPanel } from './sizing-panel.ts';

type Target = Exclude<RequestState, 'referred'>;

export const actionKey = (r: Pick<RequestDetail, 'state'>, to: RequestState): MessageKey =>
  r.state === 'fitted' && to === 'prepared' ? 'requests.action.refit' : (`requests.action.${to as Target}` satisfies MessageKey);

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
      .aside { margin: 1rem 0 0; }
      .warnings { margin: 0.5rem 0 0; padding-left: 1.25rem; color: var(--c-error); font-weight: 600; }
    `,
  ];

  @property({ attribute: false }) request!: RequestDetail;
  /** Called with the server's answer once a move succeeded. */
  @property({ attribute: false }) onMoved: ((result: TransitionResult) => void) | undefined;

  @state() private chosen: RequestState | undefined;

  private readonly locale = new LocaleController(this);

  /** The moves offered as next steps; cancelling is never one of them (it is offered apart, secondary). */
  private get steps(): RequestState[] {
    return this.request.allowedTransitions.filter((s) => s !== 'cancelled');
  }

  /** The safe next step: after a fitting that found a problem, the refit; else the pathway's next. */
  private get preferred(): RequestState | undefined {
    const r = this.request;
    if (r.state === 'fitted' && r.fittings?.at(-1)?.outcome === 'refit_needed' && this.steps.includes('prepared')) return 'prepared';
    return this.steps[0];
  }

  private get target(): RequestState | undefined {
    return this.chosen && this.request.allowedTransitions.includes(this.chosen) ? this.chosen : this.preferred;
  }

  private readonly needs = new Task(this, {
    task: async ([r, to], { signal }) => {
      if (to === 'assessed') return { beneficiary: await getBeneficiary(r.beneficiary.id, signal) };
      if (to === 'prescribed') return { sizing: await getSizing(r.id, signal) };
      return {};
    },
    args: () => [this.request, this.target] as const,
  });

  /** "Send for refit" offered with a refit_needed refusal: switch to the refit step and go to its form. */
  private onErrorAction = async (e: AtensiEvent<'error-action'>) => {
    if (e.detail.reason !== 'refit_needed' || !this.request.allowedTransitions.includes('prepared')) return;
    await this.choose('prepared');
  };

  private move = async (body: Record<string, unknown>) => {
    const result = await moveRequest(this.request.id, body);
    this.chosen = undefined;
    this.onMoved?.(result);
  };

  override render() {
    const r = this.request;
    const to = this.target;
    const steps = this.steps;
    const cancelling = to === 'cancelled';
    return html`
      ${steps.length > 1 && !cancelling
        ? html`<fieldset class="choices">
            <legend>${t('requests.chooseStep')}</legend>
            ${steps.map((s) => html`<label class="choice">
              <input type="radio" name="step" .checked=${s === to} @change=${() => (this.chosen = s)} />${t(actionKey(r, s))}
            </label>`)}
          </fieldset>`
        : nothing}
      ${steps.length === 0 && !cancelling ? html`<p>${t('requests.noStepForYou')}</p>` : nothing}
      ${to
        ? html`<h3 id="step-form-heading" tabindex="-1">${t(actionKey(r, to))}</h3>
            ${this.needs.render({
              pending: () => html`<p class="status" role="status">${t('app.loading')}</p>`,
              error: (e) => html`<atensi-error-message .error=${e} retryable @atensi-retry=${() => this.needs.run()}></atensi-error-message>`,
              complete: (needs) => html`<div @atensi-error-action=${this.onErrorAction}>${this.renderForm(r, to as Target, needs)}</div>`,
            })}`
        : nothing}
      ${this.renderCancel(r, cancelling)}
    `;
  }

  /** Cancelling stops the request for good: a secondary button that opens its form, never the default. */
  private renderCancel(r: RequestDetail, cancelling: boolean) {
    if (!r.allowedTransitions.includes('cancelled')) return nothing;
    if (cancelling) {
      return this.steps.length > 0
        ? html`<p class="aside"><button type="button" class="secondary" @click=${() => this.choose(undefined)}>${t('requests.cancel.back')}</button></p>`
        : nothing;
    }
    return html`<p class="aside"><button type="button" class="secondary danger" @click=${() => this.choose('cancelled')}>${t('requests.cancel.open')}</button></p>`;
  }

  private async choose(to: RequestState | undefined) {
    this.chosen = to;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#step-form-heading')?.focus();
  }

  /** What a step will do that cannot simply be taken back, asked before it is sent. */
  private confirmFor(r: RequestDetail, to: Target) {
    if (to === 'cancelled') {
      return () => ({ title: 'requests.cancel.title', consequence: 'requests.cancel.consequence', confirm: 'requests.cancel.confirm', keep: 'requests.cancel.keep', params: { name: r.beneficiary.fullName } }) satisfies ConfirmRequest;
    }
    if (to === 'fitted') {
      return (body: Record<string, unknown>): ConfirmRequest | undefined => {
        const failed = fittingChecks.filter(([name]) => body[name] !== true).map(([, label]) => t(label));
        return failed.length === 0
          ? undefined
          : { title: 'requests.fitProblem.title', consequence: 'requests.fitProblem.consequence', confirm: 'requests.fitProblem.confirm', keep: 'requests.fitProblem.keep', params: { checks: failed.join(', ') } };
      };
    }
    return undefined;
  }

  private renderForm(r: RequestDetail, to: Target, needs: { beneficiary?: Parameters<typeof assessDefaults>[0]; sizing?: Parameters<typeof prescribeGroups>[0] }) {
    const draftKey = `${r.id}.${r.state}.${to}`;
    const form = (groups: unknown, defaults: unknown) => html`<atensi-step-form label=${t(actionKey(r, to))}
      .groups=${groups} .defaults=${defaults} .schema=${stepSchemas[to]} .base=${{ to }} draftKey=${draftKey}
      submitLabel=${actionKey(r, to)} .action=${this.move} .confirm=${this.confirmFor(r, to)} ?danger=${to === 'cancelled'}></atensi-step-form>`;
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
