// One pathway form: fields described as data, checked with the shared Zod schema before sending,
// the server's 422 issues shown next to their fields, and the typed values kept (in memory and as
// a sessionStorage draft) whatever happens to the submit.
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ZodType } from 'zod';
import { isApiError } from '../../../data/api-error.ts';
import { clearDraft, loadDraft, saveDraft } from '../../../data/drafts.ts';
import { t, type MessageKey } from '../../../i18n/i18n.ts';
import { LocaleController } from '../../../i18n/locale.controller.ts';
import { confirmAction, type ConfirmRequest } from '../../../ui/confirm-dialog.component.ts';
import '../../../ui/error-message.component.ts';
import { sharedStyles } from '../../../ui/shared.styles.ts';
import { buildBody, fieldId, type FieldDef, type FieldGroup, filterOptions, type FormValues, mapIssues, type MappedIssues } from './form-model.ts';
import { stepFormStyles } from './step-form.styles.ts';

@customElement('atensi-step-form')
export class StepForm extends LitElement {
  static override styles = [sharedStyles, stepFormStyles];

  @property({ attribute: false }) groups: FieldGroup[] = [];
  /** The shared schema of the body; the client checks it first, the server checks it again. */
  @property({ attribute: false }) schema: ZodType | undefined;
  /** Fixed body entries, e.g. `{ to: 'assessed' }`. */
  @property({ attribute: false }) base: Record<string, unknown> = {};
  @property({ attribute: false }) defaults: FormValues = {};
  /** Where the draft is kept (request and step); no draft without it. */
  @property() draftKey = '';
  @property() submitLabel: MessageKey = 'requests.form.save';
  /** The form's accessible name (it then is a form landmark), e.g. the step's title. */
  @property() label = '';
  /** Asks first when the body would do something hard to undo (a cancel, a failed fitting); no ask without it. */
  @property({ attribute: false }) confirm: ((body: Record<string, unknown>) => ConfirmRequest | undefined) | undefined;
  /** A destructive step: its button is secondary, in the error colour. */
  @property({ type: Boolean }) danger = false;
  /** Sends the body; resolves when the server accepted it. */
  @property({ attribute: false }) action: ((body: Record<string, unknown>) => Promise<unknown>) | undefined;

  @state() private values: FormValues = {};
  @state() private issues: MappedIssues = { byField: new Map(), other: [] };
  @state() private failure: unknown;
  @state() private submitting = false;
  /** What is typed in each searchable select's search box. */
  @state() private searches: Record<string, string> = {};

  private readonly locale = new LocaleController(this);

