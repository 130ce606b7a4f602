// The "receive chairs" form: one row per chair (serial, model, size, dates, supplier, funding), sent
// all or nothing to POST /api/devices; each refusal is shown next to its row's field, and the chairs
// taken into stock are listed with links. Tells the page (`atensi-stock-changed`) to count again.
import { localToday } from '../../../../schemas/centre-time.ts';
import type { DeviceModel } from '../../../../schemas/device-models.ts';
import type { StockedDevice } from '../../../../schemas/stock.ts';
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { isApiError } from '../../data/api-error.ts';
import { receiveDevices } from '../../data/stock.api.ts';
import { t, type MessageKey } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import { emit } from '../../ui/events.ts';
import { workPageStyles } from '../../ui/page.styles.ts';
import { WriteController } from '../../ui/write.controller.ts';
import { checkDrafts, errorCount, newDraft, noErrors, serverErrors, sizeValue, withModel, type IntakeDraft, type IntakeErrors, type IntakeField } from './intake-rows.ts';

const today = () => localToday(new Date()).toISOString().slice(0, 10);

@customElement('atensi-stock-intake')
export class StockIntake extends LitElement {
  static override styles = [
    ...workPageStyles,
    css`
      .form { max-width: 60rem; }
      fieldset.chair { display: grid; gap: 0.75rem; }
      .hint { color: var(--c-muted); margin: 0.25rem 0 0.75rem; }
      .received ul { margin: 0.25rem 0 0; }
      .received a { display: inline-block; min-height: var(--target); line-height: var(--target); }
    `,
  ];

  /** The catalogue's active models. */
  @property({ attribute: false }) models: readonly DeviceModel[] = [];
  /** The receiving centre an admin chose; staff receive at their own (left out). */
  @property({ attribute: false }) centreId: string | undefined;

  @state() private drafts: IntakeDraft[] = [newDraft(1, today())];
  @state() private errors: IntakeErrors = noErrors();
  @state() private received: StockedDevice[] = [];
  private lastKey = 1;

  private readonly locale = new LocaleController(this);
  private readonly write = new WriteController(this);

  override render() {
    const count = errorCount(this.errors);
    return html`<section aria-labelledby="intake-h">
      <h2 id="intake-h">${t('stock.intake.title')}</h2>
      <p class="hint">${t('stock.intake.hint')}</p>
      <div class="received" role="status">
        ${this.received.length > 0
          ? html`<p>${t('stock.intake.received', { count: this.received.length })}</p>
              <ul>${this.received.map((d) => html`<li><a href=${`/fleet/${d.id}`}>${d.serial}</a></li>`)}</ul>`
          : nothing}
      </div>
      <div role="alert">
        ${count > 0
          ? html`<p class="field-error">${t('stock.intake.refused', { count })}</p>
              ${this.errors.other.length ? html`<ul>${this.errors.other.map((m) => html`<li class="field-error">${m}</li>`)}</ul>` : nothing}`
          : nothing}
      </div>
      ${this.write.errorLine()}
      <form class="form" novalidate @submit=${(e: SubmitEvent) => void this.submit(e)}>
        ${this.drafts.map((d, i) => this.renderRow(d, i))}
        <div class="row">
          <button type="button" class="secondary" @click=${() => this.addRow()}>${t('stock.intake.addRow')}</button>
          <button type="submit" ?disabled=${this.write.busy}>${t('stock.intake.submit')}</button>
        </div>
      </form>
    </section>`;
  }

