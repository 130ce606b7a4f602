// A chair's history as a timeline, newest first: each step in words, when, for whom and (staff) by
// whom. Used on the workshop's chair page and on a family's home, where the server sends only
// their own person's time with the chair.
import { Task, TaskStatus } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { RetireReason, ReturnCondition, ReturnReason, type DeviceEventView } from '../../../../schemas/chair-life.ts';
import { WorkOrderKind, WorkOrderStatus } from '../../../../schemas/work-orders.ts';
import { getHistory } from '../../data/chair-life.api.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import '../../ui/error-message.component.ts';
import { sharedStyles } from '../../ui/shared.styles.ts';

const known = <T extends string>(options: readonly T[], v: unknown): v is T => typeof v === 'string' && (options as readonly string[]).includes(v);

/** The reason and details of a step, in words this client knows (codes it does not know are left out). */
function detailLine(s: DeviceEventView): string {
  const parts: string[] = [];
  if (known(ReturnReason.options, s.reason) && s.kind === 'returned') parts.push(t(`chairLife.returnReason.${s.reason}`));
  if (known(RetireReason.options, s.reason) && s.kind === 'retired') parts.push(t(`chairLife.retireReason.${s.reason}`));
  const d = s.details ?? {};
  if (known(ReturnCondition.options, d.condition)) parts.push(`${t('chairLife.return.condition')}: ${t(`chairLife.condition.${d.condition}`)}`);
  if (known(WorkOrderKind.options, d.workOrderKind)) parts.push(t(`workOrders.kind.${d.workOrderKind}`));
  if (known(WorkOrderStatus.options, d.status)) parts.push(t(`workOrders.status.${d.status}`));
  if (typeof d.dueAt === 'string') parts.push(`${t('chairLife.loan.dueAt')}: ${d.dueAt}`);
  if (typeof d.note === 'string') parts.push(d.note);
  if (typeof d.notes === 'string') parts.push(d.notes);
  return parts.join(' · ');
}

@customElement('atensi-chair-history')
export class ChairHistory extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      ol { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.5rem; }
      li { border-left: 4px solid var(--c-primary); background: var(--c-surface); padding: 0.5rem 0.75rem; border-radius: var(--radius); }
      .what { font-weight: 600; }
      .title { font-weight: 700; font-size: 1.25rem; margin: 1rem 0 0.5rem; }
      .who, .detail { display: block; color: var(--c-muted); overflow-wrap: anywhere; }
    `,
  ];

  @property() deviceId = '';
  /** The heading's level in the host page: 2 on the chair page, 4 under a family's chair. */
  @property({ type: Number }) level = 2;

  private readonly locale = new LocaleController(this);

  private readonly history = new Task(this, {
    task: ([id], { signal }) => getHistory(id, signal),
    args: () => [this.deviceId] as const,
  });

  /** Loads again (after a step on the chair). */
  reload() {
    void this.history.run();
  }

  override render() {
    const heading = html`<p role="heading" aria-level=${this.level} id="history-heading" class="title">${t('chairLife.history.title')}</p>`;
    return html`<section aria-labelledby="history-heading">${heading}${this.renderSteps()}</section>`;
  }

  private renderSteps() {
    if (this.history.status === TaskStatus.ERROR) {
      return html`<atensi-error-message .error=${this.history.error} retryable @atensi-retry=${() => this.history.run()}></atensi-error-message>`;
    }
    const items = this.history.value?.items;
    if (!items) return html`<p class="status" role="status">${t('app.loading')}</p>`;
    if (items.length === 0) return html`<p>${t('chairLife.history.empty')}</p>`;
    return html`<ol aria-labelledby="history-heading" data-history>
      ${items.map((s) => {
        const detail = detailLine(s);
        return html`<li data-kind=${s.kind}>
          <span class="what">${t(`chairLife.kind.${s.kind}`)}</span>
          <time datetime=${s.at}>${formatDateTime(s.at)}</time>
          ${s.beneficiary || s.actor
            ? html`<span class="who">${[s.beneficiary ? t('chairLife.history.for', { name: s.beneficiary.name }) : '', s.actor ? t('chairLife.history.by', { name: s.actor.name }) : ''].filter(Boolean).join(' · ')}</span>`
            : nothing}
          ${detail ? html`<span class="detail">${detail}</span>` : nothing}
        </li>`;
      })}
    </ol>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-chair-history': ChairHistory;
  }
}
