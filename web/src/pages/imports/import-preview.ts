// The answer of a check or an import: counts, and (for a check) the rows of the file with their
// outcome and, for refused rows, the column and the problem. Long files are shown a page at a time,
// refused rows first to hand, so a 10,000-row preview renders as quickly as a short one.
import { html, nothing } from 'lit';
import { ImportOutcome, type ImportResult, type ImportRowResult } from '../../../../schemas/imports.ts';
import { formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { dataTable } from '../../ui/data-table.ts';
import '../../ui/pager.component.ts';

export const PREVIEW_PAGE_SIZE = 50;
export type RowFilter = 'all' | 'refused';

const outcomeClass: Record<ImportOutcome, string> = { created: 'tag done', updated: 'tag', unchanged: 'tag', refused: 'tag urgent' };

/** The counts of an answer, each with its word: rows in all, then each outcome. */
export function countsList(result: ImportResult) {
  const total = ImportOutcome.options.reduce((sum, o) => sum + (result.counts[o] ?? 0), 0);
  return html`<ul class="counts">
    <li><span class="stat">${formatNumber(total)}</span> ${t('imports.count.rows')}</li>
    ${ImportOutcome.options.map((o) => html`<li data-outcome=${o}><span class="stat">${formatNumber(result.counts[o] ?? 0)}</span> ${t(`imports.outcome.${o}`)}</li>`)}
  </ul>`;
}

/** A file row: one table row, or one per problem (column and message side by side), the line spanning them. */
function fileRow(r: ImportRowResult) {
  const span = Math.max(1, r.problems.length);
  const [first, ...more] = r.problems;
  const problem = (p: ImportRowResult['problems'][number] | undefined) =>
    p ? html`<td>${p.column ?? '—'}</td><td>${t(`imports.problem.${p.code}`)}</td>` : html`<td></td><td></td>`;
  return html`<tr data-line=${r.line}>
      <td class="num" rowspan=${span}>${formatNumber(r.line)}</td>
      <td rowspan=${span}>${r.key}</td>
      <td rowspan=${span}><span class=${outcomeClass[r.outcome]}>${t(`imports.outcome.${r.outcome}`)}</span></td>
      ${problem(first)}
    </tr>${more.map((p) => html`<tr>${problem(p)}</tr>`)}`;
}

/** The rows a filter keeps. */
export const filterRows = (rows: readonly ImportRowResult[], filter: RowFilter) => (filter === 'refused' ? rows.filter((r) => r.outcome === 'refused') : rows);

export interface RowsView {
  result: ImportResult;
  filter: RowFilter;
  offset: number;
  onFilter: (filter: RowFilter) => void;
  onPage: (offset: number) => void;
}

/** The filter, one page of the file's rows, and the pager when there is more than a page. */
export function rowsTable(v: RowsView) {
  const rows = filterRows(v.result.rows, v.filter);
  const page = rows.slice(v.offset, v.offset + PREVIEW_PAGE_SIZE);
  return html`
    <div class="show">
      <label for="show">${t('imports.show.label')}</label>
      <select id="show" .value=${v.filter} @change=${(e: Event) => v.onFilter((e.target as HTMLSelectElement).value as RowFilter)}>
        <option value="all" ?selected=${v.filter === 'all'}>${t('imports.show.all')}</option>
        <option value="refused" ?selected=${v.filter === 'refused'}>${t('imports.show.refused')}</option>
      </select>
    </div>
    ${dataTable({
      id: 'import-rows-caption',
      caption: t('imports.caption'),
      columns: [
        { label: t('imports.col.line'), class: 'num' },
        { label: t(`imports.col.key.${v.result.kind}`) },
        { label: t('imports.col.outcome') },
        { label: t('imports.col.column') },
        { label: t('imports.col.problem') },
      ],
      rows: page,
      row: (r) => fileRow(r),
    })}
    ${rows.length > PREVIEW_PAGE_SIZE
      ? html`<atensi-pager .offset=${v.offset} .limit=${PREVIEW_PAGE_SIZE} .total=${rows.length}
          @atensi-page-change=${(e: CustomEvent<{ offset: number }>) => v.onPage(e.detail.offset)}></atensi-pager>`
      : nothing}
  `;
}
