// Coalesces per-chair acks: at most one retained ack per chair and boot per interval, and one at
// once when a chair (re)connects, so acks do not double broker traffic. Boots are kept apart: after a
// power cut a chair resends samples of its previous boot, and that boot needs its own ack, sent
// before the current boot's so the retained one is the current boot's. Several bridges may ack the
// same chair: each ack carries the watermark read from the database just before it is published (the
// highest any bridge has committed, never a stale copy), and none is queued while the bridge is
// offline, where it would go out late, after a newer one from another bridge.
export interface Ack {
  bootId: string;
  seq: number;
}

export interface AckCoalescerOptions {
  intervalMs: number;
  publish(deviceId: string, ack: Ack): void;
  /** The committed watermark now (the database's); an ack never carries less than this. */
  current?(deviceId: string, bootId: string): number | Promise<number>;
  /** False while the bridge cannot publish: acks stay pending until it can. */
  canSend?(): boolean;
  setInterval?: typeof setInterval;
  clearInterval?: typeof clearInterval;
}

const keyOf = (deviceId: string, bootId: string) => `${deviceId}\u0000${bootId}`;

export class AckCoalescer {
  private readonly dirty = new Map<string, { deviceId: string; ack: Ack }>();
  private readonly sent = new Map<string, number>();
  private readonly timer: ReturnType<typeof setInterval>;
  private ticking: Promise<void> | null = null;

  constructor(private readonly o: AckCoalescerOptions) {
    this.timer = (o.setInterval ?? setInterval)(() => void this.tick(), o.intervalMs);
    this.timer.unref?.();
  }

  /** A newer committed position for a chair; sent on the next tick. */
  update(deviceId: string, ack: Ack) {
    const key = keyOf(deviceId, ack.bootId);
    this.dirty.delete(key); // keep the most recently updated boot last
    this.dirty.set(key, { deviceId, ack });
  }

  /** Sends the chair's position now (after it reconnects it needs it to resend what is missing). */
  async now(deviceId: string, ack: Ack) {
    this.dirty.delete(keyOf(deviceId, ack.bootId));
    await this.send(deviceId, ack, true);
  }

  /** Sends what changed since the last tick (one tick at a time). */
  tick(): Promise<void> {
    this.ticking ??= (async () => {
      const due = [...this.dirty.values()];
      this.dirty.clear();
      for (const { deviceId, ack } of due) await this.send(deviceId, ack, false);
    })().finally(() => (this.ticking = null));
    return this.ticking;
  }

  private async send(deviceId: string, ack: Ack, force: boolean) {
    const key = keyOf(deviceId, ack.bootId);
    if (this.o.canSend && !this.o.canSend()) {
      if (!this.dirty.has(key)) this.dirty.set(key, { deviceId, ack });
      return;
    }
    const seq = Math.max(ack.seq, (await this.o.current?.(deviceId, ack.bootId)) ?? -1);
    if (!force && this.sent.get(key) === seq) return;
    this.sent.set(key, seq);
    this.o.publish(deviceId, { bootId: ack.bootId, seq });
  }

  async close() {
    (this.o.clearInterval ?? clearInterval)(this.timer);
    await this.ticking;
    await this.tick();
  }
}
