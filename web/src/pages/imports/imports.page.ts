// The register import page: choose what to import (the kinds the person's role may import), get the
// template, pick a CSV file, check it (a dry run: per-row preview, nothing changed), then import that
// same checked file for real (only when no row is refused) and see the counts. Focus moves to the
// summary after each step, or to the file field when the file itself is refused.
import { consume } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Me } from '../../../../schemas/auth.ts';
import { ImportKind, importRoles, type ImportResult } from '../../../../schemas/imports.ts';
import { importRegister, templateUrl } from '../../data/imports.api.ts';
import { meContext } from '../../data/session.context.ts';
import { t } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import { workPageStyles } from '../../ui/page.styles.ts';
import { WriteController } from '../../ui/write.controller.ts';
import { fileProblemOf, limitParams, tooLarge, type FileProblem } from './import-file-problem.ts';
import { countsList, rowsTable, type RowFilter } from './import-preview.ts';

/** A checked file: the very bytes that were checked, so the real run imports what the preview showed. */
interface Checked {
  kind: ImportKind;
  name: string;
  bytes: ArrayBuffer;
  result: ImportResult;
}

@customElement('atensi-imports-page')
export class ImportsPage extends LitElement {
  static override styles = [
    workPageStyles,
    css`
      form { margin-bottom: 1rem; }
      input[type='file'] { font: inherit; max-width: 100%; min-height: var(--target); }
      input[type='file']::file-selector-button { font: inherit; min-height: var(--target); margin-right: 0.75rem; cursor: pointer; }
      .templates { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; align-items: center; margin: 0; }
      .templates a { display: inline-flex; align-items: center; min-height: var(--target); }
      .field-error ul { margin: 0.25rem 0 0; padding-left: 1.25rem; }
      .counts { list-style: none; padding: 0; margin: 0 0 1rem; display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; }
      .counts .stat { font-size: 1.5rem; }
      .actions { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; margin: 1rem 0; }
      .show { max-width: 20rem; margin-bottom: 0.75rem; }
    `,
  ];

  @consume({ context: meContext, subscribe: true }) @state() private me: Me | undefined;
  @state() private chosenKind: ImportKind | undefined;
  @state() private file: File | undefined;
  @state() private problem: FileProblem | undefined;
  @state() private checked: Checked | undefined;
  @state() private done: Checked | undefined;
  @state() private filter: RowFilter = 'all';
  @state() private offset = 0;
  /** What is running, for the status line; the kind and the file cannot change meanwhile. */
  @state() private running: 'check' | 'import' | undefined;

  private readonly locale = new LocaleController(this);
  private readonly write = new WriteController(this);

  /** The kinds this person may import, in the order offered. */
  private get kinds(): ImportKind[] {
    const role = this.me?.role;
    return ImportKind.options.filter((k) => role !== undefined && (importRoles[k] as readonly string[]).includes(role));
  }

  private get kind(): ImportKind | undefined {
    return this.chosenKind && this.kinds.includes(this.chosenKind) ? this.chosenKind : this.kinds[0];
  }

  override render() {
    const kind = this.kind;
    return html`
      <h1 tabindex="-1">${t('imports.title')}</h1>
      <p>${t('imports.intro')}</p>
      ${kind ? this.renderForm(kind) : nothing}
      <p class="status" role="status">${this.running ? t(this.running === 'check' ? 'imports.checking' : 'imports.importing') : ''}</p>
      ${this.problem ? nothing : this.write.errorLine()}
      ${this.checked ? this.renderPreview(this.checked) : nothing}
      ${this.done ? this.renderDone(this.done) : nothing}
    `;
  }

  private renderForm(kind: ImportKind) {
    const p = this.problem;
    return html`<form class="form" novalidate aria-busy=${this.running ? 'true' : 'false'} @submit=${(e: SubmitEvent) => void this.check(e)}>
      <fieldset ?disabled=${this.running !== undefined}>
        <legend>${t('imports.kind.legend')}</legend>
        ${this.kinds.map((k) => html`<label class="radio">
          <input type="radio" name="kind" value=${k} .checked=${k === kind} @change=${() => this.chooseKind(k)} />
          ${t(`imports.kind.${k}`)}
        </label>`)}
      </fieldset>
      <p class="templates">
        <span>${t('imports.template')}</span>
        <a href=${templateUrl(kind, 'id')} download>${t('imports.template.id')}</a>
        <a href=${templateUrl(kind, 'en')} download>${t('imports.template.en')}</a>
      </p>
      <div>
        <label for="file">${t('imports.file.label')}</label>
        <input id="file" type="file" accept=".csv,text/csv" ?disabled=${this.running !== undefined} aria-describedby=${p ? 'file-hint file-error' : 'file-hint'}
          aria-invalid=${p ? 'true' : 'false'} @change=${(e: Event) => this.chooseFile((e.target as HTMLInputElement).files?.[0])} />
        <p id="file-hint" class="hint">${t('imports.file.hint', limitParams())}</p>
        ${p
          ? html`<div id="file-error" class="field-error">${t(p.key, p.params)}
              ${p.header ? html`<ul>${p.header.map((h) => html`<li>${t(`imports.header.${h.code}`, { column: h.column })}</li>`)}</ul>` : nothing}</div>`
          : nothing}
      </div>
      <p><button type="submit" ?disabled=${this.running !== undefined}>${t('imports.check')}</button></p>
    </form>`;
  }

