// The root element: lays out header, navigation and main area, shows the page for the address,
// and moves focus and the document title along with navigation. The session lives in its controller.
import { provide } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Me } from '../../../schemas/auth.ts';
import { t } from '../i18n/i18n.ts';
import { canOpen, matchRoute, type RouteMatch } from '../router/route-table.ts';
import { navigate, RouterController } from '../router/router.ts';
import type { AtensiEvent } from '../ui/events.ts';
import '../pages/login/login.page.ts';
import '../pages/invite/invite.page.ts';
import { INVITATION_PATH } from '../../../schemas/invitations.ts';
import { confirmAction } from '../ui/confirm-dialog.component.ts';
import '../ui/error-message.component.ts';
import './app-header.component.ts';
import './app-nav.component.ts';
import { appShellStyles } from './app-shell.styles.ts';
import { navItemsFor } from './nav-items.ts';
import { LOGIN_PATH, notFoundRoute, routes } from './routes.ts';
import { meContext } from '../data/session.context.ts';
import { SessionController } from './session.controller.ts';

@customElement('atensi-app')
export class AppShell extends LitElement {
  static override styles = appShellStyles;

  /** The signed-in user for every page, kept in step with the session. */
  @provide({ context: meContext }) @state() private me: Me | undefined;
  @state() private pageTitle: string | undefined;
  @state() private loadError: unknown;

  private readonly session = new SessionController(this);
  private readonly router = new RouterController(this);
  private renderedVersion = -1;
  /** False until the first real page shows: the page someone opened keeps the browser's own focus. */
  private settled = false;
  private focusAfterRender = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('atensi-page-title', (e) => {
      this.pageTitle = (e as AtensiEvent<'page-title'>).detail.title;
    });
  }

  private get match(): RouteMatch | undefined {
    const found = matchRoute(routes, this.router.pathname);
    return found && this.me && canOpen(found.route, this.me.role) ? found : undefined;
  }

  protected override willUpdate(): void {
    this.me = this.session.status === 'signed-in' ? this.session.me : undefined;
    if (this.router.version !== this.renderedVersion) {
      if (this.settled) this.focusAfterRender = true;
      this.renderedVersion = this.router.version;
      this.pageTitle = undefined;
      this.loadError = undefined;
      if (this.me && this.router.pathname === LOGIN_PATH) {
        // Back to the sign-in address while signed in (e.g. through history): go Home instead.
        queueMicrotask(() => navigate('/', { replace: true }));
      } else if (this.me) {
        const route = (this.match ?? { route: notFoundRoute }).route;
        route.load().catch((err: unknown) => (this.loadError = err));
      }
    }
  }

  protected override updated(): void {
    if (this.session.status !== 'starting') this.settled = true;
    document.title = `${this.currentTitle()} · ${t('app.name')}`;
    if (this.focusAfterRender) {
      this.focusAfterRender = false;
      void this.focusHeading();
    }
  }

  private currentTitle(): string {
    if (this.router.pathname.startsWith(INVITATION_PATH)) return t('invite.title');
    if (this.session.status === 'signed-out') return t('login.title');
    if (!this.me) return t('app.loading');
    return this.pageTitle ?? t((this.match?.route ?? notFoundRoute).title);
  }

  /** After a navigation, focus goes to the new page's heading so screen readers start there. */
  private async focusHeading() {
    const main = this.renderRoot.querySelector('main');
    const page = main?.firstElementChild;
    if (!page) return;
    await customElements.whenDefined(page.localName);
    await (page as LitElement).updateComplete;
    const heading = page.shadowRoot?.querySelector<HTMLElement>('h1');
    (heading ?? main).focus();
  }

  /** Sign-out forgets this person's unsent reports on the device too; with some waiting, it asks first. */
  private async signOut() {
    const me = this.me;
    if (me && typeof indexedDB !== 'undefined') {
      try {
        const { forgetOutbox, outboxItems } = await import('../data/outbox.ts');
        const count = (await outboxItems(me.id)).length;
        const sure = count === 0 || (await confirmAction({
          title: 'signOut.unsent.title', consequence: 'signOut.unsent.consequence', confirm: 'signOut.unsent.confirm', keep: 'signOut.unsent.keep', params: { count },
        }));
        if (!sure) return;
        await forgetOutbox(me.id);
      } catch {
        // IndexedDB refused (private mode): nothing of this person's was stored there.
      }
    }
    await this.session.signOut();
  }

  private skipToMain(e: Event) {
    e.preventDefault();
    this.renderRoot.querySelector('main')?.focus();
  }

  override render() {
    if (this.session.status === 'starting') return html`<p class="boot" role="status">${t('app.loading')}</p>`;
    const me = this.me;
    return html`
      <a class="skip-link" href="#main" @click=${this.skipToMain}>${t('app.skipToContent')}</a>
      <header>
        <atensi-header .me=${me} .locale=${this.session.locale}
          @atensi-locale-change=${(e: AtensiEvent<'locale-change'>) => this.session.chooseLocale(e.detail.locale)}
          @atensi-sign-out=${() => void this.signOut()}></atensi-header>
      </header>
      <div class="layout ${me ? '' : 'public'}">
        ${me
          ? html`<div class="sidebar">
              <atensi-nav .items=${navItemsFor(me.role)} current=${this.match?.route.name ?? ''}
                section=${this.match?.route.section ?? ''}></atensi-nav>
            </div>`
          : nothing}
        <main id="main" tabindex="-1" @atensi-sign-out=${() => this.session.signOut()}>${this.renderMain(me)}</main>
      </div>
    `;
  }

  private renderMain(me: Me | undefined) {
    const error = this.session.status === 'offline' ? this.session.error : this.loadError;
    if (error) {
      return html`<atensi-error-message .error=${error} retryable @atensi-retry=${() => location.reload()}></atensi-error-message>`;
    }
    if (this.router.pathname.startsWith(INVITATION_PATH)) {
      // The public invitation page, signed in or not: accepting signs the invited person in.
      return html`<atensi-invite-page token=${this.router.pathname.slice(INVITATION_PATH.length)}
        @atensi-signed-in=${(e: AtensiEvent<'signed-in'>) => this.session.signedIn(e.detail.me)}></atensi-invite-page>`;
    }
    if (!me) {
      return html`<atensi-login-page .notice=${this.session.notice}
        @atensi-signed-in=${(e: AtensiEvent<'signed-in'>) => this.session.signedIn(e.detail.me)}></atensi-login-page>`;
    }
    if (this.router.pathname === LOGIN_PATH) return nothing;
    const match = this.match;
    return match ? match.route.render(match.params) : notFoundRoute.render({});
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-app': AppShell;
  }
}
