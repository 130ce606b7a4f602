// The stock page: a centre's chairs by model and size (available, reserved, in repair or
// refurbishing, in transit, in use) and the form to receive chairs. Admins choose the centre (kept
// in the address); staff see and receive at their own.
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Me } from '../../../../schemas/auth.ts';
import { Id } from '../../../../schemas/common.ts';
import type { DeviceStatus } from '../../../../schemas/devices.ts';
import type { StockRow } from '../../../../schemas/stock.ts';
import { listCentres } from '../../data/centres.api.ts';
import { listDeviceModels } from '../../data/device-models.api.ts';
import { meContext } from '../../data/session.context.ts';
import { getStock } from '../../data/stock.api.ts';
import { t, type MessageKey } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import { dataTable, dataTableStyles } from '../../ui/data-table.ts';
import { ListController } from '../../ui/list.controller.ts';
import { workPageStyles } from '../../ui/page.styles.ts';
import type { QueryField } from '../../ui/query-fields.ts';
import './stock-intake.component.ts';

/** The columns of counts, each the sum of some statuses (retired chairs are not stock). */
const countColumns: { label: MessageKey; statuses: DeviceStatus[] }[] = [
  { label: 'stock.col.available', statuses: ['in_stock'] },
  { label: 'stock.col.reserved', statuses: ['reserved'] },
  { label: 'stock.col.repair', statuses: ['in_repair', 'refurbishing'] },
  { label: 'stock.col.transit', statuses: ['in_transit'] },
  { label: 'stock.col.inUse', statuses: ['in_use', 'on_loan'] },
];
const sum = (counts: Record<DeviceStatus, number>, statuses: DeviceStatus[]) => statuses.reduce((n, s) => n + (counts[s] ?? 0), 0);
const shown = (r: StockRow) => countColumns.some((c) => sum(r.counts, c.statuses) > 0);

const centreField: QueryField<string> = { parse: (raw) => (Id.safeParse(raw).success ? raw! : ''), format: (v) => v || undefined };

@customElement('atensi-stock-page')
export class StockPage extends LitElement {
  static override styles = [
    ...workPageStyles,
    dataTableStyles,
    css`
      /* Seven columns: headers and model names wrap rather than push the counts out of sight. */
      th { white-space: normal; }
      .num { font-variant-numeric: tabular-nums; }
      tr.total th, tr.total td { font-weight: 700; border-top: 2px solid var(--c-border); }
      .centre-pick { max-width: 24rem; margin-bottom: 1rem; }
    `,
  ];

  @consume({ context: meContext, subscribe: true }) @state() private me: Me | undefined;

  private readonly locale = new LocaleController(this);

  private get admin() {
    return this.me?.role === 'admin';
  }

  private readonly stock = new ListController(this, {
    filters: { centre: centreField },
    load: async ({ centre }, _page, signal) => {
      const view = await getStock(this.admin ? centre || undefined : undefined, signal);
      return { items: view.rows.filter(shown), totals: view.totals };
    },
  });

  private readonly centres = new Task(this, {
    task: async ([admin], { signal }) => (admin ? listCentres(signal) : []),
    args: () => [this.admin] as const,
  });

  private readonly models = new Task(this, {
    task: async (_args, { signal }) => (await listDeviceModels(signal)).filter((m) => m.active),
    args: () => [] as const,
  });

  override render() {
    return html`
      <h1 tabindex="-1">${t('stock.title')}</h1>
      <p>${t('stock.intro')}</p>
      ${this.admin ? this.renderCentrePick() : html`<p>${t('stock.centre')}: <strong>${this.me?.centre?.name ?? ''}</strong></p>`}
      ${this.stock.render({ empty: t('stock.empty'), rows: (rows, page) => this.renderTable(rows, page.totals) })}
      ${this.renderIntake()}
    `;
  }

  private renderCentrePick() {
    const chosen = this.stock.filters.centre;
    return html`<div class="centre-pick">
      <label for="centre">${t('stock.centre')}</label>
      <select id="centre" @change=${(e: Event) => this.stock.set({ centre: (e.target as HTMLSelectElement).value })}>
        <option value="" ?selected=${!chosen}>${t('stock.allCentres')}</option>
        ${(this.centres.value ?? []).map((c) => html`<option value=${c.id} ?selected=${c.id === chosen}>${c.name}</option>`)}
      </select>
    </div>`;
  }

  private renderTable(rows: readonly StockRow[], totals: Record<DeviceStatus, number>) {
    const size = (r: StockRow) => (r.seatWidthMm && r.seatDepthMm ? `${r.seatWidthMm} × ${r.seatDepthMm}` : t('stock.noSize'));
    return dataTable<StockRow | null>({
      id: 'stock-caption',
      caption: t('stock.caption'),
      columns: [{ label: t('stock.col.model') }, { label: t('stock.col.size'), class: 'wide' }, ...countColumns.map((c) => ({ label: t(c.label), class: 'num' }))],
      // null: the totals row, last.
      rows: [...rows, null],
      row: (r) =>
        r
          ? html`<tr>
              <th scope="row">${r.modelName}<span class="sub">${r.manufacturer} · ${t(`fleet.kind.${r.kind}`)}</span><span class="meta">${size(r)}</span></th>
              <td class="wide">${size(r)}</td>
              ${countColumns.map((c) => html`<td class="num">${sum(r.counts, c.statuses)}</td>`)}
            </tr>`
          : html`<tr class="total">
              <th scope="row">${t('stock.total')}</th><td class="wide"></td>
              ${countColumns.map((c) => html`<td class="num">${sum(totals, c.statuses)}</td>`)}
            </tr>`,
    });
  }

  private renderIntake() {
    if (this.admin && !this.stock.filters.centre) return html`<p class="status">${t('stock.intake.pickCentre')}</p>`;
    return this.models.render({
      pending: () => html`<p class="status" role="status">${t('app.loading')}</p>`,
      error: (e) => html`<atensi-error-message .error=${e} retryable @atensi-retry=${() => this.models.run()}></atensi-error-message>`,
      complete: (models) =>
        models.length === 0
          ? html`<p>${t('stock.intake.noModels')} <a href="/catalogue">${t('catalogue.title')}</a></p>`
          : html`<atensi-stock-intake .models=${models} .centreId=${this.admin ? this.stock.filters.centre : undefined}
              @atensi-stock-changed=${() => this.stock.reload()}></atensi-stock-intake>`,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-stock-page': StockPage;
  }
}
