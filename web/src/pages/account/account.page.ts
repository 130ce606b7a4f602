// A person's own account (every role): change the password (with the shared strength check, loaded
// only here), the devices signed in to the account with "this device", ending one, and signing out
// everywhere.
import { Task, TaskStatus } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { SessionView } from '../../../../schemas/account.ts';
import { PASSWORD_MIN_LENGTH, type PasswordWeakness } from '../../../../schemas/password.ts';
import { ApiError } from '../../data/api-error.ts';
import { changePassword, endSession, listSessions, signOutEverywhere } from '../../data/account.api.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import '../../ui/error-message.component.ts';
import { emit } from '../../ui/events.ts';
import { pageStyles } from '../../ui/page.styles.ts';
import { sharedStyles } from '../../ui/shared.styles.ts';
import { formStyles } from '../../ui/form.styles.ts';
import { WriteController } from '../../ui/write.controller.ts';

export function deviceName(d: SessionView['device']): string {
  const kind = t(`account.device.${d.kind}`);
  if (!d.browser && !d.os) return kind;
  const what = d.browser && d.os ? t('account.sessions.on', { browser: d.browser, os: d.os }) : (d.browser ?? d.os ?? t('account.sessions.unknownBrowser'));
  return `${what} (${kind})`;
}

@customElement('atensi-account-page')
export class AccountPage extends LitElement {
  static override styles = [
    sharedStyles,
    pageStyles,
    formStyles,
    css`
      .check { display: flex; align-items: center; gap: 0.6rem; min-height: var(--target); font-weight: 400; margin: 0; }
      .check input { width: 1.5rem; height: 1.5rem; }
      ul.sessions { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.75rem; }
      ul.sessions li { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; justify-content: space-between; }
      .device { font-weight: 600; display: block; overflow-wrap: anywhere; }
      .tag { display: inline-block; margin-left: 0.4rem; padding: 0 0.5rem; border-radius: 999px; background: var(--c-primary-soft); color: var(--c-primary); font-size: 0.9rem; }
      .buttons { display: flex; flex-wrap: wrap; gap: 0.75rem; }
      .confirm { border-left: 4px solid var(--c-error); background: var(--c-error-bg); padding: 0.75rem 1rem; border-radius: 4px; display: grid; gap: 0.5rem; }
      .confirm p { margin: 0; color: var(--c-text); }
    `,
  ];

  @state() private current = '';
  @state() private next = '';
  @state() private show = false;
  @state() private currentError = '';
  @state() private nextError = '';
  @state() private confirming = false;

  private readonly locale = new LocaleController(this);
  private readonly write = new WriteController(this);

  private readonly sessions = new Task(this, {
    task: (_args, { signal }) => listSessions(signal),
    args: () => [] as const,
  });

  override render() {
    return html`
      <h1 tabindex="-1">${t('account.title')}</h1>
      <p>${t('account.intro')}</p>
      ${this.write.statusLine()}
      ${this.write.errorLine()}
      ${this.renderPassword()} ${this.renderSessions()} ${this.renderEverywhere()}
    `;
  }

  private renderPassword() {
    const type = this.show ? 'text' : 'password';
    return html`<section aria-labelledby="password-h">
      <h2 id="password-h">${t('account.password.heading')}</h2>
      <form class="form card" novalidate @submit=${this.submitPassword}>
        <div>
          <label for="current">${t('account.password.current')}</label>
          <input id="current" type=${type} autocomplete="current-password" maxlength="200" .value=${this.current}
            aria-invalid=${this.currentError ? 'true' : 'false'} aria-describedby=${this.currentError ? 'current-error' : nothing}
            @input=${(e: Event) => (this.current = (e.target as HTMLInputElement).value)} />
          ${this.currentError ? html`<p class="field-error" id="current-error">${this.currentError}</p>` : nothing}
        </div>
        <div>
          <label for="new">${t('account.password.new')}</label>
          <input id="new" type=${type} autocomplete="new-password" maxlength="200" .value=${this.next}
            aria-invalid=${this.nextError ? 'true' : 'false'} aria-describedby=${this.nextError ? 'new-hint new-error' : 'new-hint'}
            @input=${(e: Event) => (this.next = (e.target as HTMLInputElement).value)} />
          <p class="hint" id="new-hint">${t('account.password.hint', { min: PASSWORD_MIN_LENGTH })}</p>
          ${this.nextError ? html`<p class="field-error" id="new-error">${this.nextError}</p>` : nothing}
        </div>
        <label class="check"><input type="checkbox" .checked=${this.show} @change=${(e: Event) => (this.show = (e.target as HTMLInputElement).checked)} />${t('account.password.show')}</label>
        <div><button type="submit" ?disabled=${this.write.busy}>${t('account.password.submit')}</button></div>
      </form>
    </section>`;
  }

