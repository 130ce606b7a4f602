// Re-renders its host whenever the language changes, so every t() call picks up the new catalogue.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { onLocaleChange } from './i18n.ts';

export class LocaleController implements ReactiveController {
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.unsubscribe = onLocaleChange(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}
