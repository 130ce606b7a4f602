// mqtt.js handles incoming packets one at a time and sends a QoS 1 PUBACK as soon as
// `handleMessage` calls back, so holding that callback until a commit would allow one message per
// transaction. Instead the callback returns at once (the next packet flows) and the PUBACK packet
// itself is held here until its message is committed. This wraps mqtt.js's internal `_sendPacket`;
// tests/firmware-bridge pin the behaviour (no PUBACK reaches the broker before the commit).
import type { MqttClient } from 'mqtt';

type SendPacket = (packet: { cmd: string; messageId?: number }, cb?: () => void, ...rest: unknown[]) => void;

export class DeferredPuback {
  private readonly held = new Set<number>();
  private readonly ready = new Map<number, Parameters<SendPacket>>();
  private readonly original: SendPacket;

  constructor(private readonly client: MqttClient) {
    const c = client as unknown as { _sendPacket: SendPacket };
    if (typeof c._sendPacket !== 'function') throw new Error('mqtt.js internals changed: _sendPacket missing');
    this.original = c._sendPacket.bind(client);
    c._sendPacket = (packet, cb, ...rest) => {
      if (packet.cmd === 'puback' && packet.messageId !== undefined && this.held.has(packet.messageId)) {
        this.ready.set(packet.messageId, [packet, undefined, ...rest]);
        cb?.();
        return;
      }
      this.original(packet, cb, ...rest);
    };
  }

  /** Marks a message whose PUBACK must wait; call before handing the callback back to mqtt.js. */
  hold(messageId: number) {
    this.held.add(messageId);
  }

  /** The message is durable: its PUBACK may go now. */
  release(messageId: number) {
    this.held.delete(messageId);
    const args = this.ready.get(messageId);
    if (!args) return;
    this.ready.delete(messageId);
    this.original(...args);
  }

  /** On reconnect the broker resends unacknowledged messages; forget PUBACKs of the old connection. */
  reset() {
    this.held.clear();
    this.ready.clear();
  }
}