  private renderPreview(c: Checked) {
    const { counts } = c.result;
    const blocked = counts.refused > 0;
    const nothingToDo = !blocked && counts.created + counts.updated === 0;
    return html`<section aria-labelledby="summary-h">
      <h2 id="summary-h" tabindex="-1">${t('imports.preview.heading', { file: c.name })}</h2>
      <p>${t('imports.preview.note')}</p>
      ${countsList(c.result)}
      <div class="actions">
        <button type="button" aria-describedby="commit-why" ?disabled=${blocked || nothingToDo || this.running !== undefined} @click=${() => void this.commit(c)}>
          ${t('imports.commit')}
        </button>
        <p id="commit-why" class=${blocked ? 'field-error' : 'hint'}>
          ${blocked ? t('imports.commitBlocked') : nothingToDo ? t('imports.nothingToDo') : ''}
        </p>
      </div>
      ${rowsTable({
        result: c.result, filter: this.filter, offset: this.offset,
        onFilter: (f) => { this.filter = f; this.offset = 0; },
        onPage: (o) => { this.offset = o; void this.focusSummary(); },
      })}
    </section>`;
  }

  private renderDone(d: Checked) {
    return html`<section aria-labelledby="summary-h">
      <h2 id="summary-h" tabindex="-1">${t('imports.result.heading', { file: d.name })}</h2>
      <p class="ok">${t('imports.result.note')}</p>
      ${countsList(d.result)}
      <div class="actions">
        <button type="button" class="secondary" @click=${() => this.startOver()}>${t('imports.another')}</button>
        <a href=${d.kind === 'devices' ? '/fleet' : '/beneficiaries'}>${t(`imports.open.${d.kind}`)}</a>
      </div>
    </section>`;
  }

  /** Anything chosen anew forgets the last check: an import only ever takes the file just checked. */
  private forget() {
    this.checked = undefined;
    this.done = undefined;
    this.problem = undefined;
    this.filter = 'all';
    this.offset = 0;
    this.write.clear();
  }

  private chooseKind(kind: ImportKind) {
    this.chosenKind = kind;
    this.forget();
  }

  private chooseFile(file: File | undefined) {
    this.file = file;
    this.forget();
  }

  private startOver() {
    const input = this.renderRoot.querySelector<HTMLInputElement>('#file');
    if (input) input.value = '';
    this.chooseFile(undefined);
    void this.updateComplete.then(() => input?.focus());
  }

  private async check(e: SubmitEvent) {
    e.preventDefault();
    const kind = this.kind;
    const file = this.file;
    this.forget();
    if (!kind) return;
    const early: FileProblem | undefined = file ? tooLarge(file) : { key: 'imports.error.noFile' };
    if (early || !file) return this.refuseFile(early);
    this.running = 'check';
    let bytes: ArrayBuffer | undefined;
    const ok = await this.write.run(async () => {
      bytes = await file.arrayBuffer();
      const result = await importRegister(kind, bytes, true);
      this.checked = { kind, name: file.name, bytes, result };
      this.filter = result.counts.refused > 0 ? 'refused' : 'all';
    });
    this.running = undefined;
    if (ok) return this.focusSummary();
    const problem = bytes ? fileProblemOf(this.write.error, bytes) : undefined;
    if (problem) this.refuseFile(problem);
  }

  private async commit(c: Checked) {
    this.running = 'import';
    const ok = await this.write.run(async () => {
      const result = await importRegister(c.kind, c.bytes, false);
      // A people import with a row refused meanwhile answers 200 without writing; chairs answer 422.
      if (!result.applied && result.counts.refused > 0) {
        this.checked = { ...c, result };
        this.filter = 'refused';
        this.offset = 0;
        return;
      }
      this.checked = undefined;
      this.done = { ...c, result };
    });
    this.running = undefined;
    if (ok) return this.focusSummary();
    const problem = fileProblemOf(this.write.error, c.bytes);
    if (problem) {
      this.checked = undefined;
      this.refuseFile(problem);
    }
  }

  private refuseFile(problem: FileProblem | undefined) {
    this.problem = problem;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#file')?.focus());
  }

  private async focusSummary() {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#summary-h')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-imports-page': ImportsPage;
  }
}
