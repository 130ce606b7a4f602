// A centre's outbound channel (managers for their centre, admins for any): the address of an SMS or
// WhatsApp gateway that receives every notification, signed with a secret that is shown once (on
// creation and on rotation), and the recent deliveries with their retries.
import { Task, TaskStatus } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { NotificationKind, webhookErrorCategories } from '../../../../schemas/notifications.ts';
import { listCentres } from '../../data/centres.api.ts';
import { deleteWebhook, getWebhook, rotateWebhookSecret, saveWebhook, type Webhook } from '../../data/notifications.api.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import '../../ui/error-message.component.ts';
import { emit } from '../../ui/events.ts';
import { workPageStyles } from '../../ui/page.styles.ts';
import { WriteController } from '../../ui/write.controller.ts';
import { dataTable } from '../../ui/data-table.ts';

type Confirming = 'rotate' | 'delete' | '';

/** A delivery's last error in words: a category, or the receiver's HTTP status. */
function errorLabel(error: string): string {
  const status = /^http_(\d{3})$/.exec(error)?.[1];
  if (status) return t('centres.webhook.error.http', { status });
  return (webhookErrorCategories as readonly string[]).includes(error) ? t(`centres.webhook.error.${error as (typeof webhookErrorCategories)[number]}`) : error;
}

@customElement('atensi-centre-webhook-page')
export class CentreWebhookPage extends LitElement {
  static override styles = [
    workPageStyles,
    css`
      input[type='url'] { font: inherit; width: 100%; min-height: var(--target); padding: 0.5rem 0.75rem; border: 2px solid var(--c-border); border-radius: var(--radius); background: var(--c-surface); color: var(--c-text); }
      .check { display: flex; align-items: center; gap: 0.6rem; min-height: var(--target); font-weight: 600; margin: 0; }
      .check input { width: 1.5rem; height: 1.5rem; }
      .secret { border: 2px solid var(--c-primary); background: var(--c-primary-soft); border-radius: var(--radius); padding: 0.75rem 1rem; display: grid; gap: 0.5rem; }
      .secret code { font-size: 1rem; overflow-wrap: anywhere; background: var(--c-surface); padding: 0.4rem 0.6rem; border-radius: 4px; border: 1px solid var(--c-line); }
      .buttons { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; }
      .confirm { border-left: 4px solid var(--c-error); background: var(--c-error-bg); padding: 0.75rem 1rem; border-radius: 4px; display: grid; gap: 0.5rem; }
      .confirm p { margin: 0; color: var(--c-text); }
    `,
  ];

  @property() centreId = '';
  @state() private url = '';
  @state() private enabled = true;
  @state() private dirty = false;
  @state() private urlError = false;
  /** The signing secret, held only until the person leaves the page or hides it. */
  @state() private secret = '';
  @state() private confirming: Confirming = '';

  private readonly locale = new LocaleController(this);
  private readonly write = new WriteController(this);

  private readonly centreName = new Task(this, {
    task: async ([id], { signal }) => (await listCentres(signal)).find((c) => c.id === id)?.name ?? '',
    args: () => [this.centreId] as const,
    onComplete: (name) => {
      if (name) emit(this, 'page-title', { title: `${t('centres.webhook.title')} · ${name}` });
    },
  });

  private readonly webhook = new Task(this, {
    task: ([id], { signal }) => getWebhook(id, signal),
    args: () => [this.centreId] as const,
    onComplete: (w) => {
      if (!this.dirty) {
        this.url = w?.url ?? '';
        this.enabled = w?.enabled ?? true;
      }
    },
  });

  override render() {
    const loaded = this.webhook.status === TaskStatus.COMPLETE;
    const w = this.webhook.value ?? null;
    return html`
      <h1 tabindex="-1">${t('centres.webhook.title')}</h1>
      ${this.centreName.value ? html`<p class="muted">${this.centreName.value}</p>` : nothing}
      <p>${t('centres.webhook.intro')}</p>
      ${this.write.statusLine()}
      ${this.write.errorLine()}
      ${this.secret ? this.renderSecret() : nothing}
      ${this.webhook.status === TaskStatus.ERROR
        ? html`<atensi-error-message .error=${this.webhook.error} retryable @atensi-retry=${() => this.webhook.run()}></atensi-error-message>`
        : loaded || w
          ? html`${this.renderForm(w)}${w ? this.renderSecretTools() : nothing}${w ? this.renderDeliveries(w) : nothing}`
          : html`<p class="status">${t('app.loading')}</p>`}
    `;
  }

  private renderSecret() {
    return html`<div class="secret" id="secret-box" tabindex="-1" aria-labelledby="secret-h">
      <h2 id="secret-h">${t('centres.webhook.secretHeading')}</h2>
      <p>${t('centres.webhook.secretOnce')}</p>
      <code data-secret>${this.secret}</code>
      <div><button type="button" class="secondary" @click=${() => (this.secret = '')}>${t('centres.webhook.secretHide')}</button></div>
    </div>`;
  }

