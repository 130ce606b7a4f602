// The main navigation: a sidebar on wide screens, a wrapping row of large links on phones.
// Every item stays in the page (never hidden in a closed menu), so keyboards and screen readers reach all.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { t } from '../i18n/i18n.ts';
import { LocaleController } from '../i18n/locale.controller.ts';
import { icon } from '../ui/icons.ts';
import { sharedStyles } from '../ui/shared.styles.ts';
import type { NavItem } from './nav-items.ts';

@customElement('atensi-nav')
export class AppNav extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      ul { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 0.25rem; }
      a {
        display: flex; align-items: center; gap: 0.6rem; min-height: var(--target);
        padding: 0.5rem 0.85rem; border-radius: var(--radius);
        color: var(--c-text); text-decoration: none; font-weight: 600;
        border-left: 4px solid transparent;
      }
      a:hover { background: var(--c-primary-soft); color: var(--c-text); }
      a.in-section { border-left-color: var(--c-primary); }
      a[aria-current='page'] { background: var(--c-primary); color: #fff; border-left-color: var(--c-primary-hover); }
      a:focus-visible { outline-offset: 1px; }
      .icon { flex: none; }
      /* Phones: one row of equal tiles, icon above a short label, every item visible. */
      @media (max-width: 899px) {
        ul { display: grid; grid-template-columns: repeat(auto-fit, minmax(4.5rem, 1fr)); gap: 0.35rem; }
        a {
          flex-direction: column; justify-content: center; gap: 0.15rem; min-height: 3.5rem; height: 100%;
          padding: 0.35rem 0.25rem; text-align: center; font-size: 0.85rem; line-height: 1.2;
          border-left: 0; border-bottom: 4px solid transparent; background: var(--c-surface);
          border-radius: var(--radius) var(--radius) 4px 4px;
        }
        a.in-section { border-bottom-color: var(--c-primary); }
      }
    `,
  ];

  @property({ attribute: false }) items: readonly NavItem[] = [];
  /** The current route's name and section, to mark the active entry. */
  @property() current = '';
  @property() section = '';

  private readonly locale = new LocaleController(this);

  override render() {
    return html`<nav aria-label=${t('nav.label')}>
      <ul>
        ${this.items.map((item) => {
          const exact = item.route === this.current;
          const inSection = !exact && item.route === this.section;
          return html`<li>
            <a href=${item.href} class=${inSection ? 'in-section' : ''} aria-current=${exact ? 'page' : 'false'}>
              ${icon(item.icon)}<span>${t(item.label)}</span>
            </a>
          </li>`;
        })}
      </ul>
    </nav>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-nav': AppNav;
  }
}
