// Home: a welcome, and what matters for the role: each staff role's own work as counts that link to
// it (red flags, alerts, follow-ups, approvals, work orders), one's own people for families.
import { consume } from '@lit/context';
import { Task, initialState } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Me } from '../../../../schemas/auth.ts';
import { type Role, inRoles, workshopRoles } from '../../../../schemas/common.ts';
import { meContext } from '../../data/session.context.ts';
import { loadHomeSummary, type HomeSummary } from '../../data/home.api.ts';
import { formatNumber, label } from '../../i18n/format.ts';
import { t, type MessageKey } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import '../../ui/error-message.component.ts';
import { icon } from '../../ui/icons.ts';
import { pageStyles } from '../../ui/page.styles.ts';
import { sharedStyles } from '../../ui/shared.styles.ts';
import { badgeStyles } from '../../ui/badge.styles.ts';

interface Stat {
  key: keyof HomeSummary;
  label: MessageKey;
  href: string;
  /** Work that waits on someone: marked (in words and an icon) when there is any. */
  urgent?: boolean;
}


/** Each role's work, most pressing first; a count the server leaves out is not shown. */
function statsFor(role: Role): Stat[] {
  return [
    { key: 'redFlags', label: 'home.redFlags', href: '/reports?redFlag=true', urgent: true },
    { key: 'urgentAlerts', label: 'home.urgentAlerts', href: inRoles(workshopRoles, role) ? '/fleet' : '/notifications', urgent: true },
    { key: 'dueWorkOrders', label: 'home.dueWorkOrders', href: '/work-orders', urgent: true },
    { key: 'approvalsWaiting', label: 'home.approvalsWaiting', href: '/approvals', urgent: true },
    { key: 'overdueFollowUps', label: 'home.overdueFollowUps', href: '/worklist', urgent: true },
    { key: 'appointmentsThisWeek', label: 'home.appointmentsThisWeek', href: '/worklist' },
    { key: 'openWorkOrders', label: 'home.openWorkOrders', href: '/work-orders' },
    { key: 'beneficiaries', label: 'home.beneficiaries', href: '/beneficiaries' },
    { key: 'centres', label: 'home.centres', href: '/centres' },
    { key: 'staff', label: role === 'admin' ? 'home.users' : 'home.staff', href: '/users' },
  ];
}

@customElement('atensi-home-page')
export class HomePage extends LitElement {
  static override styles = [
    sharedStyles,
    pageStyles,
    badgeStyles,
    css`
      .stat-card.waiting { border-color: var(--c-error); }
      .stat-card .tag { align-self: flex-start; }
    `,
  ];

  @consume({ context: meContext, subscribe: true }) @state() private me: Me | undefined;

  private readonly locale = new LocaleController(this);

  private readonly summary = new Task(this, {
    // Families get their own Home (web/src/pages/family), which loads what it needs.
    task: async ([role], { signal }) => (role && role !== 'family' ? loadHomeSummary(signal) : initialState),
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
    const stats = statsFor(me.role).filter((s) => summary[s.key] !== undefined);
    return html`${this.renderFirstSteps(me, summary)}<section aria-labelledby="summary-heading">
      <h2 id="summary-heading">${t('home.yourWork')}</h2>
      <ul class="cards">
        ${stats.map((s) => {
          const value = summary[s.key] ?? 0;
          const waiting = s.urgent === true && value > 0;
          return html`<li>
            <a class="card stat-card ${waiting ? 'waiting' : ''}" href=${s.href} data-stat=${s.key}>
              <span class="stat">${formatNumber(value)}</span>
              <span class="stat-label">${t(s.label)}</span>
              ${waiting ? html`<span class="tag urgent">${icon('alert')}<span>${t('home.needsAction')}</span></span>` : nothing}
            </a>
          </li>`;
        })}
      </ul>
    </section>`;
  }

  /** On a new install: where an admin or a manager starts (no centres yet, or no one to work with). */
  private renderFirstSteps(me: Me, summary: HomeSummary) {
    const step =
      me.role === 'admin' && summary.centres === 0 ? { text: t('home.start.centres'), href: '/centres', link: t('home.start.centresLink') }
      : me.role === 'admin' && (summary.staff ?? 0) <= 1 ? { text: t('home.start.users'), href: '/users', link: t('home.start.usersLink') }
      : me.role === 'manager' && (summary.staff ?? 0) <= 1 ? { text: t('home.start.team'), href: '/users', link: t('home.start.usersLink') }
      : undefined;
    return step ? html`<p class="card" data-first-step>${step.text} <a href=${step.href}>${step.link}</a></p>` : nothing;
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
