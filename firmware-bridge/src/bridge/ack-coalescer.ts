// Coalesces per-chair acks: at most one retained ack per chair per interval, and one at once when
// a chair (re)connects, so acks do not double broker traffic.
export interface Ack {
  bootId: string;
  seq: number;
}

export interface AckCoalescerOptions {
  intervalMs: number;
  publish(deviceId: string, ack: Ack): void;
  setInterval?: typeof setInterval;
  clearInterval?: typeof clearInterval;
}

export class AckCoalescer {
  private readonly dirty = new Map<string, Ack>();
  private readonly sent = new Map<string, string>();
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(private readonly o: AckCoalescerOptions) {
    this.timer = (o.setInterval ?? setInterval)(() => this.tick(), o.intervalMs);
    this.timer.unref?.();
  }

  /** A newer committed position for a chair; sent on the next tick. */
  update(deviceId: string, ack: Ack) {
    this.dirty.set(deviceId, ack);
  }

  /** Sends the chair's position now (after it reconnects it needs it to resend what is missing). */
  now(deviceId: string, ack: Ack) {
    this.dirty.delete(deviceId);
    this.send(deviceId, ack, true);
  }

  tick() {
    for (const [deviceId, ack] of this.dirty) this.send(deviceId, ack, false);
    this.dirty.clear();
  }

  private send(deviceId: string, ack: Ack, force: boolean) {
    const key = `${ack.bootId}:${ack.seq}`;
    if (!force && this.sent.get(deviceId) === key) return;
    this.sent.set(deviceId, key);
    this.o.publish(deviceId, ack);
  }

  close() {
    (this.o.clearInterval ?? clearInterval)(this.timer);
    this.tick();
  }
}
