// Registering a person: their details and the consent given (a guardian's for a child) in one step.
// A duplicate is answered with a link to the existing record; the same name and birth date at the
// centre can be confirmed as another person ("register anyway").
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { LitElement, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Me } from '../../../../schemas/auth.ts';
import type { CreateBeneficiaryBody } from '../../../../schemas/beneficiaries.ts';
import { createBeneficiary } from '../../data/beneficiaries.api.ts';
import { listCentres } from '../../data/centres.api.ts';
import { meContext } from '../../data/session.context.ts';
import { t } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import { navigate } from '../../router/router.ts';
import '../../ui/error-message.component.ts';
import type { AtensiEvent } from '../../ui/events.ts';
import { pageStyles } from '../../ui/page.styles.ts';
import { sharedStyles } from '../../ui/shared.styles.ts';
import '../requests/form/step-form.component.ts';
import type { StepForm } from '../requests/form/step-form.component.ts';
import { registerDefaults, registerGroups, registerSchema, withPurposes } from './beneficiary-fields.ts';

@customElement('atensi-beneficiary-new-page')
export class BeneficiaryNewPage extends LitElement {
  static override styles = [sharedStyles, pageStyles];

  @consume({ context: meContext, subscribe: true }) @state() private me: Me | undefined;
  /** Set once the person said the possible duplicate is someone else. */
  @state() private confirmed = false;

  private readonly locale = new LocaleController(this);

  /** Admins choose the centre; staff register in their own. */
  private readonly centres = new Task(this, {
    task: async ([role], { signal }) => (role === 'admin' ? listCentres(signal) : undefined),
    args: () => [this.me?.role] as const,
  });

  private create = async (body: Record<string, unknown>) => {
    const b = await createBeneficiary(withPurposes(body, 'consent') as CreateBeneficiaryBody);
    navigate(`/beneficiaries/${b.id}`);
  };

  /** "This is another person": send the same form again, confirming the duplicate. */
  private onErrorAction = async (e: AtensiEvent<'error-action'>) => {
    if (e.detail.reason !== 'possible_duplicate') return;
    this.confirmed = true;
    await this.updateComplete;
    const form = this.renderRoot.querySelector<StepForm>('atensi-step-form');
    await form?.updateComplete;
    form?.renderRoot.querySelector('form')?.requestSubmit();
  };

  override render() {
    return html`
      <a class="back" href="/beneficiaries"><span aria-hidden="true">←&nbsp;</span>${t('beneficiaries.detail.back')}</a>
      <h1 tabindex="-1">${t('beneficiaries.new.title')}</h1>
      <p class="muted">${t('beneficiaries.new.intro')}</p>
      ${this.centres.render({
        pending: () => html`<p class="status" role="status">${t('app.loading')}</p>`,
        error: (e) => html`<atensi-error-message .error=${e} retryable @atensi-retry=${() => this.centres.run()}></atensi-error-message>`,
        complete: (centres) => html`<div @atensi-error-action=${this.onErrorAction}>
          <atensi-step-form label=${t('beneficiaries.new.title')} .groups=${registerGroups(centres)} .defaults=${registerDefaults()}
            .schema=${registerSchema} .base=${this.confirmed ? { confirmDuplicate: true } : {}} draftKey="beneficiary.new"
            submitLabel="beneficiaries.new.submit" .action=${this.create}></atensi-step-form>
        </div>`,
      })}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-beneficiary-new-page': BeneficiaryNewPage;
  }
}
