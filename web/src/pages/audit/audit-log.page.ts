// The audit log (UU PDP 27/2022): who read or changed what, newest first, filtered through the
// address, and paged by the API's cursor with "show older entries". Managers get their centre only.
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Me } from '../../../../schemas/auth.ts';
import type { AuditItem } from '../../../../schemas/privacy.ts';
import { meContext } from '../../app/session.context.ts';
import { listAudit } from '../../data/audit.api.ts';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import { replaceQuery } from '../../router/router.ts';
import '../../ui/error-message.component.ts';
import { pageStyles } from '../../ui/page.styles.ts';
import { sharedStyles } from '../../ui/shared.styles.ts';
import { formStyles } from '../../ui/form.styles.ts';
import { filterForm, filterKeys, filtersFrom, noFilters, readFilterForm, toQuery, validateFilters, type AuditFilters, type FilterErrors } from './audit-filters.ts';
import { actionLabel, detailsSummary, objectCell, roleLabel } from './audit-words.ts';

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
  @state() private filters: AuditFilters = { ...noFilters };
  @state() private actorName: string | undefined;
  @state() private errors: FilterErrors = {};
  /** Entries of the pages after the first, and where the next one starts. */
  @state() private older: AuditItem[] = [];
  @state() private cursor: string | null = null;
  @state() private loadingMore = false;
  @state() private moreError: unknown;

  private readonly locale = new LocaleController(this);
  private moreAbort: AbortController | undefined;

  private readonly first = new Task(this, {
    task: ([key], { signal }) => listAudit({ ...toQuery(JSON.parse(key) as AuditFilters), limit: AUDIT_PAGE_SIZE }, signal),
    // A string, so the same filters compare equal and do not load again.
    args: () => [JSON.stringify(this.filters)] as const,
    onComplete: (page) => {
      this.older = [];
      this.cursor = page.nextCursor;
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.filters = filtersFrom(location.search);
    // A hand-edited address may hold what the API refuses: say which field, beside the API's error.
    this.errors = validateFilters(this.filters);
  }

  override disconnectedCallback(): void {
    this.moreAbort?.abort();
    super.disconnectedCallback();
  }

  override render() {
    const first = this.first.value;
    const loading = this.first.status === TaskStatus.PENDING;
    const items = first && !loading ? [...first.items, ...this.older] : [];
    return html`
      <h1 tabindex="-1">${t('audit.title')}</h1>
      <p class="muted">${t(this.me?.role === 'manager' ? 'audit.introManager' : 'audit.intro')}</p>
      ${filterForm({
        filters: this.filters,
        actorName: this.actorName,
        errors: this.errors,
        onSubmit: (e) => this.onSubmit(e),
        onClear: () => this.apply({ ...noFilters }),
      })}
      <p class="status" role="status">${loading ? t('app.loading') : first ? this.countText(items.length) : nothing}</p>
      ${this.first.status === TaskStatus.ERROR
        ? html`<atensi-error-message .error=${this.first.error} retryable @atensi-retry=${() => this.first.run()}></atensi-error-message>`
        : nothing}
      ${first && !loading ? this.renderEntries(items) : nothing}
    `;
  }

  private countText(count: number) {
    return t(this.cursor ? 'audit.countMore' : 'audit.count', { count: formatNumber(count) });
  }

  private renderEntries(items: AuditItem[]) {
    if (items.length === 0) return html`<p>${t('audit.empty')}</p>`;
    return html`
      <div class="table-wrap" role="region" aria-labelledby="audit-caption" tabindex="0">
        <table>
          <caption id="audit-caption" class="visually-hidden">${t('audit.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">${t('audit.col.time')}</th>
              <th scope="col">${t('audit.col.actor')}</th>
              <th scope="col">${t('audit.col.action')}</th>
              <th scope="col">${t('audit.col.object')}</th>
              <th scope="col">${t('audit.col.details')}</th>
            </tr>
          </thead>
          <tbody>${items.map((item) => this.renderRow(item))}</tbody>
        </table>
      </div>
      <div class="more">
        ${this.cursor
          ? // Not disabled while loading: a disabled button would drop the keyboard focus.
            html`<button type="button" class="secondary" aria-busy=${this.loadingMore ? 'true' : 'false'} @click=${() => this.loadMore()}>
              ${this.loadingMore ? t('audit.loadingMore') : t('audit.more')}
            </button>`
          : nothing}
        ${this.moreError
          ? html`<atensi-error-message .error=${this.moreError} retryable @atensi-retry=${() => this.loadMore()}></atensi-error-message>`
          : nothing}
      </div>
    `;
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
    void this.apply({ ...this.filters, actorId });
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
    if (next.actorId !== this.filters.actorId) this.actorName = undefined;
    void this.apply(next);
  }

  /** Applies filters: the address follows, the form shows them, and paging starts again. */
  private async apply(next: AuditFilters) {
    this.moreAbort?.abort();
    this.moreError = undefined;
    this.errors = {};
    this.filters = next;
    replaceQuery(Object.fromEntries(filterKeys.map((k) => [k, next[k] || undefined])));
    await this.updateComplete;
    this.renderRoot.querySelector('form')?.reset();
  }

  private async loadMore() {
    if (!this.cursor || this.loadingMore) return;
    const hadFocus = this.shadowRoot?.activeElement?.matches('.more button') ?? false;
    const controller = new AbortController();
    this.moreAbort = controller;
    this.loadingMore = true;
    this.moreError = undefined;
    try {
      const page = await listAudit({ ...toQuery(this.filters), limit: AUDIT_PAGE_SIZE, cursor: this.cursor }, controller.signal);
      this.older = [...this.older, ...page.items];
      this.cursor = page.nextCursor;
    } catch (err) {
      if (!controller.signal.aborted) this.moreError = err;
    } finally {
      if (this.moreAbort === controller) {
        this.loadingMore = false;
        this.moreAbort = undefined;
      }
    }
    await this.updateComplete;
    // With no more pages the button is gone: keep focus in the table rather than lose it.
    if (hadFocus && !this.renderRoot.querySelector('.more button')) this.renderRoot.querySelector<HTMLElement>('.table-wrap')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-audit-log-page': AuditLogPage;
  }
}
