// Styles every page shares: type scale, links, buttons, form fields, tables, focus and states.
import { css } from 'lit';

export const sharedStyles = css`
  :host { display: block; }
  *, *::before, *::after { box-sizing: border-box; }
  h1, h2, h3 { line-height: 1.25; margin: 0 0 0.75rem; color: var(--c-text); }
  h1 { font-size: 1.6rem; }
  h2 { font-size: 1.25rem; margin-top: 1.5rem; }
  h3 { font-size: 1.05rem; }
  /* Headings take focus only from the app (after a navigation, a moved step), for screen readers:
     no ring after a click, and for keyboard users a light dashed mark rather than the 3 px ring
     that says "you can press this". */
  h1:focus, [tabindex='-1']:is(h2, h3):focus { outline: none; }
  h1:focus-visible, [tabindex='-1']:is(h2, h3):focus-visible { outline: 1px dashed var(--c-focus); outline-offset: 4px; border-radius: 2px; }
  p { margin: 0 0 0.75rem; }
  a { color: var(--c-primary); text-underline-offset: 0.15em; }
  a:hover { color: var(--c-primary-hover); }
  :focus-visible { outline: 3px solid var(--c-focus); outline-offset: 2px; }

  .button, button {
    font: inherit; font-weight: 600;
    min-height: var(--target); min-width: var(--target);
    padding: 0.5rem 1.1rem;
    display: inline-flex; align-items: center; justify-content: center; gap: 0.4rem;
    border-radius: var(--radius); cursor: pointer; text-decoration: none;
    border: 2px solid var(--c-primary); background: var(--c-primary); color: #fff;
  }
  .button:hover, button:hover { background: var(--c-primary-hover); border-color: var(--c-primary-hover); color: #fff; }
  button.secondary, .button.secondary { background: var(--c-surface); color: var(--c-primary); }
  button.secondary:hover, .button.secondary:hover { background: var(--c-primary-soft); color: var(--c-primary-hover); }
  /* Destructive actions are never the prominent choice: outlined, in the error colour. */
  button.secondary.danger, .button.secondary.danger { color: var(--c-error); border-color: var(--c-error); background: var(--c-surface); }
  button.secondary.danger:hover, .button.secondary.danger:hover { background: var(--c-error-bg); color: #7f1a14; border-color: #7f1a14; }
  button[disabled] { cursor: not-allowed; background: #e4eaeb; border-color: var(--c-border); color: var(--c-muted); }

  label { display: block; font-weight: 600; margin-bottom: 0.3rem; }
  input[type='text'], input[type='email'], input[type='password'], input[type='search'] {
    font: inherit; width: 100%; min-height: var(--target);
    padding: 0.5rem 0.75rem; border: 2px solid var(--c-border); border-radius: var(--radius);
    background: var(--c-surface); color: var(--c-text);
  }
  input[aria-invalid='true'] { border-color: var(--c-error); }
  .hint { color: var(--c-muted); font-size: 0.9rem; margin: 0.25rem 0 0; }
  .field-error { color: var(--c-error); font-size: 0.95rem; margin: 0.3rem 0 0; font-weight: 600; }

  /* The link back to where the person came from, above a page's heading. */
  .back { display: inline-flex; align-items: center; min-height: var(--target); margin-bottom: 0.25rem; }
  .card { background: var(--c-surface); border: 1px solid var(--c-line); border-radius: var(--radius); padding: 1rem 1.25rem; }
  .muted { color: var(--c-muted); }
  .alert { border-left: 4px solid var(--c-error); background: var(--c-error-bg); color: var(--c-error); padding: 0.75rem 1rem; border-radius: 4px; font-weight: 600; }
  .alert:empty { display: none; }
  .visually-hidden {
    position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
    clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0;
  }

  .table-wrap { overflow-x: auto; background: var(--c-surface); border: 1px solid var(--c-line); border-radius: var(--radius); }
  table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
  caption { text-align: left; font-weight: 600; padding: 0.75rem 1rem 0.25rem; }
  th, td { text-align: left; padding: 0.5rem 0.75rem; border-bottom: 1px solid var(--c-line); vertical-align: middle; }
  th { background: #eef4f4; font-weight: 600; white-space: nowrap; }
  tbody tr:last-child td { border-bottom: 0; }
  td a { display: inline-flex; align-items: center; min-height: var(--target); font-weight: 600; }
  td.num, th.num { text-align: right; white-space: nowrap; }

  dl.facts { display: grid; grid-template-columns: minmax(8rem, 14rem) 1fr; gap: 0.4rem 1rem; margin: 0; }
  dl.facts dt { font-weight: 600; color: var(--c-muted); }
  dl.facts dd { margin: 0; }
  @media (max-width: 560px) {
    dl.facts { grid-template-columns: 1fr; gap: 0.1rem; }
    dl.facts dd { margin-bottom: 0.5rem; }
  }
  .badge { display: inline-block; padding: 0.1rem 0.55rem; border-radius: 999px; font-size: 0.85rem; font-weight: 600; }
  .badge.ok { background: var(--c-ok-bg); color: var(--c-ok); }
  .badge.off { background: var(--c-error-bg); color: var(--c-error); }
`;
