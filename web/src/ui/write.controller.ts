// One write at a time from a page or panel: busy while it runs, then its success message or its error.
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import './error-message.component.ts';

export class WriteController implements ReactiveController {
  busy = false;
  error: unknown;
  /** Said in the status line after the last write succeeded. */
  message = '';

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /**
   * Runs `action` unless a write is already running. What it returns (if anything) becomes the
   * success message; what it throws becomes the error. Resolves to whether it succeeded.
   */
  async run(action: () => Promise<string | void>): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.error = undefined;
    this.message = '';
    this.host.requestUpdate();
    try {
      const message = await action();
      if (message) this.message = message;
      return true;
    } catch (err) {
      this.error = err;
      return false;
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  /** Forgets the last outcome (e.g. when the person starts over). */
  clear(): void {
    this.error = undefined;
    this.message = '';
    this.host.requestUpdate();
  }

  /** The live line that announces the success message. */
  statusLine() {
    return html`<p class="status" role="status">${this.message}</p>`;
  }

  errorLine() {
    return this.error ? html`<atensi-error-message .error=${this.error}></atensi-error-message>` : nothing;
  }
}
