// A family adds a photo to its report later (e.g. when the centre asks for one in the thread): the
// same large photo control as the report flow and the same upload route and guards (content type,
// size, at most PHOTO_LIMITS.perReport photos, only the family linked to the report's beneficiary).
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { PHOTO_LIMITS } from '../../../../schemas/reports.ts';
import { uploadPhoto } from '../../data/reports.api.ts';
import { t, type MessageKey } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import '../../ui/error-message.component.ts';
import { sharedStyles } from '../../ui/shared.styles.ts';
import { WriteController } from '../../ui/write.controller.ts';
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

  private readonly locale = new LocaleController(this);
  private readonly write = new WriteController(this);

  override render() {
    const full = this.photoCount >= PHOTO_LIMITS.perReport;
    return html`<p class="visually-hidden" role="status">${this.write.message}</p>
      ${full
        ? html`<p>${t('family.reportPhoto.full', { n: PHOTO_LIMITS.perReport })}</p>`
        : html`${photoPicker({ id: 'later-photo', label: this.write.busy ? 'family.reportPhoto.sending' : 'family.reportPhoto.add', hint: 'family.reportPhoto.hint', error: this.problem, onChange: this.pick })}
            ${this.write.errorLine()}`}`;
  }

  private pick = async (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    this.write.clear();
    this.problem = file ? photoProblem(file) : undefined;
    if (!file || this.problem || this.write.busy) {
      input.value = '';
      return;
    }
    await this.write.run(async () => {
      await uploadPhoto(this.reportId, file);
      this.dispatchEvent(new CustomEvent(PHOTO_ADDED, { bubbles: true, composed: true }));
      return t('family.reportPhoto.added');
    });
    input.value = '';
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-report-add-photo': ReportAddPhoto;
  }
}