  private renderRow(d: IntakeDraft, i: number) {
    const model = this.models.find((m) => m.id === d.modelId);
    const n = i + 1;
    return html`<fieldset class="chair" data-row=${n}>
      <legend>${t('stock.intake.row', { n })}</legend>
      <div class="row">
        ${this.field(d, i, 'serial', 'stock.intake.serial', (a) => html`<input type="text" maxlength="40" autocomplete="off" id=${a.id} name="serial"
          .value=${d.serial} aria-invalid=${a.invalid} aria-describedby=${a.describedBy} @input=${this.onInput(i, 'serial')} />`)}
        ${this.field(d, i, 'modelId', 'stock.intake.model', (a) => html`<select id=${a.id} name="modelId" aria-invalid=${a.invalid} aria-describedby=${a.describedBy}
          @change=${(e: Event) => this.setModel(i, (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!d.modelId}>${t('stock.intake.choose')}</option>
          ${this.models.map((m) => html`<option value=${m.id} ?selected=${m.id === d.modelId}>${m.name} (${t(`fleet.kind.${m.kind}`)})</option>`)}
        </select>`)}
        ${this.field(d, i, 'size', 'stock.intake.size', (a) => html`<select id=${a.id} name="size" aria-invalid=${a.invalid} aria-describedby=${a.describedBy}
          ?disabled=${!model} @change=${this.onInput(i, 'size')}>
          <option value="" ?selected=${!d.size}>${t('stock.intake.choose')}</option>
          ${(model?.sizes ?? []).map((s) => html`<option value=${sizeValue(s)} ?selected=${sizeValue(s) === d.size}>${s.seatWidthMm} × ${s.seatDepthMm} mm</option>`)}
        </select>`)}
      </div>
      <div class="row">
        ${this.dateField(d, i, 'receivedAt', 'stock.intake.receivedAt')}
        ${this.textField(d, i, 'supplier', 'stock.intake.supplier')}
        ${this.textField(d, i, 'fundingSource', 'stock.intake.fundingSource')}
        ${model?.kind === 'electric' ? this.dateField(d, i, 'batteryInstalledAt', 'stock.intake.batteryInstalledAt') : nothing}
      </div>
      ${this.drafts.length > 1
        ? html`<p><button type="button" class="secondary danger" @click=${() => this.removeRow(i)}>${t('stock.intake.removeRow', { n })}</button></p>`
        : nothing}
    </fieldset>`;
  }

  /** A labelled control with its error tied to it; ids are per row key, so they survive removing a row. */
  private field(d: IntakeDraft, i: number, name: IntakeField, label: MessageKey, control: (a: { id: string; invalid: 'true' | 'false'; describedBy: string | typeof nothing }) => TemplateResult) {
    const id = `c${d.key}-${name}`;
    const error = this.errors.rows[i]?.[name];
    return html`<div>
      <label for=${id}>${t(label)}</label>
      ${control({ id, invalid: error ? 'true' : 'false', describedBy: error ? `${id}-error` : nothing })}
      ${error ? html`<p class="field-error" id=${`${id}-error`}>${error}</p>` : nothing}
    </div>`;
  }

  private textField(d: IntakeDraft, i: number, name: 'supplier' | 'fundingSource', label: MessageKey) {
    return this.field(d, i, name, label, (a) => html`<input type="text" maxlength="120" id=${a.id} name=${name} .value=${d[name]}
      aria-invalid=${a.invalid} aria-describedby=${a.describedBy} @input=${this.onInput(i, name)} />`);
  }

  private dateField(d: IntakeDraft, i: number, name: 'receivedAt' | 'batteryInstalledAt', label: MessageKey) {
    return this.field(d, i, name, label, (a) => html`<input type="date" max=${today()} id=${a.id} name=${name} .value=${d[name]}
      aria-invalid=${a.invalid} aria-describedby=${a.describedBy} @input=${this.onInput(i, name)} @change=${this.onInput(i, name)} />`);
  }

  private onInput(i: number, name: IntakeField) {
    return (e: Event) => this.patchRow(i, { [name]: (e.target as HTMLInputElement | HTMLSelectElement).value }, name);
  }

  private setModel(i: number, modelId: string) {
    const next = withModel(this.drafts[i]!, this.models.find((m) => m.id === modelId));
    this.patchRow(i, next, 'modelId', 'size', 'batteryInstalledAt');
  }

  /** Changes one row; the errors of the fields changed go (the person is correcting them). */
  private patchRow(i: number, patch: Partial<IntakeDraft>, ...names: IntakeField[]) {
    this.drafts = this.drafts.map((d, j) => (j === i ? { ...d, ...patch } : d));
    const row = this.errors.rows[i];
    if (!row || !names.some((n) => row[n])) return;
    const rows = [...this.errors.rows];
    rows[i] = Object.fromEntries(Object.entries(row).filter(([k]) => !names.includes(k as IntakeField)));
    this.errors = { ...this.errors, rows };
  }

  private addRow() {
    this.lastKey += 1;
    this.drafts = [...this.drafts, newDraft(this.lastKey, today(), this.drafts.at(-1))];
    this.focusLater(`#c${this.lastKey}-serial`);
  }

  private removeRow(i: number) {
    this.drafts = this.drafts.filter((_, j) => j !== i);
    this.errors = { ...this.errors, rows: this.errors.rows.filter((_, j) => j !== i) };
    this.focusLater(`#c${this.drafts[Math.min(i, this.drafts.length - 1)]!.key}-serial`);
  }

  private focusLater(selector: string) {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  private async submit(e: SubmitEvent) {
    e.preventDefault();
    this.received = [];
    const checked = checkDrafts(this.drafts, this.models, this.centreId);
    if ('errors' in checked) {
      this.errors = checked.errors;
      return this.focusLater('[aria-invalid="true"]');
    }
    this.errors = noErrors();
    const ok = await this.write.run(async () => {
      try {
        this.received = await receiveDevices(checked.rows);
      } catch (err) {
        if (!isApiError(err) || (err.status !== 422 && err.status !== 409) || err.issues.length === 0) throw err;
        this.errors = serverErrors(err.issues, this.drafts);
      }
    });
    if (!ok) return;
    if (errorCount(this.errors) > 0) return this.focusLater('[aria-invalid="true"]');
    // Received: start a new batch like the last one, with the serial to type.
    this.lastKey += 1;
    this.drafts = [newDraft(this.lastKey, today(), this.drafts.at(-1))];
    emit(this, 'stock-changed', undefined);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-stock-intake': StockIntake;
  }
}
