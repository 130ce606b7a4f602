// Home: a welcome, and what matters for the role — counts for staff, one's own people for families.
import { consume } from '@lit/context';
import { Task, initialState } from '@lit/task';
import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Me } from '../../../../schemas/auth.ts';
import { meContext } from '../../app/session.context.ts';
import { loadHomeSummary, type HomeSummary } from '../../data/summary.api.ts';
import { formatNumber, label } from '../../i18n/format.ts';
import { t, type MessageKey } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import '../../ui/error-message.component.ts';
import { pageStyles } from '../../ui/page.styles.ts';
import { sharedStyles } from '../../ui/shared.styles.ts';

interface Stat {
  label: MessageKey;
  value: number | undefined;
  href: string;
}

@customElement('atensi-home-page')
export class HomePage extends LitElement {
  static override styles = [sharedStyles, pageStyles];

  @consume({ context: meContext, subscribe: true }) @state() private me: Me | undefined;

  private readonly locale = new LocaleController(this);

  private readonly summary = new Task(this, {
    // Families get their own Home (web/src/pages/family), which loads what it needs.
    task: async ([role], { signal }) => (role && role !== 'family' ? loadHomeSummary(role, signal) : initialState),
    args: () => [this.me?.role] as const,
  });

  override render() {
    const me = this.me;
    if (!me) return nothing;
    return html`
      <h1 tabindex="-1">${t('home.welcome', { name: me.name })}</h1>
      <p class="muted">${label('role', me.role)} · ${me.centre?.name ?? t('app.national')}</p>
      ${me.role === 'family'
        ? this.renderFamily(me)
        : this.summary.render({
            pending: () => html`<p class="status" role="status">${t('app.loading')}</p>`,
            error: (error) => html`<atensi-error-message .error=${error} retryable @atensi-retry=${() => this.summary.run()}></atensi-error-message>`,
            complete: (summary) => this.renderStats(me, summary),
          })}
    `;
  }

  private renderStats(me: Me, summary: HomeSummary) {
    const stats: Stat[] = [
      { label: 'home.beneficiaries', value: summary.beneficiaries, href: '/beneficiaries' },
      { label: 'home.centres', value: summary.centres, href: '/centres' },
      { label: me.role === 'admin' ? 'home.users' : 'home.staff', value: summary.users, href: '/users' },
    ];
    return html`<section aria-labelledby="summary-heading">
      <h2 id="summary-heading">${t('home.summary')}</h2>
      <ul class="cards">
        ${stats
          .filter((s) => s.value !== undefined)
          .map(
            (s) => html`<li>
              <a class="card stat-card" href=${s.href}>
                <span class="stat">${formatNumber(s.value ?? 0)}</span>
                <span class="stat-label">${t(s.label)}</span>
              </a>
            </li>`,
          )}
      </ul>
    </section>`;
  }

  private renderFamily(me: Me) {
    // Loaded on demand: staff never download the family pages.
    void import('../family/family-home.component.ts');
    return html`<atensi-family-home .userId=${me.id}></atensi-family-home>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-home-page': HomePage;
  }
}
