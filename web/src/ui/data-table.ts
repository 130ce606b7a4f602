// The one markup for a data table: a focusable, scrollable region named by a caption or a heading.
import { css, html, nothing, type TemplateResult } from 'lit';

/** A column header; `false` leaves the column out (a role that does not see it). */
export type Column = { readonly label: string; readonly class?: string } | false;

export interface TableSpec<T> {
  /** The caption's id, or the id of the heading that already names the table. */
  readonly id: string;
  /** A caption, visually hidden unless `captionVisible`; without it the heading `id` names the table. */
  readonly caption?: string;
  readonly captionVisible?: boolean;
  readonly columns: readonly Column[];
  readonly rows: readonly T[];
  readonly row: (item: T) => TemplateResult | typeof nothing;
}

export function dataTable<T>(spec: TableSpec<T>): TemplateResult {
  const caption =
    spec.caption === undefined
      ? nothing
      : html`<caption id=${spec.id} class=${spec.captionVisible ? '' : 'visually-hidden'}>${spec.caption}</caption>`;
  return html`<div class="table-wrap" role="region" aria-labelledby=${spec.id} tabindex="0">
    <table>
      ${caption}
      <thead>
        <tr>
          ${spec.columns.map((c) => (c ? html`<th scope="col" class=${c.class ?? nothing}>${c.label}</th>` : nothing))}
        </tr>
      </thead>
      <tbody>${spec.rows.map((item) => spec.row(item))}</tbody>
    </table>
  </div>`;
}

/** Row details for lists: `.sub` lines under a cell, and on narrow screens `.wide` columns give way to a `.meta` line. */
export const dataTableStyles = css`
  .sub { display: block; color: var(--c-muted); font-size: 0.85rem; }
  .meta { display: none; }
  @media (max-width: 700px) {
    .wide { display: none; }
    .meta { display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; color: var(--c-muted); font-size: 0.9rem; padding-bottom: 0.35rem; }
  }
`;
