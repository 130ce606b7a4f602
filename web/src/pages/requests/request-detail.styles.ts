// Styles of the request pages: state badges, the timeline, record cards and the credentials notice.
import { css } from 'lit';

export const requestStyles = css`
  .badge.step { background: #e8eef7; color: var(--c-focus); }
  .head-links { display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; align-items: center; margin-bottom: 0.5rem; }
  .head-links a { display: inline-flex; align-items: center; min-height: var(--target); }
  .record dl.facts + dl.facts { margin-top: 0.75rem; }
  h3 { margin-top: 1.25rem; }
  .timeline ol { margin: 0; padding: 0.75rem 1.25rem 0.75rem 2.5rem; }
  .timeline li { padding: 0.3rem 0; }
  .note { margin: 0.2rem 0 0; white-space: pre-line; }
  ul.plain { list-style: none; margin: 0; padding: 0.75rem 1.25rem; }
  ul.plain li { padding: 0.35rem 0; }
  .secret { border-left: 4px solid var(--c-focus); background: #e8eef7; padding: 1rem 1.25rem; border-radius: 4px; }
  .secret code { display: block; font-size: 1rem; word-break: break-all; background: var(--c-surface); padding: 0.4rem 0.6rem; border-radius: 4px; margin: 0.2rem 0 0.6rem; }
  .notice { border-left: 4px solid #8a5a00; background: #fff6e0; color: #4d3300; padding: 0.75rem 1rem; border-radius: 4px; font-weight: 600; margin-top: 1rem; }
  .warnings { margin: 0.5rem 0 0; padding-left: 1.25rem; }
`;
