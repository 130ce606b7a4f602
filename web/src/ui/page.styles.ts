// Layout pieces several pages use: the page heading row, summary cards and status lines.
import { css } from 'lit';
import { badgeStyles } from './badge.styles.ts';
import { formStyles } from './form.styles.ts';
import { sharedStyles } from './shared.styles.ts';

export const pageStyles = css`
  .page-head { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 0.5rem 1rem; margin-bottom: 0.5rem; }
  .status { color: var(--c-muted); margin: 0.5rem 0; }
  .cards { list-style: none; padding: 0; margin: 0; display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); }
  .stat { font-size: 2rem; font-weight: 700; color: var(--c-primary); line-height: 1.1; }
  .stat-card { display: flex; flex-direction: column; gap: 0.25rem; min-height: 6rem; text-decoration: none; color: var(--c-text); border-width: 2px; }
  .stat-card:hover { border-color: var(--c-primary); background: var(--c-primary-soft); color: var(--c-text); }
  .stat-card.person { min-height: 0; font-size: 1.1rem; }
  .stat-label { font-weight: 600; text-decoration: underline; text-underline-offset: 0.15em; }
  section { margin-top: 1.5rem; }
  section > h2 { margin-top: 0; }
`;

/** What a staff page that shows work and edits it starts from: shared controls, layout, badges and forms. */
export const workPageStyles = [sharedStyles, pageStyles, badgeStyles, formStyles];