  private renderForm(w: Webhook | null) {
    return html`<section aria-labelledby="settings-h">
      <h2 id="settings-h">${t('centres.webhook.settings')}</h2>
      <p>${w ? html`<span class="tag ${w.enabled ? 'done' : ''}">${w.enabled ? t('centres.webhook.on') : t('centres.webhook.off')}</span>` : t('centres.webhook.none')}</p>
      <form class="form card" novalidate @submit=${this.save}>
        <div>
          <label for="url">${t('centres.webhook.url')}</label>
          <input id="url" type="url" inputmode="url" autocomplete="off" maxlength="500" required .value=${this.url}
            aria-invalid=${this.urlError ? 'true' : 'false'} aria-describedby=${this.urlError ? 'url-hint url-error' : 'url-hint'}
            @input=${(e: Event) => {
              this.url = (e.target as HTMLInputElement).value;
              this.dirty = true;
            }} />
          <p class="hint" id="url-hint">${t('centres.webhook.urlHint')}</p>
          ${this.urlError ? html`<p class="field-error" id="url-error">${t('centres.webhook.urlInvalid')}</p>` : nothing}
        </div>
        <label class="check"><input type="checkbox" .checked=${this.enabled} @change=${(e: Event) => {
          this.enabled = (e.target as HTMLInputElement).checked;
          this.dirty = true;
        }} />${t('centres.webhook.enabled')}</label>
        <div><button type="submit" ?disabled=${this.write.busy}>${w ? t('centres.webhook.save') : t('centres.webhook.create')}</button></div>
      </form>
    </section>`;
  }

  private renderSecretTools() {
    return html`<section aria-labelledby="secret-tools-h">
      <h2 id="secret-tools-h">${t('centres.webhook.manage')}</h2>
      ${this.confirming
        ? html`<div class="confirm">
            <p><strong>${this.confirming === 'rotate' ? t('centres.webhook.rotateConfirm') : t('centres.webhook.deleteConfirm')}</strong></p>
            <div class="buttons">
              <button type="button" ?disabled=${this.write.busy} @click=${this.confirming === 'rotate' ? this.rotate : this.removeChannel}>
                ${this.confirming === 'rotate' ? t('centres.webhook.rotateYes') : t('centres.webhook.deleteYes')}
              </button>
              <button type="button" class="secondary" @click=${() => (this.confirming = '')}>${t('centres.webhook.cancel')}</button>
            </div>
          </div>`
        : html`<div class="buttons">
            <button type="button" class="secondary" @click=${() => (this.confirming = 'rotate')}>${t('centres.webhook.rotate')}</button>
            <button type="button" class="secondary" @click=${() => (this.confirming = 'delete')}>${t('centres.webhook.delete')}</button>
          </div>`}
    </section>`;
  }

  private renderDeliveries(w: Webhook) {
    const eventName = (e: string) => {
      const kind = NotificationKind.safeParse(e);
      return kind.success ? t(`notifications.kind.${kind.data}`) : e;
    };
    const outcome = (d: Webhook['recent'][number]) =>
      d.deliveredAt
        ? html`<span class="tag done">${t('centres.webhook.delivered', { time: formatDateTime(d.deliveredAt) })}</span>`
        : d.nextAttemptAt
          ? html`<span class="tag">${t('centres.webhook.retrying', { time: formatDateTime(d.nextAttemptAt) })}</span>`
          : html`<span class="tag urgent">${t('centres.webhook.failed')}</span>`;
    return html`<section aria-labelledby="deliveries-h">
      <h2 id="deliveries-h">${t('centres.webhook.recent')}</h2>
      ${w.recent.length === 0
        ? html`<p>${t('centres.webhook.noDeliveries')}</p>`
        : dataTable({
            id: 'deliveries-caption',
            caption: t('centres.webhook.recent'),
            columns: [
              { label: t('centres.webhook.col.event') },
              { label: t('centres.webhook.col.outcome') },
              { label: t('centres.webhook.col.attempts'), class: 'num' },
              { label: t('centres.webhook.col.error') },
            ],
            rows: w.recent,
            row: (d) => html`<tr data-delivery=${d.id}><td>${eventName(d.event)}</td><td>${outcome(d)}</td><td class="num">${d.attempts}</td><td>${d.lastError ? errorLabel(d.lastError) : ''}</td></tr>`,
          })}
    </section>`;
  }

  private showSecret(secret: string | undefined) {
    if (!secret) return;
    this.secret = secret;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#secret-box')?.focus());
  }

  private save(e: SubmitEvent) {
    e.preventDefault();
    const url = this.url.trim();
    let ok = false;
    try {
      ok = /^https?:$/.test(new URL(url).protocol);
    } catch {
      ok = false;
    }
    this.urlError = !ok;
    if (!ok) {
      this.renderRoot.querySelector<HTMLElement>('#url')?.focus();
      return;
    }
    void this.write.run(async () => {
      const saved = await saveWebhook(this.centreId, { url, enabled: this.enabled });
      this.dirty = false;
      this.showSecret(saved.secret);
      await this.webhook.run();
      return t('centres.webhook.saved');
    });
  }

  private readonly rotate = () =>
    void this.write.run(async () => {
      const rotated = await rotateWebhookSecret(this.centreId);
      this.confirming = '';
      this.showSecret(rotated.secret);
      return t('centres.webhook.rotated');
    });

  private readonly removeChannel = () =>
    void this.write.run(async () => {
      await deleteWebhook(this.centreId);
      this.confirming = '';
      this.secret = '';
      this.dirty = false;
      await this.webhook.run();
      return t('centres.webhook.deleted');
    });
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-centre-webhook-page': CentreWebhookPage;
  }
}
