// Phone-first styles of the family pages: big targets, picture buttons, no sideways scrolling.
import { css } from 'lit';

export const familyStyles = css`
  :host { max-width: 40rem; overflow-wrap: anywhere; }
  .big {
    width: 100%; min-height: 3.5rem; font-size: 1.15rem; padding: 0.75rem 1rem; gap: 0.6rem;
  }
  .person { margin-top: 1rem; padding: 1rem; }
  .person > h2 { margin-top: 0; }
  .person h3 { margin: 1.25rem 0 0.5rem; }
  ul.plain { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.5rem; }
  ul.plain > li { display: flex; align-items: center; gap: 0.6rem; flex-wrap: wrap; }
  .icon { flex: none; }
  .warn { color: var(--c-error); font-weight: 700; }
  .ok { color: var(--c-ok); font-weight: 600; }
  details.history { margin-top: 0.5rem; }
  details.history summary { cursor: pointer; min-height: var(--target); display: flex; align-items: center; color: var(--c-primary); font-weight: 600; }
  .row-link { display: flex; align-items: center; gap: 0.6rem; min-height: var(--target); font-weight: 600; }
  .status-pill {
    display: inline-block; padding: 0.1rem 0.6rem; border-radius: 999px; font-size: 0.9rem; font-weight: 600;
    background: var(--c-primary-soft); color: var(--c-primary-hover); border: 1px solid var(--c-primary);
  }
  .urgent-pill { background: var(--c-error-bg); color: var(--c-error); border-color: var(--c-error); }
  .picks { list-style: none; margin: 0 0 1rem; padding: 0; display: grid; gap: 0.75rem; grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .pick {
    width: 100%; min-height: 8rem; flex-direction: column; gap: 0.4rem; text-align: center; line-height: 1.25;
    background: var(--c-surface); color: var(--c-text); border: 2px solid var(--c-border); padding: 0.75rem 0.5rem;
  }
  .pick:hover { background: var(--c-primary-soft); color: var(--c-text); border-color: var(--c-primary); }
  .pick.flag { border-color: var(--c-error); }
  .pick .picture { color: var(--c-primary); }
  .pick.flag .picture { color: var(--c-error); }
  .advice { border: 3px solid var(--c-error); background: var(--c-error-bg); color: var(--c-text); border-radius: var(--radius); padding: 1rem; margin: 1rem 0; }
  .advice h2 { color: var(--c-error); margin: 0 0 0.5rem; font-size: 1.2rem; }
  .advice p { margin: 0; font-size: 1.1rem; }
  textarea {
    font: inherit; width: 100%; min-height: 5rem; padding: 0.5rem 0.75rem; border: 2px solid var(--c-border);
    border-radius: var(--radius); background: var(--c-surface); color: var(--c-text);
  }
  input[type='file'] { font: inherit; max-width: 100%; min-height: var(--target); }
  .field { margin: 1rem 0; }
  .actions { display: flex; flex-wrap: wrap; gap: 0.75rem; margin-top: 1rem; }
  .preview { max-width: 100%; max-height: 12rem; border-radius: var(--radius); display: block; margin: 0.5rem 0; }
  .photos { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.5rem; grid-template-columns: repeat(auto-fill, minmax(8rem, 1fr)); }
  .photos img { width: 100%; height: auto; border-radius: var(--radius); border: 1px solid var(--c-line); }
  ol.timeline { margin: 0; padding-left: 1.25rem; display: grid; gap: 0.5rem; }
  .comment { border: 1px solid var(--c-line); border-radius: var(--radius); padding: 0.5rem 0.75rem; background: var(--c-surface); }
  .comment.mine { background: var(--c-primary-soft); }
  .comment .body { white-space: pre-wrap; margin: 0.25rem 0 0; }
  .badge-link { display: inline-flex; align-items: center; gap: 0.4rem; min-height: var(--target); font-weight: 600; }
  @media (max-width: 380px) {
    .picks { gap: 0.5rem; }
    .pick { min-height: 7rem; font-size: 0.95rem; }
  }
`;
