// Form controls the shared styles do not cover (select, textarea, datetime, radios) and form layout.
import { css } from 'lit';

export const formStyles = css`
  select, textarea, input[type='date'], input[type='datetime-local'], input[type='number'] {
    font: inherit; width: 100%; min-height: var(--target); padding: 0.45rem 0.6rem;
    border: 2px solid var(--c-border); border-radius: var(--radius); background: var(--c-surface); color: var(--c-text);
  }
  textarea { min-height: 6rem; resize: vertical; }
  fieldset { border: 1px solid var(--c-line); border-radius: var(--radius); padding: 0.75rem 1rem; margin: 0; }
  legend { font-weight: 600; padding: 0 0.25rem; }
  .radio { display: flex; align-items: center; gap: 0.5rem; min-height: var(--target); font-weight: 400; margin: 0; }
  .radio input { width: 1.25rem; height: 1.25rem; }
  .form { display: grid; gap: 0.9rem; max-width: 36rem; }
  .row { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; }
  .row > * { flex: 1 1 10rem; }
  .ok { color: var(--c-ok); font-weight: 600; }
`;
