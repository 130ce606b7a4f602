// Layout of the app shell: skip link, header, navigation beside (or above, on phones) the main area.
import { css } from 'lit';

export const appShellStyles = css`
  :host { display: block; min-height: 100vh; }
  .skip-link {
    position: absolute; left: 0.5rem; top: -10rem; z-index: 10;
    background: var(--c-focus); color: #fff; padding: 0.75rem 1rem; border-radius: var(--radius); font-weight: 600;
  }
  .skip-link:focus { top: 0.5rem; color: #fff; outline: 3px solid #fff; box-shadow: 0 0 0 6px var(--c-focus); }
  .layout { display: grid; grid-template-columns: 15rem minmax(0, 1fr); gap: 1.5rem; max-width: 80rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
  .layout.public { grid-template-columns: minmax(0, 1fr); max-width: 30rem; }
  .sidebar { align-self: start; position: sticky; top: 1rem; }
  main { min-width: 0; }
  main:focus { outline: none; }
  .boot { padding: 2rem 1rem; text-align: center; color: var(--c-muted); }
  @media (max-width: 899px) {
    .layout { grid-template-columns: minmax(0, 1fr); gap: 1rem; padding: 0.75rem 0.75rem 2rem; }
    .sidebar { position: static; }
  }
  /* Paper gets the page only (e.g. the printable request summary): no header, navigation or skip link. */
  @media print {
    header, .sidebar, .skip-link { display: none !important; }
    .layout { display: block; max-width: none; padding: 0; }
  }
`;
