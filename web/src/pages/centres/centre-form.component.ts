// Adding a centre, or changing one: code (capitals, digits, dashes), name, city and province.
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { type Centre, CentreCode } from '../../../../schemas/centres.ts';
import { ApiError } from '../../data/api-error.ts';
import { createCentre, updateCentre } from '../../data/centres.api.ts';
import { t, type MessageKey } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import { emit } from '../../ui/events.ts';
import { formStyles } from '../../ui/form.styles.ts';
import { sharedStyles } from '../../ui/shared.styles.ts';
import { WriteController } from '../../ui/write.controller.ts';

const fields = [
  ['code', 'col.code'],
  ['name', 'col.name'],
  ['city', 'col.city'],
  ['province', 'col.province'],
] as const satisfies readonly (readonly [keyof Omit<Centre, 'id'>, MessageKey])[];
type Field = (typeof fields)[number][0];

/**
 * @event atensi-centres-changed - a centre was added or changed; the list reloads
 */
@customElement('atensi-centre-form')
export class CentreForm extends LitElement {
  static override styles = [sharedStyles, formStyles];

  /** The centre to change; none to add one. */
  @property({ attribute: false }) centre: Centre | undefined;
  @state() private errors: Partial<Record<Field, string>> = {};

  private readonly locale = new LocaleController(this);
  private readonly write = new WriteController(this);

  override render() {
    const c = this.centre;
    return html`<form class="form card" novalidate @submit=${this.submit} aria-labelledby="centre-form-h">
      <h2 id="centre-form-h">${c ? t('centres.form.edit', { centre: c.name }) : t('centres.form.add')}</h2>
      ${this.write.statusLine()} ${this.write.errorLine()}
      ${fields.map(([f, key]) => html`<div>
        <label for=${`centre-${f}`}>${t(key)}</label>
        <input id=${`centre-${f}`} name=${f} maxlength="160" .value=${c?.[f] ?? ''} aria-invalid=${this.errors[f] ? 'true' : 'false'}
          aria-describedby=${this.errors[f] ? `centre-${f}-error` : f === 'code' ? 'centre-code-hint' : nothing} />
        ${f === 'code' ? html`<p class="hint" id="centre-code-hint">${t('centres.form.codeHint')}</p>` : nothing}
        ${this.errors[f] ? html`<p class="field-error" id=${`centre-${f}-error`}>${this.errors[f]}</p>` : nothing}
      </div>`)}
      <div class="row">
        <button type="submit" ?disabled=${this.write.busy}>${t(c ? 'centres.form.save' : 'centres.form.create')}</button>
      </div>
    </form>`;
  }

  private async submit(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const body = Object.fromEntries(fields.map(([f]) => [f, String(data.get(f) ?? '').trim()])) as Record<Field, string>;
    const errors: Partial<Record<Field, string>> = {};
    for (const [f] of fields) if (!body[f]) errors[f] = t('centres.form.required');
    if (body.code && !CentreCode.safeParse(body.code).success) errors.code = t('centres.form.codeHint');
    this.errors = errors;
    if (Object.keys(errors).length) return this.focusError();
    await this.write.run(async () => {
      try {
        const saved = this.centre ? await updateCentre(this.centre.id, body) : await createCentre(body);
        if (!this.centre) form.reset();
        emit(this, 'centres-changed', undefined);
        return t('centres.form.saved', { centre: saved.name });
      } catch (err) {
        if (err instanceof ApiError && err.status === 409) {
          this.errors = { code: t('centres.form.codeTaken') };
          this.focusError();
          return;
        }
        throw err;
      }
    });
  }

  private focusError() {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-centre-form': CentreForm;
  }
}
