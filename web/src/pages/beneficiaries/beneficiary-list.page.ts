// Beneficiaries in scope: a debounced name search, a table and paging; the search and page are
// kept in the address so reloading or sharing the link shows the same list.
import { consume } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Me } from '../../../../schemas/auth.ts';
import type { BeneficiarySummary } from '../../../../schemas/beneficiaries.ts';
import { clinicalWriterRoles, inRoles } from '../../../../schemas/common.ts';
import { meContext } from '../../data/session.context.ts';
import { listBeneficiaries, type BeneficiaryPage } from '../../data/beneficiaries.api.ts';
import { formatNumber, label } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import { takeFlash, type Flash } from '../../ui/flash.ts';
import { pageStyles } from '../../ui/page.styles.ts';
import { ListController } from '../../ui/list.controller.ts';
import { textField } from '../../ui/query-fields.ts';
import { sharedStyles } from '../../ui/shared.styles.ts';
import { dataTable } from '../../ui/data-table.ts';

export const PAGE_SIZE = 10;

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
  /** A message from the page before, e.g. after erasing someone's data. */
  @state() private flash: Flash | undefined;
  private pendingFlash: Flash | undefined;

  private readonly locale = new LocaleController(this);

  private readonly list = new ListController<{ q: string }, BeneficiaryPage>(this, {
    filters: { q: textField() },
    pageSize: PAGE_SIZE,
    load: ({ q }, page, signal) => listBeneficiaries({ q: q || undefined, limit: page.limit, offset: page.offset }, signal),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.pendingFlash = takeFlash();
  }

  protected override firstUpdated(): void {
    // Filled after the first render, so screen readers announce the (then existing) live region.
    this.flash = this.pendingFlash;
  }

  override render() {
    return html`
      <div class="page-head">
        <h1 tabindex="-1">${t('beneficiaries.list.title')}</h1>
        ${this.me && inRoles(clinicalWriterRoles, this.me.role) ? html`<a class="button" href="/beneficiaries/new">${t('beneficiaries.list.register')}</a>` : nothing}
      </div>
      <div class="flash" role="status">${this.flash ? html`<p>${t(this.flash.key, this.flash.params)}</p>` : nothing}</div>
      <div class="search">
        <label for="search">${t('beneficiaries.list.search')}</label>
        <input id="search" type="search" autocomplete="off" .value=${this.list.filters.q} aria-describedby="search-hint"
          @input=${(e: InputEvent) => this.list.setSoon({ q: (e.target as HTMLInputElement).value.trim() })} />
        <p class="hint" id="search-hint">${t('beneficiaries.list.searchHint')}</p>
      </div>
      ${this.list.render({
        summary: (page) => t('beneficiaries.list.results', { total: formatNumber(page.total) }),
        empty: t('beneficiaries.list.empty'),
        rows: (items) => this.renderTable(items),
      })}
    `;
  }

  private renderTable(items: readonly BeneficiarySummary[]) {
    const showDiagnosis = items.some((b) => b.diagnosis !== undefined);
    const showCentre = this.me?.role === 'admin';
    return dataTable({
      id: 'list-caption',
      caption: t('beneficiaries.list.caption'),
      columns: [
        { label: t('col.name') },
        { label: t('col.age'), class: 'num wide' },
        { label: t('col.sex'), class: 'wide' },
        { label: t('col.city'), class: 'wide' },
        showDiagnosis && { label: t('col.diagnosis'), class: 'wide' },
        showCentre && { label: t('col.centre'), class: 'wide' },
      ],
      rows: items,
      row: (b) => this.renderRow(b, showDiagnosis, showCentre),
    });
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
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-beneficiary-list-page': BeneficiaryListPage;
  }
}
