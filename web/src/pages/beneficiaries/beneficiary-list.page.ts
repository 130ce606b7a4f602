// Beneficiaries in scope: a debounced name search, a table and paging; the search and page are
// kept in the address so reloading or sharing the link shows the same list.
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Me } from '../../../../schemas/auth.ts';
import type { BeneficiarySummary } from '../../../../schemas/beneficiaries.ts';
import { meContext } from '../../app/session.context.ts';
import { listBeneficiaries, type BeneficiaryPage } from '../../data/beneficiaries.api.ts';
import { formatNumber, label } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import { replaceQuery } from '../../router/router.ts';
import '../../ui/error-message.component.ts';
import type { AtensiEvent } from '../../ui/events.ts';
import { takeFlash, type Flash } from '../../ui/flash.ts';
import { pageStyles } from '../../ui/page.styles.ts';
import { sharedStyles } from '../../ui/shared.styles.ts';
import '../../ui/pager.component.ts';

export const PAGE_SIZE = 10;
const SEARCH_DELAY_MS = 300;

@customElement('atensi-beneficiary-list-page')
export class BeneficiaryListPage extends LitElement {
  static override styles = [
    sharedStyles,
    pageStyles,
    css`
      .search { max-width: 28rem; margin: 0.5rem 0 1rem; }
      .meta { display: none; }
      /* Phones: one column, the details under the name, instead of a table to scroll sideways. */
      @media (max-width: 560px) {
        .wide { display: none; }
        .meta { display: block; color: var(--c-muted); font-size: 0.9rem; padding-bottom: 0.35rem; }
      }
      .flash p { border-left: 4px solid var(--c-ok); background: var(--c-ok-bg); color: var(--c-ok); padding: 0.75rem 1rem; border-radius: 4px; font-weight: 600; }
    `,
  ];

  @consume({ context: meContext, subscribe: true }) @state() private me: Me | undefined;
  @state() private q = '';
  @state() private offset = 0;
  /** A message from the page before, e.g. after erasing someone's data. */
  @state() private flash: Flash | undefined;
  private pendingFlash: Flash | undefined;

  private readonly locale = new LocaleController(this);
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly list = new Task(this, {
    task: ([q, offset], { signal }) => listBeneficiaries({ q: q || undefined, limit: PAGE_SIZE, offset }, signal),
    args: () => [this.q, this.offset] as const,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    const params = new URLSearchParams(location.search);
    this.q = params.get('q') ?? '';
    const page = Number(params.get('page') ?? '1');
    this.offset = Number.isInteger(page) && page > 1 ? (page - 1) * PAGE_SIZE : 0;
    this.pendingFlash = takeFlash();
  }

  protected override firstUpdated(): void {
    // Filled after the first render, so screen readers announce the (then existing) live region.
    this.flash = this.pendingFlash;
  }

  override disconnectedCallback(): void {
    clearTimeout(this.searchTimer);
    super.disconnectedCallback();
  }

  override render() {
    const page = this.list.value;
    const loading = this.list.status === TaskStatus.PENDING;
    return html`
      <h1 tabindex="-1">${t('beneficiaries.list.title')}</h1>
      <div class="flash" role="status">${this.flash ? html`<p>${t(this.flash.key, this.flash.params)}</p>` : nothing}</div>
      <div class="search">
        <label for="search">${t('beneficiaries.list.search')}</label>
        <input id="search" type="search" autocomplete="off" .value=${this.q} aria-describedby="search-hint" @input=${this.onSearchInput} />
        <p class="hint" id="search-hint">${t('beneficiaries.list.searchHint')}</p>
      </div>
      <p class="status" role="status">${loading ? t('app.loading') : page ? t('beneficiaries.list.results', { total: formatNumber(page.total) }) : nothing}</p>
      ${this.list.status === TaskStatus.ERROR
        ? html`<atensi-error-message .error=${this.list.error} retryable @atensi-retry=${() => this.list.run()}></atensi-error-message>`
        : page
          ? this.renderPage(page)
          : nothing}
    `;
  }

  private renderPage(page: BeneficiaryPage) {
    if (page.items.length === 0) return html`<p>${t('beneficiaries.list.empty')}</p>`;
    const showDiagnosis = page.items.some((b) => b.diagnosis !== undefined);
    const showCentre = this.me?.role === 'admin';
    return html`
      <div class="table-wrap" role="region" aria-labelledby="list-caption" tabindex="0">
        <table>
          <caption id="list-caption" class="visually-hidden">${t('beneficiaries.list.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">${t('col.name')}</th>
              <th scope="col" class="num wide">${t('col.age')}</th>
              <th scope="col" class="wide">${t('col.sex')}</th>
              <th scope="col" class="wide">${t('col.city')}</th>
              ${showDiagnosis ? html`<th scope="col" class="wide">${t('col.diagnosis')}</th>` : nothing}
              ${showCentre ? html`<th scope="col" class="wide">${t('col.centre')}</th>` : nothing}
            </tr>
          </thead>
          <tbody>
            ${page.items.map((b) => this.renderRow(b, showDiagnosis, showCentre))}
          </tbody>
        </table>
      </div>
      ${page.total > PAGE_SIZE
        ? html`<atensi-pager .offset=${this.offset} .limit=${PAGE_SIZE} .total=${page.total}
            @atensi-page-change=${(e: AtensiEvent<'page-change'>) => this.goTo(e.detail.offset)}></atensi-pager>`
        : nothing}
    `;
  }

  private renderRow(b: BeneficiarySummary, showDiagnosis: boolean, showCentre: boolean) {
    const age = t('beneficiaries.age.years', { age: b.ageYears });
    const diagnosis = showDiagnosis && b.diagnosis ? label('diagnosis', b.diagnosis) : '';
    const meta = [age, label('sex', b.sex), b.city ?? '', diagnosis, showCentre ? b.centreName : ''].filter(Boolean).join(' · ');
    return html`<tr>
      <td><a href=${`/beneficiaries/${b.id}`}>${b.fullName}</a><span class="meta">${meta}</span></td>
      <td class="num wide">${age}</td>
      <td class="wide">${label('sex', b.sex)}</td>
      <td class="wide">${b.city ?? ''}</td>
      ${showDiagnosis ? html`<td class="wide">${diagnosis}</td>` : nothing}
      ${showCentre ? html`<td class="wide">${b.centreName}</td>` : nothing}
    </tr>`;
  }

  private onSearchInput(e: InputEvent) {
    const value = (e.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => {
      const q = value.trim();
      if (q === this.q) return;
      this.q = q;
      this.offset = 0;
      replaceQuery({ q: q || undefined, page: undefined });
    }, SEARCH_DELAY_MS);
  }

  private goTo(offset: number) {
    this.offset = offset;
    const page = Math.floor(offset / PAGE_SIZE) + 1;
    replaceQuery({ page: page > 1 ? String(page) : undefined });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-beneficiary-list-page': BeneficiaryListPage;
  }
}