  /** Whether the person has typed since the form was (re)started; late defaults then leave their input alone. */
  private touched = false;

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('draftKey')) {
      this.touched = false;
      this.issues = { byField: new Map(), other: [] };
      this.failure = undefined;
    }
    // A draft wins over the defaults: it is what the person typed last time.
    if (changed.has('draftKey') || (changed.has('defaults') && !this.touched)) {
      this.values = { ...this.defaults, ...(this.draftKey ? loadDraft(this.draftKey) : undefined) };
    }
  }

  private set(name: string, value: string | boolean) {
    this.touched = true;
    this.values = { ...this.values, [name]: value };
    if (this.draftKey) saveDraft(this.draftKey, this.values);
    if (this.issues.byField.has(name)) {
      const byField = new Map(this.issues.byField);
      byField.delete(name);
      this.issues = { ...this.issues, byField };
    }
  }

  private async submit(e: Event) {
    e.preventDefault();
    if (this.submitting) return;
    this.failure = undefined;
    const body = buildBody(this.groups, this.values, this.base);
    const checked = this.schema?.safeParse(body);
    if (checked && !checked.success) return this.showIssues(checked.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'number' ? p : String(p))), code: i.code, message: i.message })));
    this.issues = { byField: new Map(), other: [] };
    const ask = this.confirm?.(body);
    if (ask && !(await confirmAction(ask))) return;
    this.submitting = true;
    try {
      await this.action?.(body);
      if (this.draftKey) clearDraft(this.draftKey);
    } catch (err) {
      if (isApiError(err) && err.status === 422 && err.issues.length > 0) this.showIssues(err.issues);
      else this.failure = err;
    } finally {
      this.submitting = false;
    }
  }

  private async showIssues(issues: Parameters<typeof mapIssues>[2]) {
    this.issues = mapIssues(this.groups, this.values, issues);
    await this.updateComplete;
    // Focus the first field with a problem, else the summary, so keyboard and screen-reader users land on it.
    const first = this.groups.flatMap((g) => g.fields).find((f) => this.issues.byField.has(f.name));
    const target = first ? this.renderRoot.querySelector<HTMLElement>(`#${fieldId(first.name)}`) : this.renderRoot.querySelector<HTMLElement>('.summary');
    target?.focus();
  }

  override render() {
    const count = this.issues.byField.size + this.issues.other.length;
    return html`<form novalidate aria-label=${this.label || nothing} @submit=${this.submit}>
      ${count > 0
        ? html`<div class="alert summary" role="alert" tabindex="-1">
            ${t('requests.form.problems', { count })}
            ${this.issues.other.length > 0 ? html`<ul>${this.issues.other.map((m) => html`<li>${m}</li>`)}</ul>` : nothing}
          </div>`
        : nothing}
      ${this.groups.map((g) => {
        const fields = g.fields.filter((f) => !f.when || f.when(this.values));
        if (fields.length === 0) return nothing;
        const inner = html`<div class="grid">${fields.map((f) => this.renderField(f))}</div>`;
        return g.legend ? html`<fieldset><legend>${t(g.legend)}</legend>${inner}</fieldset>` : html`<fieldset>${inner}</fieldset>`;
      })}
      ${this.failure ? html`<atensi-error-message .error=${this.failure} actionable></atensi-error-message>` : nothing}
      <div class="actions">
        <button type="submit" class=${this.danger ? 'secondary danger' : ''} ?disabled=${this.submitting}>${t(this.submitting ? 'requests.form.saving' : this.submitLabel)}</button>
        ${this.draftKey ? html`<span class="saved">${t('requests.form.draftKept')}</span>` : nothing}
      </div>
    </form>`;
  }

  /** A search box over a long select: typing narrows the options; one match left is chosen for you. */
  private renderSearch(f: FieldDef, shown: number, total: number) {
    const id = `${fieldId(f.name)}-search`;
    const onSearch = (e: Event) => {
      const query = (e.target as HTMLInputElement).value;
      this.searches = { ...this.searches, [f.name]: query };
      const matches = filterOptions(f.options?.() ?? [], query, '');
      if (matches.length === 1 && query.trim()) this.set(f.name, matches[0]!.value);
    };
    return html`<div class="search">
      <label for=${id} class="sub-label">${t('requests.form.search')}</label>
      <input type="search" id=${id} autocomplete="off" spellcheck="false" aria-controls=${fieldId(f.name)} aria-describedby=${`${id}-count`}
        .value=${this.searches[f.name] ?? ''} @input=${onSearch} />
      <p class="hint" id=${`${id}-count`} role="status">${t('requests.form.searchCount', { shown, total })}</p>
    </div>`;
  }

  private hintText(f: FieldDef): string | undefined {
    const parts: string[] = [];
    if (f.hint) parts.push(t(f.hint));
    if (f.min !== undefined && f.max !== undefined) parts.push(t(f.unit === 'mm' ? 'requests.form.rangeMm' : f.unit === 'h' ? 'requests.form.rangeHours' : 'requests.form.range', { min: f.min, max: f.max }));
    return parts.length > 0 ? parts.join(' ') : undefined;
  }

  private renderField(f: FieldDef) {
    const id = fieldId(f.name);
    const error = this.issues.byField.get(f.name);
    const hint = this.hintText(f);
    const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing;
    const raw = this.values[f.name];
    const value = typeof raw === 'string' ? raw : '';
    const invalid = error ? 'true' : 'false';
    const onInput = (e: Event) => this.set(f.name, (e.target as HTMLInputElement).value);
    const label = html`<label for=${id}>${t(f.label)}${f.required ? html` <span class="req">${t('requests.form.required')}</span>` : nothing}</label>`;
    let control;
    if (f.type === 'checkbox') {
      return html`<div class="field">
        <div class="check">
          <input type="checkbox" id=${id} .checked=${raw === true} aria-invalid=${invalid} aria-describedby=${describedBy}
            @change=${(e: Event) => this.set(f.name, (e.target as HTMLInputElement).checked)} />
          <label for=${id}>${t(f.label)}</label>
        </div>
        ${hint ? html`<p class="hint" id=${`${id}-hint`}>${hint}</p>` : nothing}
        ${error ? html`<p class="field-error" id=${`${id}-error`}>${error}</p>` : nothing}
      </div>`;
    } else if (f.type === 'select') {
      const all = f.options?.() ?? [];
      const shown = f.searchable ? filterOptions(all, this.searches[f.name] ?? '', value) : all;
      control = html`<select id=${id} aria-invalid=${invalid} aria-describedby=${describedBy} @change=${onInput}>
        <option value="" ?selected=${value === ''}>${t('requests.form.choose')}</option>
        ${shown.map((o) => html`<option value=${o.value} ?selected=${o.value === value}>${o.label}</option>`)}
      </select>`;
      if (f.searchable) control = html`${this.renderSearch(f, shown.length, all.length)}${control}`;
    } else if (f.type === 'textarea') {
      control = html`<textarea id=${id} aria-invalid=${invalid} aria-describedby=${describedBy} .value=${value} @input=${onInput}></textarea>`;
    } else {
      const type = f.type === 'datetime' ? 'datetime-local' : f.type;
      control = html`<input type=${type} id=${id} .value=${value} aria-invalid=${invalid} aria-describedby=${describedBy}
        inputmode=${f.type === 'number' ? (f.step && f.step < 1 ? 'decimal' : 'numeric') : nothing}
        min=${f.min ?? nothing} max=${f.max ?? nothing} step=${f.step ?? nothing} @input=${onInput} />`;
      if (f.unit) control = html`<div class="with-unit">${control}<span class="unit" aria-hidden="true">${f.unit === 'mm' ? 'mm' : t('requests.form.hours')}</span></div>`;
    }
    return html`<div class="field ${f.type === 'textarea' || f.wide ? 'wide' : ''}">
      ${label} ${control}
      ${hint ? html`<p class="hint" id=${`${id}-hint`}>${hint}</p>` : nothing}
      ${error ? html`<p class="field-error" id=${`${id}-error`}>${error}</p>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-step-form': StepForm;
  }
}
