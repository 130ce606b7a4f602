// Coalesces per-chair acks: at most one retained ack per chair and boot per interval, and one at
// once when a chair (re)connects, so acks do not double broker traffic. Boots are kept apart: after a
// power cut a chair resends samples of its previous boot, and that boot needs its own ack, sent
// before the current boot's so the retained one is the current boot's.
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
  private readonly dirty = new Map<string, { deviceId: string; ack: Ack }>();
  private readonly sent = new Map<string, number>();
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(private readonly o: AckCoalescerOptions) {
    this.timer = (o.setInterval ?? setInterval)(() => this.tick(), o.intervalMs);
    this.timer.unref?.();
  }

  /** A newer committed position for a chair; sent on the next tick. */
  update(deviceId: string, ack: Ack) {
    const key = `${deviceId}\u0000${ack.bootId}`;
    this.dirty.delete(key); // keep the most recently updated boot last
    this.dirty.set(key, { deviceId, ack });
  }

  /** Sends the chair's position now (after it reconnects it needs it to resend what is missing). */
  now(deviceId: string, ack: Ack) {
    this.dirty.delete(`${deviceId}\u0000${ack.bootId}`);
    this.send(deviceId, ack, true);
  }

  tick() {
    for (const { deviceId, ack } of this.dirty.values()) this.send(deviceId, ack, false);
    this.dirty.clear();
  }

  private send(deviceId: string, ack: Ack, force: boolean) {
    const key = `${deviceId}\u0000${ack.bootId}`;
    if (!force && this.sent.get(key) === ack.seq) return;
    this.sent.set(key, ack.seq);
    this.o.publish(deviceId, ack);
  }

  close() {
    (this.o.clearInterval ?? clearInterval)(this.timer);
    this.tick();
  }
}
