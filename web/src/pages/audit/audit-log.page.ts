// The audit log (UU PDP 27/2022): who read or changed what, newest first, filtered through the
// address, and paged by the API's cursor with "show older entries". Managers get their centre only.
import { consume } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Me } from '../../../../schemas/auth.ts';
import type { AuditItem, AuditList } from '../../../../schemas/privacy.ts';
import { meContext } from '../../data/session.context.ts';
import { listAudit } from '../../data/audit.api.ts';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import { ListController } from '../../ui/list.controller.ts';
import { pageStyles } from '../../ui/page.styles.ts';
import { sharedStyles } from '../../ui/shared.styles.ts';
import { formStyles } from '../../ui/form.styles.ts';
import { auditFields, filterForm, noFilters, readFilterForm, toQuery, validateFilters, type AuditFilters, type FilterErrors } from './audit-filters.ts';
import { actionLabel, detailsSummary, objectCell, roleLabel } from './audit-words.ts';
import { dataTable } from '../../ui/data-table.ts';

export const AUDIT_PAGE_SIZE = 50;

@customElement('atensi-audit-log-page')
export class AuditLogPage extends LitElement {
  static override styles = [
    sharedStyles,
    pageStyles,
    formStyles,
    css`
      .filters { display: grid; gap: 0.75rem 1rem; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); margin: 0.5rem 0 1rem; align-items: start; }
      .filters .actions { grid-column: 1 / -1; display: flex; flex-wrap: wrap; gap: 0.5rem; }
      .filters select, .filters input { min-width: 0; }
      input[type='date'] {
        font: inherit; width: 100%; min-height: var(--target); padding: 0.45rem 0.6rem;
        border: 2px solid var(--c-border); border-radius: var(--radius); background: var(--c-surface); color: var(--c-text);
      }
      td { vertical-align: top; }
      td.time { white-space: nowrap; }
      .sub { display: block; color: var(--c-muted); font-size: 0.85rem; }
      .id { font-family: ui-monospace, monospace; font-size: 0.85rem; font-weight: 400; }
      td a.object { flex-direction: column; align-items: flex-start; justify-content: center; }
      .details { color: var(--c-muted); font-size: 0.9rem; overflow-wrap: anywhere; min-width: 12rem; }
      .more { margin-top: 1rem; display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; }
      @media (max-width: 560px) {
        .filters { grid-template-columns: repeat(2, minmax(0, 1fr)); }
        td.time { white-space: normal; }
      }
    `,
  ];

  @consume({ context: meContext, subscribe: true }) @state() private me: Me | undefined;
  @state() private actorName: string | undefined;
  @state() private errors: FilterErrors = {};

  private readonly locale = new LocaleController(this);

  private readonly list = new ListController<AuditFilters, AuditList>(this, {
    filters: auditFields,
    pageSize: AUDIT_PAGE_SIZE,
    paging: 'cursor',
    more: { label: 'audit.more', loading: 'audit.loadingMore' },
    load: (filters, page, signal) => listAudit({ ...toQuery(filters), limit: page.limit, ...(page.cursor ? { cursor: page.cursor } : {}) }, signal),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    // A hand-edited address may hold what the API refuses: say which field, beside the API's error.
    this.errors = validateFilters(this.list.filters);
  }

  override render() {
    return html`
      <h1 tabindex="-1">${t('audit.title')}</h1>
      <p class="muted">${t(this.me?.role === 'manager' ? 'audit.introManager' : 'audit.intro')}</p>
      ${filterForm({
        filters: this.list.filters,
        actorName: this.actorName,
        errors: this.errors,
        onSubmit: (e) => this.onSubmit(e),
        onClear: () => this.apply({ ...noFilters }),
      })}
      ${this.list.render({
        summary: () => t(this.list.hasMore ? 'audit.countMore' : 'audit.count', { count: formatNumber(this.list.items.length) }),
        empty: t('audit.empty'),
        rows: (items) => this.renderTable(items),
      })}
    `;
  }

  private renderTable(items: readonly AuditItem[]) {
    return dataTable({
      id: 'audit-caption',
      caption: t('audit.caption'),
      columns: (['time', 'actor', 'action', 'object', 'details'] as const).map((c) => ({ label: t(`audit.col.${c}`) })),
      rows: items,
      row: (item) => this.renderRow(item),
    });
  }

  private renderRow(item: AuditItem) {
    return html`<tr data-audit=${item.id}>
      <td class="time"><time datetime=${item.at}>${formatDateTime(item.at)}</time></td>
      <td>${this.actorCell(item)}</td>
      <td>${actionLabel(item.action)}</td>
      <td>${objectCell(item.entityType, item.entityId, item.entityName)}</td>
      <td class="details">
        ${detailsSummary(item.details, item.action)}
        ${item.count > 1 ? html`<span class="sub" data-counted>${t('audit.counted', { count: formatNumber(item.count), last: formatDateTime(item.lastAt ?? item.at) })}</span>` : nothing}
      </td>
    </tr>`;
  }

  private actorCell(item: AuditItem) {
    const role = item.actorRole ? html`<span class="sub">${roleLabel(item.actorRole)}</span>` : nothing;
    if (!item.actorId) return html`${t('audit.noActor')}${role}`;
    const name = item.actorName ?? item.actorId;
    const href = `/audit?actorId=${encodeURIComponent(item.actorId)}`;
    return html`<a href=${href} @click=${(e: MouseEvent) => this.chooseActor(e, item.actorId!, name)}>
        ${name}<span class="visually-hidden"> ${t('audit.filterByActor')}</span></a>${role}`;
  }

  private chooseActor(e: MouseEvent, actorId: string, name: string) {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return; // a new tab opens the filtered log itself
    e.preventDefault();
    this.actorName = name;
    void this.apply({ ...this.list.filters, actorId });
  }

  private onSubmit(e: SubmitEvent) {
    e.preventDefault();
    const next = readFilterForm(e.target as HTMLFormElement);
    this.errors = validateFilters(next);
    const firstInvalid = (['entityType', 'entityId', 'actorId', 'to'] as const).find((k) => this.errors[k]);
    if (firstInvalid) {
      const ids = { entityType: '#f-type', entityId: '#f-entity', actorId: '#f-actor', to: '#f-to' } as const;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(ids[firstInvalid])?.focus());
      return;
    }
    if (next.actorId !== this.list.filters.actorId) this.actorName = undefined;
    void this.apply(next);
  }

  /** Applies filters: the address follows, the form shows them, and paging starts again. */
  private async apply(next: AuditFilters) {
    this.errors = {};
    this.list.set(next);
    await this.updateComplete;
    this.renderRoot.querySelector('form')?.reset();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-audit-log-page': AuditLogPage;
  }
}
