// Styles of the app's modal dialogs (confirmations, anonymise/erase): a card over a dimmed page that
// fits a 360 px phone, the consequence in the error colour, the buttons at the end.
import { css } from 'lit';

export const dialogStyles = css`
  dialog {
    width: min(36rem, calc(100vw - 2rem)); max-height: calc(100vh - 2rem); overflow: auto;
    border: 1px solid var(--c-line); border-radius: var(--radius); padding: 1.25rem 1.5rem;
    color: var(--c-text); background: var(--c-surface); box-shadow: 0 10px 30px rgb(0 0 0 / 25%);
  }
  dialog::backdrop { background: rgb(23 42 49 / 55%); }
  @media (max-width: 480px) { dialog { width: calc(100vw - 1rem); max-height: calc(100vh - 1rem); padding: 1rem; } }
  h2 { margin-top: 0; }
  .consequence { border-left: 4px solid var(--c-error); background: var(--c-error-bg); padding: 0.75rem 1rem; border-radius: 4px; }
  .buttons { display: flex; flex-wrap: wrap; gap: 0.75rem; justify-content: flex-end; }
`;
