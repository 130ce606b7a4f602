// One list page's state: filters and page kept in the address (so reload and back keep the place),
// loading through a Task (the last request wins, the others are aborted) and the one status line.
import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { PollController } from '../data/poll.controller.ts';
import { t, type MessageKey } from '../i18n/i18n.ts';
import { onNavigation, replaceQuery } from '../router/router.ts';
import './error-message.component.ts';
import type { AtensiEvent } from './events.ts';
import './pager.component.ts';
import { readFields, writeFields, type QueryFields } from './query-fields.ts';

/** What a list endpoint answers: its rows, and a total (offset paging) or the next cursor. */
export interface ListPage<T = unknown> {
  items: readonly T[];
  total?: number;
  nextCursor?: string | null;
}

export interface PageRequest {
  limit: number;
  offset: number;
  cursor?: string;
}

export interface ListOptions<F, P extends ListPage> {
  filters: QueryFields<F>;
  /** Rows per request; without it the list is not paged. */
  pageSize?: number;
  /** `offset`: a pager over numbered pages; `cursor`: "show more" appends the next page. */
  paging?: 'offset' | 'cursor';
  load: (filters: F, page: PageRequest, signal: AbortSignal) => Promise<P>;
  /** Reloads quietly (no "loading" line) every this many ms while the tab is visible. */
  pollMs?: number;
  /** The cursor button's words. */
  more?: { label: MessageKey; loading: MessageKey };
}

export interface ListView<P extends ListPage> {
  /** The status line once loaded, e.g. the number found. */
  summary?: (page: P) => string;
  /** Said instead of the summary while set, e.g. the outcome of a write on the page. */
  message?: string;
  empty: string | ((page: P) => string);
  /** Shown above the rows (and above the empty line), e.g. a count of unreadable rows. */
  before?: (page: P) => unknown;
  rows: (items: P['items'], page: P) => unknown;
}

const MAX_RESTORED_PAGES = 20;

