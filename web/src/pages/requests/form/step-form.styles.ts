// Styles of the pathway forms: fieldsets as cards, fields in a responsive grid, units beside inputs.
import { css } from 'lit';

export const stepFormStyles = css`
  form { display: grid; gap: 1rem; }
  fieldset { border: 1px solid var(--c-line); border-radius: var(--radius); background: var(--c-surface); padding: 0.75rem 1.25rem 1.25rem; margin: 0; min-width: 0; }
  legend { font-weight: 700; font-size: 1.05rem; padding: 0 0.35rem; }
  .grid { display: grid; gap: 1rem 1.25rem; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); }
  .field.wide { grid-column: 1 / -1; }
  input[type='number'], input[type='date'], input[type='datetime-local'], input[type='text'], select, textarea {
    font: inherit; width: 100%; min-height: var(--target); padding: 0.5rem 0.75rem;
    border: 2px solid var(--c-border); border-radius: var(--radius); background: var(--c-surface); color: var(--c-text);
  }
  textarea { min-height: 5.5rem; resize: vertical; }
  [aria-invalid='true'] { border-color: var(--c-error); }
  .with-unit { display: flex; align-items: center; gap: 0.5rem; }
  .with-unit input { flex: 1; }
  .unit { font-weight: 600; color: var(--c-muted); min-width: 2rem; }
  .check { display: flex; align-items: center; gap: 0.6rem; min-height: var(--target); }
  .check input { width: 1.5rem; height: 1.5rem; margin: 0; flex: none; accent-color: var(--c-primary); }
  .check label { margin: 0; font-weight: 600; }
  .req { color: var(--c-error); font-weight: 600; }
  .summary ul { margin: 0.35rem 0 0; padding-left: 1.25rem; font-weight: 400; }
  .actions { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; }
  .search { display: grid; gap: 0.25rem; margin-bottom: 0.5rem; }
  .search .sub-label { font-weight: 400; margin: 0; }
  .search .hint { margin: 0; }
  .saved { color: var(--c-muted); font-size: 0.9rem; }
`;
