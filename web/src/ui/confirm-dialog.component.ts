// A confirmation before an action that cannot be undone or loses something: a native modal <dialog>
// (focus kept inside, Escape answers "no") saying what will happen, with the safe choice first.
import { LitElement, html } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { dialogStyles } from './dialog.styles.ts';
import { t, type MessageKey, type MessageParams } from '../i18n/i18n.ts';
import { LocaleController } from '../i18n/locale.controller.ts';
import { sharedStyles } from './shared.styles.ts';

export interface ConfirmRequest {
  title: MessageKey;
  /** What will happen, in plain words. */
  consequence: MessageKey;
  /** The destructive button says what it does, e.g. "Cancel the request". */
  confirm: MessageKey;
  /** The safe way out, e.g. "Keep the request". */
  keep: MessageKey;
  params?: MessageParams;
}

@customElement('atensi-confirm-dialog')
export class ConfirmDialog extends LitElement {
  static override styles = [
    sharedStyles,
    dialogStyles,
  ];

  @state() private request: ConfirmRequest | undefined;
  @query('dialog') private dialog!: HTMLDialogElement;
  private answer: ((yes: boolean) => void) | undefined;
  private trigger: Element | null = null;
  private readonly locale = new LocaleController(this);

  /** Opens the dialog; resolves true only when the person chose the action. */
  async ask(request: ConfirmRequest): Promise<boolean> {
    this.answer?.(false);
    this.trigger = deepActiveElement();
    this.request = request;
    await this.updateComplete;
    this.dialog.showModal();
    // The safe choice has focus, so Enter pressed by habit does not destroy anything.
    this.renderRoot.querySelector<HTMLElement>('button.keep')?.focus();
    return new Promise((resolve) => (this.answer = resolve));
  }

  private close(yes: boolean) {
    const answer = this.answer;
    this.answer = undefined;
    if (this.dialog.open) this.dialog.close();
    if (this.trigger instanceof HTMLElement && this.trigger.isConnected) this.trigger.focus();
    answer?.(yes);
  }

  override render() {
    const r = this.request;
    return html`<dialog aria-labelledby="confirm-title" aria-describedby="confirm-consequence" @close=${() => this.close(false)}>
      ${r
        ? html`<h2 id="confirm-title">${t(r.title, r.params)}</h2>
            <p class="consequence" id="confirm-consequence">${t(r.consequence, r.params)}</p>
            <div class="buttons">
              <button type="button" class="keep" @click=${() => this.close(false)}>${t(r.keep, r.params)}</button>
              <button type="button" class="secondary danger" @click=${() => this.close(true)}>${t(r.confirm, r.params)}</button>
            </div>`
        : ''}
    </dialog>`;
  }
}

/**
 * Asks for confirmation in the page's one confirm dialog (created on first use, at the end of the
 * body so no page's layout or stacking holds it); resolves true only when the person chose the action.
 */
export function confirmAction(request: ConfirmRequest): Promise<boolean> {
  let dialog = document.querySelector('atensi-confirm-dialog');
  if (!dialog) dialog = document.body.appendChild(document.createElement('atensi-confirm-dialog'));
  return dialog.ask(request);
}

function deepActiveElement(): Element | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-confirm-dialog': ConfirmDialog;
  }
}
