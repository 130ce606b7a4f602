// A new referral: the beneficiary (preselected when coming from their page), source, reason,
// priority and the first appointment. On success, the new request's page.
import { Task } from '@lit/task';
import { LitElement, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ReferralBody } from '../../../../schemas/requests.ts';
import { z } from 'zod';
import { Id } from '../../../../schemas/common.ts';
import { listBeneficiaries } from '../../data/beneficiaries.api.ts';
import { createRequest } from '../../data/requests.api.ts';
import { t } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import { navigate } from '../../router/router.ts';
import '../../ui/error-message.component.ts';
import { pageStyles } from '../../ui/page.styles.ts';
import { sharedStyles } from '../../ui/shared.styles.ts';
import './form/step-form.component.ts';
import { referralDefaults, referralGroups } from './form/step-fields.ts';
import { requestStyles } from './request-detail.styles.ts';

const NewReferral = z.object({ beneficiaryId: Id, referral: ReferralBody });

@customElement('atensi-request-new-page')
export class RequestNewPage extends LitElement {
  static override styles = [sharedStyles, pageStyles, requestStyles];

  @state() private beneficiaryId = '';

  private readonly locale = new LocaleController(this);

  private readonly beneficiaries = new Task(this, {
    task: async (_args, { signal }) => (await listBeneficiaries({ limit: 200 }, signal)).items,
    args: () => [] as const,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.beneficiaryId = new URLSearchParams(location.search).get('beneficiaryId') ?? '';
  }

  private create = async (body: Record<string, unknown>) => {
    const r = await createRequest(body as z.infer<typeof NewReferral>);
    navigate(`/requests/${r.id}`);
  };

  override render() {
    return html`
      <a class="back" href="/requests"><span aria-hidden="true">←&nbsp;</span>${t('requests.back')}</a>
      <h1 tabindex="-1">${t('requests.newTitle')}</h1>
      <p class="muted">${t('requests.newIntro')}</p>
      ${this.beneficiaries.render({
        pending: () => html`<p class="status" role="status">${t('app.loading')}</p>`,
        error: (e) => html`<atensi-error-message .error=${e} retryable @atensi-retry=${() => this.beneficiaries.run()}></atensi-error-message>`,
        complete: (items) => html`<atensi-step-form label=${t('requests.newTitle')} .groups=${referralGroups(items)} .defaults=${referralDefaults(this.beneficiaryId)}
          .schema=${NewReferral} draftKey=${`new.${this.beneficiaryId || 'any'}`} submitLabel="requests.refer" .action=${this.create}></atensi-step-form>`,
      })}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-request-new-page': RequestNewPage;
  }
}
