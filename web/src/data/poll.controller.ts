// Keeps a page's data fresh: calls `refresh` every interval while the page is visible, and at once
// when the tab or window comes back into view (so a technician returning to the queue sees new work).
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export const POLL_INTERVAL_MS = 10_000;

export class PollController implements ReactiveController {
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly onVisible = () => {
    if (document.visibilityState === 'visible') this.refresh();
  };

  constructor(
    host: ReactiveControllerHost,
    private readonly refresh: () => void,
    private readonly intervalMs = POLL_INTERVAL_MS,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.timer = setInterval(() => {
      if (document.visibilityState === 'visible') this.refresh();
    }, this.intervalMs);
    document.addEventListener('visibilitychange', this.onVisible);
    window.addEventListener('focus', this.onVisible);
  }

  hostDisconnected(): void {
    clearInterval(this.timer);
    document.removeEventListener('visibilitychange', this.onVisible);
    window.removeEventListener('focus', this.onVisible);
  }
}
