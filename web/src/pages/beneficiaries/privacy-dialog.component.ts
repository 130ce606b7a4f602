// The confirmation before anonymising or erasing one beneficiary's data: a native modal <dialog>
// (focus kept inside, Escape closes) that says what will happen, asks why, and asks for the
// person's full name typed out, then calls the API itself.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { isApiError } from '../../data/api-error.ts';
import { anonymiseBeneficiary, eraseBeneficiary } from '../../data/privacy.api.ts';
import { t } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import '../../ui/error-message.component.ts';
import { WriteController } from '../../ui/write.controller.ts';
import { dialogStyles } from '../../ui/dialog.styles.ts';
import { sharedStyles } from '../../ui/shared.styles.ts';
import { formStyles } from '../../ui/form.styles.ts';

export type PrivacyAction = 'anonymise' | 'erase';
export const REASON_MIN = 10;
export const REASON_MAX = 500;

@customElement('atensi-privacy-dialog')
export class PrivacyDialog extends LitElement {
  static override styles = [
    sharedStyles,
    formStyles,
    dialogStyles,
    css`
      button.danger { background: var(--c-error); border-color: var(--c-error); }
      button.danger:hover { background: #7f1a14; border-color: #7f1a14; }
    `,
  ];

  @property() action: PrivacyAction = 'anonymise';
  @property() beneficiaryId = '';
  @property() fullName = '';
  /** Called with the API's answer time once the data is anonymised or erased. */
  @property({ attribute: false }) onDone: ((action: PrivacyAction, at: string) => void) | undefined;

  @state() private reasonError = false;
  @state() private nameError = false;

  @query('dialog') private dialog!: HTMLDialogElement;
  @query('form') private form!: HTMLFormElement;
  private trigger: HTMLElement | undefined;
  private readonly locale = new LocaleController(this);
  private readonly write = new WriteController(this);

  /** Opens the dialog empty; focus returns to `trigger` when it closes. */
  async open(trigger?: HTMLElement): Promise<void> {
    this.trigger = trigger;
    this.reasonError = this.nameError = false;
    this.write.clear();
    await this.updateComplete;
    this.form.reset();
    this.dialog.showModal();
    this.renderRoot.querySelector<HTMLElement>('#privacy-reason')?.focus();
  }

  override render() {
    const a = this.action;
    const described = (id: string, error: boolean) => (error ? `${id}-hint ${id}-error` : `${id}-hint`);
    return html`<dialog aria-labelledby="privacy-title" aria-describedby="privacy-consequence"
      @cancel=${(e: Event) => this.write.busy && e.preventDefault()} @close=${this.onClose}>
      <form novalidate @submit=${this.onSubmit}>
        <h2 id="privacy-title">${t(`beneficiaries.privacy.${a}.title`, { name: this.fullName })}</h2>
        <p class="consequence" id="privacy-consequence">${t(`beneficiaries.privacy.${a}.consequence`)}</p>
        <div class="form">
          <div>
            <label for="privacy-reason">${t('beneficiaries.privacy.reason')}</label>
            <textarea id="privacy-reason" name="reason" maxlength=${REASON_MAX} required
              aria-invalid=${this.reasonError ? 'true' : 'false'} aria-describedby=${described('privacy-reason', this.reasonError)}></textarea>
            <p class="hint" id="privacy-reason-hint">${t('beneficiaries.privacy.reasonHint')}</p>
            ${this.reasonError ? html`<p class="field-error" id="privacy-reason-error">${t('beneficiaries.privacy.reasonShort')}</p>` : nothing}
          </div>
          <div>
            <label for="privacy-name">${t('beneficiaries.privacy.confirmName')}</label>
            <input id="privacy-name" name="confirmName" type="text" autocomplete="off" spellcheck="false" required
              aria-invalid=${this.nameError ? 'true' : 'false'} aria-describedby=${described('privacy-name', this.nameError)} />
            <p class="hint" id="privacy-name-hint">${t('beneficiaries.privacy.confirmNameHint', { name: this.fullName })}</p>
            ${this.nameError ? html`<p class="field-error" id="privacy-name-error">${t('beneficiaries.privacy.confirmNameWrong')}</p>` : nothing}
          </div>
          ${this.write.error ? this.renderError() : nothing}
          <div class="buttons">
            <button type="button" class="secondary" @click=${() => this.write.busy || this.dialog.close()}>${t('beneficiaries.privacy.cancel')}</button>
            <button type="submit" class="danger" aria-busy=${this.write.busy ? 'true' : 'false'}>
              ${this.write.busy ? t('beneficiaries.privacy.working') : t(`beneficiaries.privacy.${a}.submit`)}
            </button>
          </div>
        </div>
      </form>
    </dialog>`;
  }

  private renderError() {
    // Anonymising twice is a conflict: say so plainly rather than "conflicts with existing data".
    if (isApiError(this.write.error) && this.write.error.code === 'conflict' && this.action === 'anonymise') {
      return html`<p class="alert" role="alert">${t('beneficiaries.privacy.alreadyAnonymised')}</p>`;
    }
    return html`<atensi-error-message .error=${this.write.error}></atensi-error-message>`;
  }

  private readonly onClose = () => {
    if (this.trigger?.isConnected) this.trigger.focus();
    this.trigger = undefined;
  };

  private readonly onSubmit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (this.write.busy) return;
    const data = new FormData(this.form);
    const reason = String(data.get('reason') ?? '').trim();
    const confirmName = String(data.get('confirmName') ?? '').trim();
    this.reasonError = reason.length < REASON_MIN || reason.length > REASON_MAX;
    this.nameError = confirmName !== this.fullName.trim();
    this.write.clear();
    if (this.reasonError || this.nameError) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(this.reasonError ? '#privacy-reason' : '#privacy-name')?.focus();
      return;
    }
    const body = { reason, confirmName };
    let at = '';
    const done = await this.write.run(async () => {
      at =
        this.action === 'anonymise'
          ? (await anonymiseBeneficiary(this.beneficiaryId, body)).anonymisedAt
          : (await eraseBeneficiary(this.beneficiaryId, body)).erasedAt;
    });
    // Closed once no longer busy, so the dialog's own close is not refused.
    if (!done) return;
    this.dialog.close();
    this.onDone?.(this.action, at);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-privacy-dialog': PrivacyDialog;
  }
}
