// User accounts: every account for admins, the centre's staff and families for managers; both add
// accounts by invitation and re-invite, disable or enable the accounts they manage.
import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Me } from '../../../../schemas/auth.ts';
import type { Centre } from '../../../../schemas/centres.ts';
import type { User } from '../../../../schemas/users.ts';
import { meContext } from '../../data/session.context.ts';
import { listCentres } from '../../data/centres.api.ts';
import { listUsers } from '../../data/users.api.ts';
import { formatDateTime, label } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import { emit } from '../../ui/events.ts';
import { ListController } from '../../ui/list.controller.ts';
import { pageStyles } from '../../ui/page.styles.ts';
import { sharedStyles } from '../../ui/shared.styles.ts';
import './user-access.component.ts';
import './user-new.component.ts';
import { managerInvitableRoles } from '../../../../schemas/users.ts';
import { inRoles } from '../../../../schemas/common.ts';
import { dataTable } from '../../ui/data-table.ts';

@customElement('atensi-user-list-page')
export class UserListPage extends LitElement {
  static override styles = [sharedStyles, pageStyles];

  @consume({ context: meContext, subscribe: true }) @state() private me: Me | undefined;

  @state() private centres: readonly Centre[] = [];

  private readonly locale = new LocaleController(this);

  private readonly users = new ListController(this, {
    filters: {},
    load: async (_filters, _page, signal) => {
      // Admins see every centre's accounts, so the centre names are needed too.
      const [items, centres] = await Promise.all([listUsers(signal), this.me?.role === 'admin' ? listCentres(signal) : []]);
      this.centres = centres;
      return { items, centres: new Map(centres.map((c: Centre) => [c.id, c.name])) };
    },
  });

  private get heading() {
    return t(this.me?.role === 'manager' ? 'users.titleStaff' : 'users.title');
  }

  protected override updated(): void {
    // Managers see only their centre's staff, and the document title should say so too.
    emit(this, 'page-title', { title: this.heading });
  }

  override render() {
    return html`
      <h1 tabindex="-1">${this.heading}</h1>
      ${this.me ? html`<atensi-user-new .me=${this.me} .centres=${this.centres} @atensi-user-changed=${() => this.users.refresh()}></atensi-user-new>` : nothing}
      ${this.users.render({ empty: t('users.empty'), rows: (users, { centres }) => this.renderTable(users, centres) })}
    `;
  }

  private renderTable(users: readonly User[], centres: Map<string, string>) {
    const showCentre = centres.size > 0;
    // Admins act on other accounts, managers on their centre's therapists, technicians and families;
    // one's own password is changed on one's account page.
    const actions = (u: User) => u.id !== this.me?.id && (this.me?.role === 'admin' || inRoles(managerInvitableRoles, u.role));
    const showActions = true;
    return dataTable({
      id: 'users-caption',
      caption: t('users.caption'),
      columns: [
        { label: t('col.name') },
        { label: t('col.email') },
        { label: t('col.role') },
        showCentre && { label: t('col.centre') },
        { label: t('col.status') },
        { label: t('col.lastLogin') },
        showActions && { label: t('users.actions') },
      ],
      rows: users,
      row: (u) => html`<tr data-user=${u.id}>
        <td>${u.name}</td>
        <td>${u.email}</td>
        <td>${label('role', u.role)}</td>
        ${showCentre ? html`<td>${u.centreId ? (centres.get(u.centreId) ?? '') : t('app.national')}</td>` : nothing}
        <td>${u.disabled
          ? html`<span class="badge off">${t('users.disabled')}</span>`
          : html`<span class="badge ok">${t('users.active')}</span>`}</td>
        <td>${u.lastLoginAt ? formatDateTime(u.lastLoginAt) : t('users.never')}</td>
        ${showActions ? html`<td>${actions(u) ? html`<atensi-user-access .user=${u} @atensi-user-changed=${() => this.users.refresh()}></atensi-user-access>` : nothing}</td>` : nothing}
      </tr>`,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-user-list-page': UserListPage;
  }
}
