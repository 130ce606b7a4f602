// The signed-in person's notifications, newest first: unread ones marked in words and weight, urgent
// ones with an icon and the word "urgent" (never colour alone). Opening one marks it read; one or
// all can be marked read. Managers and admins find the centre's outbound channel from here.
import { consume } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Me } from '../../../../schemas/auth.ts';
import type { NotificationView } from '../../../../schemas/notifications.ts';
import { meContext } from '../../data/session.context.ts';
import { listNotifications, markRead, NotificationsChangedController, type NotificationPage } from '../../data/notifications.api.ts';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import { icon } from '../../ui/icons.ts';
import { workPageStyles } from '../../ui/page.styles.ts';
import '../../ui/pager.component.ts';
import { relativeTime } from '../fleet/fleet-format.ts';
import { ListController } from '../../ui/list.controller.ts';
import { choiceField } from '../../ui/query-fields.ts';
import { WriteController } from '../../ui/write.controller.ts';
import { BELL_POLL_MS } from './notification-bell.component.ts';
import { notificationDetail, notificationTitle } from './notification-words.ts';

export const NOTIFICATIONS_PAGE_SIZE = 25;

@customElement('atensi-notifications-page')
export class NotificationsPage extends LitElement {
  static override styles = [
    workPageStyles,
    css`
      .tools { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; margin: 0.5rem 0 1rem; }
      .tools > div { flex: 0 1 14rem; }
      ul.list { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.5rem; }
      li.item { background: var(--c-surface); border: 1px solid var(--c-line); border-left: 4px solid var(--c-line); border-radius: var(--radius);
        padding: 0.6rem 0.85rem; display: grid; gap: 0.25rem; }
      li.item.unread { border-left-color: var(--c-primary); background: var(--c-primary-soft); }
      li.item.urgent { border: 2px solid var(--c-error); border-left-width: 6px; }
      .head { display: flex; flex-wrap: wrap; gap: 0.35rem 0.6rem; align-items: center; }
      .head a { display: inline-flex; align-items: center; min-height: var(--target); font-weight: 600; }
      li.item.unread .head a { font-weight: 800; }
      .detail { margin: 0; }
      .meta { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.5rem; color: var(--c-muted); font-size: 0.9rem; }
      .meta button { font-size: 0.9rem; padding: 0.3rem 0.8rem; }
      .tag.unread-tag { background: var(--c-primary); color: #fff; border-color: var(--c-primary); }
    `,
  ];

  @consume({ context: meContext, subscribe: true }) @state() private me: Me | undefined;

  private readonly locale = new LocaleController(this);
  private readonly write = new WriteController(this);
  private readonly changed = new NotificationsChangedController(this, () => this.list.refresh());

  private readonly list = new ListController(this, {
    filters: { show: choiceField(['all', 'unread'] as const, 'all') },
    pageSize: NOTIFICATIONS_PAGE_SIZE,
    pollMs: BELL_POLL_MS,
    load: ({ show }, page, signal): Promise<NotificationPage> =>
      listNotifications({ unread: show === 'unread' ? true : undefined, limit: page.limit, offset: page.offset }, signal),
  });

  override render() {
    const page = this.list.task.value;
    const unreadOnly = this.list.filters.show === 'unread';
    return html`
      <h1 tabindex="-1">${t('notifications.title')}</h1>
      ${this.renderChannelLink()}
      <div class="tools">
        <div>
          <label for="show">${t('notifications.show')}</label>
          <select id="show" @change=${(e: Event) => this.list.set({ show: (e.target as HTMLSelectElement).value === 'unread' ? 'unread' : 'all' })}>
            <option value="all" ?selected=${!unreadOnly}>${t('notifications.showAll')}</option>
            <option value="unread" ?selected=${unreadOnly}>${t('notifications.showUnread')}</option>
          </select>
        </div>
        ${page && page.unread > 0
          ? html`<button type="button" class="secondary" ?disabled=${this.write.busy} @click=${() => void this.mark({ all: true })}>${t('notifications.markAll')}</button>`
          : nothing}
      </div>
      ${this.write.errorLine()}
      ${this.list.render({
        summary: (p) => t('notifications.summary', { unread: formatNumber(p.unread) }),
        message: this.write.message,
        empty: unreadOnly ? t('notifications.emptyUnread') : t('notifications.empty'),
        rows: (items) => html`<ul class="list" aria-label=${t('notifications.title')}>${items.map((n) => this.renderItem(n))}</ul>`,
      })}
    `;
  }

  private renderChannelLink() {
    const me = this.me;
    if (me?.role === 'manager' && me.centre) {
      return html`<p><a href=${`/centres/${me.centre.id}/webhook`}>${t('centres.webhook.link')}</a></p>`;
    }
    if (me?.role === 'admin') return html`<p><a href="/centres">${t('centres.webhook.linkAdmin')}</a></p>`;
    return nothing;
  }

  private renderItem(n: NotificationView) {
    const unread = n.readAt === null;
    const detail = notificationDetail(n, this.me?.role === 'family');
    return html`<li class="item ${unread ? 'unread' : ''} ${n.urgent ? 'urgent' : ''}" data-notification=${n.id} data-unread=${String(unread)}>
      <div class="head">
        ${n.urgent ? html`<span class="tag urgent">${icon('alert')}<span>${t('notifications.urgent')}</span></span>` : nothing}
        ${unread ? html`<span class="tag unread-tag">${t('notifications.unread')}</span>` : nothing}
        <a href=${n.link} @click=${() => (unread ? void this.mark({ ids: [n.id] }, false) : undefined)}>${notificationTitle(n)}</a>
      </div>
      ${detail ? html`<p class="detail">${detail}</p>` : nothing}
      <div class="meta">
        <time datetime=${n.createdAt} title=${formatDateTime(n.createdAt)}>${relativeTime(n.createdAt)}</time>
        ${unread
          ? html`<button type="button" class="secondary" ?disabled=${this.write.busy} @click=${() => void this.mark({ ids: [n.id] })}
              aria-label=${t('notifications.markOneNamed', { title: notificationTitle(n) })}>${t('notifications.markOne')}</button>`
          : nothing}
      </div>
    </li>`;
  }

  private async mark(target: { ids: string[] } | { all: true }, announce = true) {
    if (!announce) {
      // Opening a notification marks it read on the way; a failure there is not worth a message.
      await markRead(target).catch(() => undefined);
      return;
    }
    await this.write.run(async () => {
      await markRead(target);
      return 'all' in target ? t('notifications.markedAll') : t('notifications.markedOne');
    });
    // markRead announced the change: the bell and this page reload through that event.
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-notifications-page': NotificationsPage;
  }
}
