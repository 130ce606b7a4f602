// The bell in the header: a link to the notifications page with the unread count, checked every
// 30 s (and at once when the tab returns or a page marks some read). Unread urgent ones add a "!"
// mark and say "urgent" in the link's name, so urgency never rests on colour alone.
import { Task } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { listNotifications, NotificationsChangedController } from '../../data/notifications.api.ts';
import { PollController } from '../../data/poll.controller.ts';
import { formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';

export const BELL_POLL_MS = 30_000;
/** Enough unread ones to tell whether any is urgent; the count itself comes from the server. */
const PEEK = 50;

@customElement('atensi-notification-bell')
export class NotificationBell extends LitElement {
  static override styles = css`
    :host { display: inline-block; }
    a {
      position: relative; display: inline-flex; align-items: center; justify-content: center;
      min-width: var(--target); min-height: var(--target); padding: 0.25rem; border-radius: var(--radius);
      color: var(--c-primary); border: 2px solid var(--c-border); background: var(--c-surface); text-decoration: none; font-weight: 700;
    }
    a:hover { background: var(--c-primary-soft); }
    a:focus-visible { outline: 3px solid var(--c-focus); outline-offset: 2px; }
    svg { width: 1.5rem; height: 1.5rem; flex: none; }
    /* On the bell's corner, so the header keeps its width on a 360 px phone. */
    .count {
      position: absolute; top: -0.55rem; right: -0.6rem; min-width: 1.4rem; padding: 0 0.3rem; border-radius: 999px;
      background: var(--c-primary); color: #fff; font-size: 0.8rem; line-height: 1.4rem; text-align: center; border: 2px solid var(--c-surface);
    }
    a.urgent { border-color: var(--c-error); color: var(--c-error); }
    a.urgent .count { background: var(--c-error); }
  `;

  private readonly locale = new LocaleController(this);
  private readonly poll = new PollController(this, () => void this.unread.run(), BELL_POLL_MS);
  private readonly changed = new NotificationsChangedController(this, () => void this.unread.run());

  private readonly unread = new Task(this, {
    task: async (_args, { signal }) => {
      const page = await listNotifications({ unread: true, limit: PEEK }, signal);
      return { count: page.unread, urgent: page.items.filter((n) => n.urgent && n.readAt === null).length };
    },
    args: () => [],
  });

  override render() {
    const u = this.unread.value;
    const count = u?.count ?? 0;
    const urgent = u?.urgent ?? 0;
    const name =
      count === 0 ? t('notifications.bellNone') : urgent > 0 ? t('notifications.bellUrgent', { count, urgent }) : t('notifications.bell', { count });
    return html`<a href="/notifications" class=${urgent > 0 ? 'urgent' : ''} aria-label=${name} title=${name} data-unread=${count}>
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
        <path d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4z"/><path d="M10 20a2 2 0 0 0 4 0"/>
      </svg>
      ${count > 0 ? html`<span class="count" aria-hidden="true">${urgent > 0 ? '!\u2009' : ''}${count > 99 ? '99+' : formatNumber(count)}</span>` : nothing}
    </a>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-notification-bell': NotificationBell;
  }
}