export class ListController<F, P extends ListPage> implements ReactiveController {
  filters: F;
  /** Offset paging: the first row shown. Cursor paging: rows of the pages after the first. */
  offset = 0;
  private pages = 1;
  private older: P['items'][number][] = [];
  private cursor: string | null = null;
  private loadingMore = false;
  private moreError: unknown;
  private moreAbort: AbortController | undefined;
  /** A poll's reload keeps the rows on screen without saying "loading". */
  private quiet = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private path = '';
  private unsubscribe: (() => void) | undefined;
  readonly task: Task<readonly [F, number], P>;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: ListOptions<F, P>,
  ) {
    this.filters = readFields(options.filters, new URLSearchParams());
    host.addController(this);
    this.task = new Task(host, {
      task: ([filters, offset], { signal }) => (this.cursorPaging ? this.loadPages(filters, signal) : options.load(filters, this.request(offset), signal)),
      args: () => [this.filters, this.offset] as const,
      // Filters compare by value, so an equal choice does not load again.
      argsEqual: (a, b) => JSON.stringify(a) === JSON.stringify(b),
      onComplete: (page) => {
        this.cursor = page.nextCursor ?? null;
        this.quiet = false;
      },
      onError: () => (this.quiet = false),
    });
    if (options.pollMs) new PollController(host, () => this.refresh(), options.pollMs);
  }

  private get cursorPaging() {
    return this.options.paging === 'cursor';
  }

  hostConnected(): void {
    this.path = location.pathname;
    this.readAddress();
    // Back/forward or a link to the same page with other filters: show what the address says.
    this.unsubscribe = onNavigation(() => {
      if (location.pathname === this.path) this.readAddress();
    });
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.moreAbort?.abort();
    this.unsubscribe?.();
  }

  private readAddress() {
    const params = new URLSearchParams(location.search);
    const page = Number(params.get('page') ?? '1');
    const n = Number.isInteger(page) && page > 1 ? page : 1;
    const filters = readFields(this.options.filters, params);
    const pages = this.cursorPaging ? Math.min(n, MAX_RESTORED_PAGES) : 1;
    const offset = this.cursorPaging || !this.options.pageSize ? 0 : (n - 1) * this.options.pageSize;
    if (JSON.stringify(filters) === JSON.stringify(this.filters) && offset === this.offset) {
      // Same filters: in cursor paging only the number of pages shown may differ.
      if (pages !== this.pages) {
        this.pages = pages;
        this.reload();
      }
      return;
    }
    this.filters = filters;
    this.pages = pages;
    this.offset = offset;
    this.host.requestUpdate();
  }

  private request(offset: number, cursor?: string): PageRequest {
    return { limit: this.options.pageSize ?? 0, offset, ...(cursor ? { cursor } : {}) };
  }

  /** Cursor paging: the first page, then as many more as the address says were shown. */
  private async loadPages(filters: F, signal: AbortSignal): Promise<P> {
    this.moreAbort?.abort();
    this.moreError = undefined;
    this.older = [];
    const first = await this.options.load(filters, this.request(0), signal);
    let next = first.nextCursor ?? null;
    const items = [...first.items];
    for (let n = 1; n < this.pages && next; n++) {
      const page = await this.options.load(filters, this.request(0, next), signal);
      items.push(...page.items);
      next = page.nextCursor ?? null;
    }
    return { ...first, items, nextCursor: next };
  }

  /** Every row shown, with the cursor pages appended. */
  get items(): P['items'] {
    return [...(this.task.value?.items ?? []), ...this.older];
  }

  get hasMore(): boolean {
    return this.cursor !== null;
  }

  get loading(): boolean {
    return this.task.status === TaskStatus.PENDING && !this.quiet;
  }

  /** Changes filters: paging starts again and the address follows. */
  set(patch: Partial<F>): void {
    clearTimeout(this.timer);
    this.filters = { ...this.filters, ...patch };
    this.offset = 0;
    this.pages = 1;
    this.writeAddress();
  }

  /** The same after `delayMs` without another call, for typing in a search box. */
  setSoon(patch: Partial<F>, delayMs = 300): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const next = { ...this.filters, ...patch };
      if (JSON.stringify(next) !== JSON.stringify(this.filters)) this.set(patch);
    }, delayMs);
  }

  goTo(offset: number): void {
    this.offset = offset;
    this.writeAddress();
  }

  /** Loads the current page again without the "loading" line (a poll, a change elsewhere). */
  refresh(): void {
    if (this.task.status === TaskStatus.PENDING || this.loadingMore) return;
    this.quiet = true;
    void this.task.run();
  }

  reload(): void {
    this.quiet = false;
    void this.task.run();
  }

  private writeAddress() {
    const size = this.options.pageSize ?? 1;
    const page = this.cursorPaging ? this.pages : Math.floor(this.offset / size) + 1;
    replaceQuery({ ...writeFields(this.options.filters, this.filters), page: page > 1 ? String(page) : undefined });
    this.host.requestUpdate();
  }

  /** Cursor paging: appends the next page; the address counts the pages shown. */
  async more(): Promise<void> {
    if (!this.cursor || this.loadingMore) return;
    const hadFocus = this.host.shadowRoot?.activeElement?.matches('.more button') ?? false;
    const controller = new AbortController();
    this.moreAbort = controller;
    this.loadingMore = true;
    this.moreError = undefined;
    this.host.requestUpdate();
    try {
      const page = await this.options.load(this.filters, this.request(0, this.cursor), controller.signal);
      this.older = [...this.older, ...page.items];
      this.cursor = page.nextCursor ?? null;
      this.pages += 1;
      this.writeAddress();
    } catch (err) {
      if (!controller.signal.aborted) this.moreError = err;
    } finally {
      if (this.moreAbort === controller) {
        this.loadingMore = false;
        this.moreAbort = undefined;
      }
      this.host.requestUpdate();
    }
    await this.host.updateComplete;
    // With no more pages the button is gone: keep focus in the table rather than lose it.
    if (hadFocus && !this.host.shadowRoot?.querySelector('.more button')) this.host.shadowRoot?.querySelector<HTMLElement>('.table-wrap')?.focus();
  }

  /** The live status line: "loading", else the page's summary. */
  statusLine(summary?: (page: P) => string, message?: string) {
    const page = this.task.value;
    return html`<p class="status" role="status">${message || (this.loading ? t('app.loading') : page && summary ? summary(page) : nothing)}</p>`;
  }

  errorLine() {
    return this.task.status === TaskStatus.ERROR
      ? html`<atensi-error-message .error=${this.task.error} retryable @atensi-retry=${() => this.reload()}></atensi-error-message>`
      : nothing;
  }

  /** The status line, an error, the rows (or the empty line) and the pager or "show more". */
  render(view: ListView<P>) {
    const page = this.task.value;
    const items = this.items;
    return html`${this.statusLine(view.summary, view.message)}${this.errorLine()}
      ${page
        ? html`${view.before?.(page) ?? nothing}${items.length === 0
            ? html`<p class="empty">${typeof view.empty === 'string' ? view.empty : view.empty(page)}</p>`
            : view.rows(items, page)}${this.paging(page)}`
        : nothing}`;
  }

  private paging(page: P) {
    const size = this.options.pageSize;
    if (this.cursorPaging) {
      const words = this.options.more;
      return html`<div class="more">
        ${this.cursor && words
          ? // Not disabled while loading: a disabled button would drop the keyboard focus.
            html`<button type="button" class="secondary" aria-busy=${this.loadingMore ? 'true' : 'false'} @click=${() => void this.more()}>
              ${t(this.loadingMore ? words.loading : words.label)}
            </button>`
          : nothing}
        ${this.moreError ? html`<atensi-error-message .error=${this.moreError} retryable @atensi-retry=${() => void this.more()}></atensi-error-message>` : nothing}
      </div>`;
    }
    if (!size || page.total === undefined || page.total <= size) return nothing;
    return html`<atensi-pager .offset=${this.offset} .limit=${size} .total=${page.total}
      @atensi-page-change=${(e: AtensiEvent<'page-change'>) => this.goTo(e.detail.offset)}></atensi-pager>`;
  }
}
