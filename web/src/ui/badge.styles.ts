// Status badges (risk, tags, battery) that several pages show: icon and words, never colour alone.
import { css } from 'lit';

/** Badge colours: dark text on a light tint, each pair above 4.5:1 contrast. */
export const badgeStyles = css`
  .risk, .tag {
    display: inline-flex; align-items: center; gap: 0.3rem; padding: 0.15rem 0.6rem 0.15rem 0.45rem;
    border-radius: 999px; font-size: 0.9rem; font-weight: 600; white-space: nowrap; border: 1px solid currentColor;
  }
  .risk .icon, .tag .icon { width: 1.05rem; height: 1.05rem; flex: none; }
  .risk-ok { background: var(--c-ok-bg); color: var(--c-ok); }
  .risk-low { background: #fff6d6; color: #5c4700; }
  .risk-medium { background: #ffeadb; color: #8a3300; }
  .risk-high { background: var(--c-error-bg); color: var(--c-error); }
  .tag { background: #eef4f4; color: var(--c-text); border-color: var(--c-border); }
  .tag.urgent, .tag.critical { background: var(--c-error-bg); color: var(--c-error); border-color: currentColor; }
  .tag.high, .tag.warning { background: #ffeadb; color: #8a3300; border-color: currentColor; }
  .tag.done { background: var(--c-ok-bg); color: var(--c-ok); border-color: currentColor; }
  .battery { display: inline-flex; align-items: center; gap: 0.3rem; white-space: nowrap; }
  .battery .icon { width: 1.1rem; height: 1.1rem; }
`;