  private renderSessions() {
    return html`<section aria-labelledby="sessions-h">
      <h2 id="sessions-h">${t('account.sessions.heading')}</h2>
      <p>${t('account.sessions.intro')}</p>
      ${this.sessions.status === TaskStatus.ERROR
        ? html`<atensi-error-message .error=${this.sessions.error} retryable @atensi-retry=${() => this.sessions.run()}></atensi-error-message>`
        : this.sessions.value
          ? html`<ul class="sessions">
              ${this.sessions.value.map((s) => {
                const name = deviceName(s.device);
                return html`<li class="card" data-session=${s.id}>
                  <div>
                    <span class="device">${name}${s.current ? html`<span class="tag">${t('account.sessions.thisDevice')}</span>` : nothing}</span>
                    <span class="muted">${t('account.sessions.lastSeen', { time: formatDateTime(s.lastSeenAt) })} · ${t('account.sessions.signedIn', { time: formatDateTime(s.createdAt) })}</span>
                  </div>
                  ${s.current
                    ? nothing
                    : html`<button type="button" class="secondary" ?disabled=${this.write.busy} aria-label=${t('account.sessions.endLabel', { device: name })}
                        @click=${() => this.end(s.id)}>${t('account.sessions.end')}</button>`}
                </li>`;
              })}
            </ul>`
          : html`<p class="status">${t('app.loading')}</p>`}
    </section>`;
  }

  private renderEverywhere() {
    return html`<section aria-labelledby="everywhere-h">
      <h2 id="everywhere-h">${t('account.everywhere.heading')}</h2>
      <p>${t('account.everywhere.intro')}</p>
      ${this.confirming
        ? html`<div class="confirm">
            <p><strong>${t('account.everywhere.confirm')}</strong></p>
            <div class="buttons">
              <button type="button" ?disabled=${this.write.busy} @click=${this.everywhere}>${t('account.everywhere.yes')}</button>
              <button type="button" class="secondary" @click=${() => (this.confirming = false)}>${t('account.everywhere.cancel')}</button>
            </div>
          </div>`
        : html`<button type="button" class="secondary" @click=${() => (this.confirming = true)}>${t('account.everywhere.button')}</button>`}
    </section>`;
  }

  private async submitPassword(e: SubmitEvent) {
    e.preventDefault();
    this.currentError = this.current ? '' : t('account.password.required');
    // The same check as the server's, loaded with its dictionary only when someone sets a password.
    const { passwordStrength } = await import('../../../../schemas/password-strength.ts');
    // (The server also refuses words of the person's own name and e-mail.)
    const strength = passwordStrength(this.next);
    this.nextError = strength.ok ? '' : this.weakness(strength.weakness!);
    if (this.currentError || this.nextError) return this.focusError();
    await this.write.run(async () => {
      try {
        const { endedSessions } = await changePassword({ currentPassword: this.current, newPassword: this.next });
        this.current = this.next = '';
        void this.sessions.run();
        return t('account.password.done', { count: endedSessions });
      } catch (err) {
        if (!(err instanceof ApiError) || err.status !== 422) throw err;
        const issue = err.issues?.[0];
        if (issue?.path[0] === 'currentPassword') this.currentError = t('account.password.wrongCurrent');
        else if (issue?.code.startsWith('password_')) this.nextError = this.weakness(issue.code.slice('password_'.length) as PasswordWeakness);
        else throw err;
        this.focusError();
      }
    });
  }

  private weakness(w: PasswordWeakness): string {
    return t(`account.password.weak.${w}`, { min: PASSWORD_MIN_LENGTH });
  }

  private focusError() {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }

  private end(id: string) {
    void this.write.run(async () => {
      await endSession(id);
      await this.sessions.run();
      return t('account.sessions.ended');
    });
  }

  private everywhere() {
    void this.write.run(async () => {
      await signOutEverywhere();
      // The shell's sign-out does the rest on this device (forget who was signed in, show sign-in).
      emit(this, 'sign-out', undefined);
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-account-page': AccountPage;
  }
}
