// The device catalogue: every model with its sizes, battery and whether it is offered; admins add
// and change models and deactivate them (a used model is never removed), staff read it.
import { consume } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Me } from '../../../../schemas/auth.ts';
import type { DeviceKind } from '../../../../schemas/devices.ts';
import type { DeviceModel } from '../../../../schemas/device-models.ts';
import { meContext } from '../../data/session.context.ts';
import { createDeviceModel, listDeviceModels, updateDeviceModel } from '../../data/device-models.api.ts';
import { t } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import { dataTable } from '../../ui/data-table.ts';
import { ListController } from '../../ui/list.controller.ts';
import { workPageStyles } from '../../ui/page.styles.ts';
import { WriteController } from '../../ui/write.controller.ts';
import { type FormErrors, modelForm, readModelForm } from './catalogue-form.ts';

@customElement('atensi-catalogue-page')
export class CataloguePage extends LitElement {
  static override styles = [
    workPageStyles,
    css`
      .hint { margin: 0.2rem 0 0; color: var(--c-muted); font-size: 0.9rem; }
      details.thresholds summary { cursor: pointer; min-height: var(--target); display: flex; align-items: center; color: var(--c-primary); font-weight: 600; }
      .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; }
      td .inactive { color: var(--c-muted); font-style: italic; }
    `,
  ];

  @consume({ context: meContext, subscribe: true }) @state() private me: Me | undefined;
  /** The model being edited; null while adding one; undefined with no form open. */
  @state() private editing: DeviceModel | null | undefined;
  @state() private kind: DeviceKind = 'manual_adaptive';
  @state() private errors: FormErrors = {};

  private readonly locale = new LocaleController(this);
  private readonly write = new WriteController(this);
  private readonly models = new ListController(this, {
    filters: {},
    load: async (_filters, _page, signal) => ({ items: await listDeviceModels(signal) }),
  });

  private get admin() {
    return this.me?.role === 'admin';
  }

  override render() {
    return html`
      <h1 tabindex="-1">${t('catalogue.title')}</h1>
      <p>${t(this.admin ? 'catalogue.introAdmin' : 'catalogue.introStaff')}</p>
      ${this.write.statusLine()} ${this.write.errorLine()}
      ${this.admin && this.editing === undefined
        ? html`<p><button type="button" @click=${() => this.open(null)}>${t('catalogue.add')}</button></p>`
        : nothing}
      ${this.admin && this.editing !== undefined
        ? modelForm({
            model: this.editing, kind: this.kind, errors: this.errors, busy: this.write.busy,
            onKind: (k) => (this.kind = k), onSubmit: (e) => void this.save(e), onCancel: () => this.close(),
          })
        : nothing}
      ${this.models.render({ empty: t('catalogue.empty'), rows: (items) => this.renderTable(items) })}
    `;
  }

  private renderTable(items: readonly DeviceModel[]) {
    const cols = ['catalogue.col.name', 'catalogue.col.manufacturer', 'catalogue.col.kind', 'catalogue.col.isoCode', 'catalogue.col.sizes', 'catalogue.col.battery', 'catalogue.col.status'] as const;
    return dataTable({
      id: 'catalogue-caption',
      caption: t('catalogue.caption'),
      columns: [...cols.map((k) => ({ label: t(k) })), ...(this.admin ? [{ label: t('catalogue.col.actions') }] : [])],
      rows: items,
      row: (m) => html`<tr>
        <td>${m.name}</td><td>${m.manufacturer}</td><td>${t(`fleet.kind.${m.kind}`)}</td><td>${m.isoCode}</td>
        <td>${m.sizes.map((s) => `${s.seatWidthMm}×${s.seatDepthMm}`).join(', ')}</td>
        <td>${m.kind === 'electric' ? `${m.batteryChemistry ? t(`fleet.chemistry.${m.batteryChemistry}`) : ''} · ${m.ratedAh ?? '–'} Ah · ${m.ratedCycles ?? '–'} ${t('catalogue.cycles')}` : '—'}</td>
        <td>${m.active ? t('catalogue.active') : html`<span class="inactive">${t('catalogue.inactive')}</span>`}</td>
        ${this.admin ? html`<td><div class="actions">
          <button type="button" class="secondary" aria-label=${t('catalogue.editFor', { name: m.name })} @click=${() => this.open(m)}>${t('catalogue.edit')}</button>
          <button type="button" class="secondary" aria-label=${t(m.active ? 'catalogue.deactivateFor' : 'catalogue.activateFor', { name: m.name })}
            ?disabled=${this.write.busy} @click=${() => void this.setActive(m, !m.active)}>${t(m.active ? 'catalogue.deactivate' : 'catalogue.activate')}</button>
        </div></td>` : nothing}
      </tr>`,
    });
  }

  private open(model: DeviceModel | null) {
    this.editing = model;
    this.kind = model?.kind ?? 'manual_adaptive';
    this.errors = {};
    this.write.clear();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#model-form-h')?.focus());
  }

  private close() {
    this.editing = undefined;
    this.errors = {};
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('h1')?.focus());
  }

  private async save(e: SubmitEvent) {
    e.preventDefault();
    const read = readModelForm(e.target as HTMLFormElement);
    if ('errors' in read) {
      this.errors = read.errors;
      const first = Object.keys(read.errors)[0];
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${first}`)?.focus());
      return;
    }
    this.errors = {};
    const editing = this.editing;
    const ok = await this.write.run(async () => {
      const saved = editing ? await updateDeviceModel(editing.id, read.body) : await createDeviceModel(read.body);
      return t(editing ? 'catalogue.saved' : 'catalogue.added', { name: saved.name });
    });
    if (ok) {
      this.close();
      this.models.reload();
    }
  }

  private async setActive(m: DeviceModel, active: boolean) {
    const ok = await this.write.run(async () => {
      await updateDeviceModel(m.id, { active });
      return t(active ? 'catalogue.activated' : 'catalogue.deactivated', { name: m.name });
    });
    if (ok) this.models.reload();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-catalogue-page': CataloguePage;
  }
}
