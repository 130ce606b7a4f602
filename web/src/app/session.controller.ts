// Who is signed in, and the moves between signed out and signed in: the first look at /api/me,
// sign-in, sign-out, a session the server ended, and the language saved with the account.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Me } from '../../../schemas/auth.ts';
import type { Locale } from '../../../schemas/common.ts';
import { setSessionExpiredHandler } from '../data/api-client.ts';
import { ApiError } from '../data/api-error.ts';
import { loadMe, logout, updateMe } from '../data/auth.api.ts';
import { setDraftOwner } from '../data/drafts.ts';
import { adoptDeviceData, forgetDeviceData, REMEMBERED_ME_KEY as REMEMBERED } from '../data/device-data.ts';
import { getLocale, initLocale, setLocale, type MessageKey } from '../i18n/i18n.ts';
import { navigate } from '../router/router.ts';
import { LOGIN_PATH } from './routes.ts';
import { INVITATION_PATH } from '../../../schemas/invitations.ts';

/**
 * A family's phone often opens the app with no signal; the app shell comes from the service worker,
 * but /api/me cannot answer. The last signed-in family account is remembered on the device (who, not
 * what: no beneficiary data) so Home and the report flow still open and reports wait in the outbox.
 * Forgotten on sign-out and when the server says the session is over.
 */
function remembered(): Me | undefined {
  try {
    const parsed = Me.safeParse(JSON.parse(localStorage.getItem(REMEMBERED) ?? 'null'));
    return parsed.success && parsed.data.role === 'family' ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function remember(me: Me | undefined) {
  try {
    if (me?.role === 'family') localStorage.setItem(REMEMBERED, JSON.stringify(me));
    else localStorage.removeItem(REMEMBERED);
  } catch {
    // Storage may be unavailable (private mode); the app then simply needs a connection to start.
  }
}

export type SessionStatus = 'starting' | 'signed-out' | 'signed-in' | 'offline';

export class SessionController implements ReactiveController {
  status: SessionStatus = 'starting';
  me: Me | undefined;
  locale: Locale = initLocale();
  /** A message for the sign-in page, e.g. that the session ended. */
  notice: MessageKey | undefined;
  /** Why the app could not start (no connection, server error). */
  error: unknown;
  /** Where to go after signing in: the address someone opened, or had open when the session ended. */
  private returnTo = '/';

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    setSessionExpiredHandler(() => this.expired());
    if (this.status === 'starting') void this.start();
  }

  hostDisconnected(): void {
    setSessionExpiredHandler(undefined);
  }

  private async start() {
    try {
      const me = await loadMe();
      if (me) this.signedIn(me);
      else this.showLogin(undefined);
    } catch (err) {
      const known = err instanceof ApiError && err.code === 'network' ? remembered() : undefined;
      if (known) return this.signedIn(known);
      this.error = err;
      this.status = 'offline';
      this.host.requestUpdate();
    }
  }

  /** The server accepted the person: their saved language applies, and they go where they were headed. */
  signedIn(me: Me): void {
    this.me = me;
    adoptDeviceData(me.id);
    remember(me);
    this.status = 'signed-in';
    this.notice = undefined;
    this.applyLocale(me.locale);
    const here = location.pathname + location.search;
    // From the invitation page, the newly invited person starts at Home.
    const away = location.pathname === LOGIN_PATH ? this.returnTo : location.pathname.startsWith(INVITATION_PATH) ? '/' : here;
    navigate(away, { replace: true });
    this.host.requestUpdate();
  }

  async signOut(): Promise<void> {
    try {
      await logout();
    } catch {
      // Signing out locally still matters when the server cannot be reached.
    }
    this.returnTo = '/';
    forgetDeviceData();
    this.showLogin(undefined);
  }

  /** Switches the language now; a signed-in person's choice is also saved with their account. */
  async chooseLocale(locale: Locale): Promise<void> {
    this.applyLocale(locale);
    this.host.requestUpdate();
    if (this.status !== 'signed-in' || !this.me || this.me.locale === locale) return;
    try {
      const me = await updateMe({ locale });
      if (this.status === 'signed-in' && this.me?.id === me.id) this.me = me;
      this.host.requestUpdate();
    } catch {
      // The language still changes on this device; the account keeps its old choice.
    }
  }

  private applyLocale(locale: Locale) {
    setLocale(locale);
    this.locale = getLocale();
  }

  private showLogin(notice: MessageKey | undefined) {
    if (location.pathname !== LOGIN_PATH && !location.pathname.startsWith(INVITATION_PATH)) this.returnTo = location.pathname + location.search;
    this.me = undefined;
    // Nothing typed while signed out is kept; an expired session's drafts wait for the same person.
    setDraftOwner(undefined);
    remember(undefined);
    this.status = 'signed-out';
    this.notice = notice;
    // An invitation link is opened signed out: it stays on its own page.
    if (!location.pathname.startsWith(INVITATION_PATH)) navigate(LOGIN_PATH, { replace: true });
    this.host.requestUpdate();
  }

  private expired() {
    if (this.status === 'signed-in') this.showLogin('login.sessionExpired');
  }
}
