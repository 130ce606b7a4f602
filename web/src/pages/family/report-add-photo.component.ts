// A family adds a photo to its report later (e.g. when the centre asks for one in the thread): the
// same large photo control as the report flow and the same upload route and guards (content type,
// size, at most PHOTO_LIMITS.perReport photos, only the family linked to the report's beneficiary).
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { PHOTO_LIMITS } from '../../../../schemas/reports.ts';
import { uploadPhoto } from '../../data/reports.api.ts';
import { t, type MessageKey } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import '../../ui/error-message.component.ts';
import { sharedStyles } from '../../ui/shared.styles.ts';
import { photoPicker, photoPickerStyles, photoProblem } from './photo-picker.ts';

/** Fired (bubbling, composed) once a photo is stored, so the page reloads the report. */
export const PHOTO_ADDED = 'atensi-photo-added';

@customElement('atensi-report-add-photo')
export class ReportAddPhoto extends LitElement {
  static override styles = [sharedStyles, photoPickerStyles];

  @property() reportId = '';
  /** Photos the report already has: the control goes once the report is full. */
  @property({ type: Number }) photoCount = 0;

  @state() private problem: MessageKey | undefined;
  @state() private busy = false;
  @state() private error: unknown;
  @state() private message = '';

  private readonly locale = new LocaleController(this);

  override render() {
    const full = this.photoCount >= PHOTO_LIMITS.perReport;
    return html`<p class="visually-hidden" role="status">${this.message}</p>
      ${full
        ? html`<p>${t('family.reportPhoto.full', { n: PHOTO_LIMITS.perReport })}</p>`
        : html`${photoPicker({ id: 'later-photo', label: this.busy ? 'family.reportPhoto.sending' : 'family.reportPhoto.add', hint: 'family.reportPhoto.hint', error: this.problem, onChange: this.pick })}
            ${this.error ? html`<atensi-error-message .error=${this.error}></atensi-error-message>` : nothing}`}`;
  }

  private pick = async (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    this.error = undefined;
    this.problem = file ? photoProblem(file) : undefined;
    if (!file || this.problem || this.busy) {
      input.value = '';
      return;
    }
    this.busy = true;
    try {
      await uploadPhoto(this.reportId, file);
      this.message = t('family.reportPhoto.added');
      this.dispatchEvent(new CustomEvent(PHOTO_ADDED, { bubbles: true, composed: true }));
    } catch (err) {
      this.error = err;
    } finally {
      this.busy = false;
      input.value = '';
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-report-add-photo': ReportAddPhoto;
  }
}
