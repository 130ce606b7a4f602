// The bridge's MQTT side: a stable client id and persistent session, QoS 1 subscriptions (shared
// on an external broker), PUBACK only after commit, and retained acks coalesced per chair.
import mqtt, { type MqttClient } from 'mqtt';
import { chairTopics } from '../../../schemas/telemetry.ts';
import type { TelemetryStore } from '../../../core/telemetry/telemetry-store.ts';
import { bridgeSubscriptions } from '../broker/acl.ts';
import { AckCoalescer } from './ack-coalescer.ts';
import { DeferredPuback } from './deferred-puback.ts';
import type { IngestPipeline } from './ingest-pipeline.ts';

export interface MqttBridgeOptions {
  url: string;
  username: string;
  password: string;
  clientId: string;
  prefix: string;
  /** Shared-subscription group on brokers that support it (Mosquitto, EMQX); null for aedes. */
  sharedGroup: string | null;
  protocolVersion: 4 | 5;
  pipeline: IngestPipeline;
  store: TelemetryStore;
  ackIntervalMs: number;
  onConnect?(): void;
  onError?(err: Error): void;
}

export interface MqttBridge {
  client: MqttClient;
  acks: AckCoalescer;
  ready: Promise<void>;
  /** True while connected and subscribed (after the SUBACK of this connection). */
  readonly subscribed: boolean;
  close(): Promise<void>;
}

export function startMqttBridge(o: MqttBridgeOptions): MqttBridge {
  const client = mqtt.connect(o.url, {
    clientId: o.clientId,
    username: o.username,
    password: o.password,
    clean: false,
    protocolVersion: o.protocolVersion,
    ...(o.protocolVersion === 5 ? { properties: { sessionExpiryInterval: 7 * 24 * 3600, receiveMaximum: 65535 } } : {}),
    reconnectPeriod: 500,
    connectTimeout: 10_000,
    resubscribe: false, // subscribed explicitly after every connect, below
  });
  const puback = new DeferredPuback(client);
  const acks = new AckCoalescer({
    intervalMs: o.ackIntervalMs,
    current: (deviceId, bootId) => o.store.watermark(deviceId, bootId),
    canSend: () => client.connected,
    publish(deviceId, ack) {
      client.publish(chairTopics(deviceId, o.prefix).ack, JSON.stringify({ v: 1, bootId: ack.bootId, seq: ack.seq }), { qos: 1, retain: true });
    },
  });

  client.handleMessage = (packet, callback) => {
    const id = packet.messageId;
    if (packet.qos > 0 && id !== undefined) puback.hold(id);
    const accepted = o.pipeline.push(packet.topic, packet.payload as Buffer, () => {
      if (id !== undefined) puback.release(id);
    });
    if (!accepted) return; // shutting down: left unacknowledged, so the broker redelivers it
    if (o.pipeline.saturated) void o.pipeline.drained().then(() => callback());
    else callback();
  };

  const topics = bridgeSubscriptions(o.prefix).map((t) => (o.sharedGroup ? `$share/${o.sharedGroup}/${t}` : t));
  // Ready once subscribed (SUBACK), not merely connected: a chair's samples published before
  // that would find no subscriber on a fresh broker.
  let isSubscribed = false;
  let readyNow: () => void;
  const ready = new Promise<void>((resolve, reject) => {
    readyNow = resolve;
    client.once('error', (err) => reject(err));
  });
  const subscribed = () => {
    isSubscribed = true;
    readyNow();
  };
  let retry: NodeJS.Timeout | undefined;
  // A refused subscription (an error, or granted QoS 128) is tried again while connected: without
  // it the bridge would hear nothing, and the embedded broker would keep chairs waiting for ever.
  const subscribe = () => {
    client.subscribe(topics, { qos: 1 }, (err, granted) => {
      const refused = granted?.filter((g) => g.qos === 128).map((g) => g.topic) ?? [];
      if (!err && refused.length === 0) return subscribed();
      o.onError?.(err ?? new Error(`subscription refused: ${refused.join(', ')}`));
      clearTimeout(retry);
      retry = setTimeout(() => client.connected && subscribe(), 1000);
    });
  };
  client.on('connect', () => {
    puback.reset();
    // Subscribe after every connect, even when the broker says it kept the session: Mosquitto
    // restored from its persistence file reports the session but no longer routes the shared
    // subscription to it (found by tests/faults/broker-restart.test.ts). The same filter again
    // replaces the subscription (MQTT 3.1.1 §3.8.4), so this is always safe.
    subscribe();
    o.onConnect?.();
  });
  client.on('close', () => {
    isSubscribed = false;
    clearTimeout(retry);
  });
  client.on('error', (err) => o.onError?.(err));

  return {
    client,
    acks,
    ready,
    get subscribed() {
      return isSubscribed;
    },
    async close() {
      clearTimeout(retry);
      // Leave the shared group first: the broker then deals the chairs' messages to the other
      // bridges instead of queueing them in this bridge's session until it comes back.
      if (client.connected) await client.unsubscribeAsync(topics).catch(() => undefined);
      await o.pipeline.close();
      await acks.close();
      await client.endAsync(false);
    },
  };
}
