// A beneficiary's personal-data duties (UU PDP 27/2022) on the detail page: exports for an admin
// and the manager of the person's centre, the access history, and for an admin anonymise and
// erase, each behind a confirmation dialog. Other roles get nothing here (the server agrees).
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Me } from '../../../../schemas/auth.ts';
import type { BeneficiaryDetail } from '../../../../schemas/beneficiaries.ts';
import { exportHtmlUrl, exportJsonUrl } from '../../data/privacy.api.ts';
import { getLocale, t } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import { navigate } from '../../router/router.ts';
import { setFlash } from '../../ui/flash.ts';
import { sharedStyles } from '../../ui/shared.styles.ts';
import { type PrivacyAction, type PrivacyDialog } from './privacy-dialog.component.ts';
import './privacy-dialog.component.ts';

/** What the signed-in person may do with this beneficiary's data, or nothing. */
export function privacyAccess(me: Me | undefined, b: BeneficiaryDetail): 'admin' | 'manager' | undefined {
  if (me?.role === 'admin') return 'admin';
  if (me?.role === 'manager' && me.centre?.id === b.centreId) return 'manager';
  return undefined;
}

@customElement('atensi-beneficiary-privacy')
export class BeneficiaryPrivacy extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      section { margin-top: 1.5rem; }
      h2 { margin-top: 0; }
      .links, .actions { display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; align-items: center; margin: 0.5rem 0; }
      .links a { display: inline-flex; align-items: center; min-height: var(--target); font-weight: 600; }
      .actions { margin-top: 1rem; gap: 0.75rem; }
      button.danger { background: var(--c-surface); color: var(--c-error); border-color: var(--c-error); }
      button.danger:hover { background: var(--c-error-bg); color: #7f1a14; border-color: #7f1a14; }
    `,
  ];

  @property({ attribute: false }) beneficiary!: BeneficiaryDetail;
  @property({ attribute: false }) me: Me | undefined;
  /** Called after anonymising, so the page loads the record again. */
  @property({ attribute: false }) onAnonymised: (() => void) | undefined;

  @state() private action: PrivacyAction = 'anonymise';
  @query('atensi-privacy-dialog') private dialog!: PrivacyDialog;
  private readonly locale = new LocaleController(this);

  override render() {
    const b = this.beneficiary;
    const access = privacyAccess(this.me, b);
    if (!access) return nothing;
    const history = `/audit?${new URLSearchParams({ entityType: 'Beneficiary', entityId: b.id }).toString()}`;
    return html`<section aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">${t('beneficiaries.privacy.title')}</h2>
      <div class="card">
        <p>${t('beneficiaries.privacy.intro')}</p>
        <div class="links">
          <a href=${exportJsonUrl(b.id)} download>${t('beneficiaries.privacy.exportJson')}</a>
          <a href=${exportHtmlUrl(b.id, getLocale())} target="_blank" rel="noopener">
            ${t('beneficiaries.privacy.exportHtml')}<span class="visually-hidden"> ${t('beneficiaries.privacy.newTab')}</span></a>
          <a href=${history}>${t('beneficiaries.privacy.history')}</a>
        </div>
        ${access === 'admin'
          ? html`<div class="actions">
              ${b.anonymisedAt
                ? nothing
                : html`<button type="button" class="danger" @click=${(e: Event) => this.openDialog('anonymise', e)}>${t('beneficiaries.privacy.anonymise')}</button>`}
              <button type="button" class="danger" @click=${(e: Event) => this.openDialog('erase', e)}>${t('beneficiaries.privacy.erase')}</button>
            </div>
            <atensi-privacy-dialog action=${this.action} beneficiaryId=${b.id} fullName=${b.fullName}
              .onDone=${this.done}></atensi-privacy-dialog>`
          : nothing}
      </div>
    </section>`;
  }

  private async openDialog(action: PrivacyAction, e: Event) {
    const trigger = e.currentTarget as HTMLElement;
    this.action = action;
    await this.updateComplete;
    await this.dialog.open(trigger);
  }

  private readonly done = (action: PrivacyAction) => {
    if (action === 'anonymise') {
      this.onAnonymised?.();
      return;
    }
    setFlash({ key: 'beneficiaries.privacy.erased', params: { name: this.beneficiary.fullName } });
    navigate('/beneficiaries');
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-beneficiary-privacy': BeneficiaryPrivacy;
  }
}
