// The photo control families use on a phone: a large labelled button that opens the camera (or the
// gallery), over a real file input that keeps the label, keyboard focus and screen readers working.
import { css, html, nothing, type TemplateResult } from 'lit';
import { PHOTO_LIMITS, photoTypes } from '../../../../schemas/reports.ts';
import type { MessageKey } from '../../i18n/i18n.ts';
import { t } from '../../i18n/i18n.ts';
import { icon } from '../../ui/icons.ts';

export const photoPickerStyles = css`
  .photo-input { position: absolute; width: 1px; height: 1px; opacity: 0; overflow: hidden; }
  .photo-pick {
    display: flex; align-items: center; gap: 0.75rem; min-height: 4rem; width: 100%; box-sizing: border-box;
    padding: 0.75rem 1rem; border: 2px dashed var(--c-primary); border-radius: var(--radius);
    background: var(--c-primary-soft); color: var(--c-primary); font-weight: 700; font-size: 1.1rem; cursor: pointer;
  }
  .photo-pick svg { width: 2rem; height: 2rem; flex: none; }
  .photo-input:focus-visible + .photo-pick { outline: 3px solid var(--c-focus); outline-offset: 2px; }
`;

export interface PhotoPickerOptions {
  id: string;
  label: MessageKey;
  hint: MessageKey;
  error: MessageKey | undefined;
  onChange: (e: Event) => void;
}

export function photoPicker(o: PhotoPickerOptions): TemplateResult {
  return html`<input id=${o.id} class="photo-input" type="file" accept="image/*" capture="environment"
      aria-describedby=${`${o.id}-hint ${o.id}-error`} @change=${o.onChange} />
    <label for=${o.id} class="photo-pick">${icon('camera')}<span>${t(o.label)}</span></label>
    <p id=${`${o.id}-hint`} class="hint">${t(o.hint)}</p>
    <p id=${`${o.id}-error`} class="field-error" role="alert">${o.error ? t(o.error) : nothing}</p>`;
}

/** The phone's own check before a doomed upload on a slow line (the server checks the content). */
export function photoProblem(file: File): MessageKey | undefined {
  if (file.size > PHOTO_LIMITS.maxBytes) return 'family.reportNew.photoTooBig';
  if (file.type && !(photoTypes as readonly string[]).includes(file.type)) return 'family.reportNew.photoType';
  return undefined;
}
