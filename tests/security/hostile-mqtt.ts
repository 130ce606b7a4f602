// The shape of the hostile MQTT corpus (rows in ./mqtt.corpus.ts) and the code that plays one row
// as the "attacker" chair against the embedded broker and the bridge, then reports what became of
// it: the connection, the subscription, the RejectedMessage rows written and the samples stored.
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import type { RejectReason } from '../../schemas/telemetry.ts';
import { rawConnect } from '../helpers/raw-mqtt.ts';
import type { TelemetryFixture } from '../helpers/telemetry-fixture.ts';

export const MQTT_CATEGORIES = ['payload', 'packet', 'topic', 'acl', 'retained', 'subscription', 'identity'] as const;
export type MqttCategory = (typeof MQTT_CATEGORIES)[number];

/** The ids a row is written against: the attacking chair, a victim chair, the bridge. */
export interface Ids {
  attacker: string;
  attackerSecret: string;
  victim: string;
  bridgeClientId: string;
  bridgeUsername: string;
}

type OfIds<T> = T | ((ids: Ids) => T);

export type MqttInput =
  /** The attacker, signed in with its own credentials, publishes once (QoS 1 unless said). */
  | { publish: { topic: OfIds<string>; payload: OfIds<string | Buffer>; retain?: boolean; qos?: 0 | 1 } }
  /** The attacker, signed in over a bare socket, sends these bytes. */
  | { raw: OfIds<Buffer> }
  /** The attacker, signed in, subscribes to this filter. */
  | { subscribe: OfIds<string> }
  /** Someone connects with these credentials ('own' = the attacker's secret). */
  | { connect: { clientId: OfIds<string>; username: OfIds<string>; password: OfIds<string> } };

export interface MqttExpect {
  /** What becomes of the connection that sent the row. */
  connection: 'refused' | 'closed' | 'open';
  /** A RejectedMessage row with this reason is written (none when absent). */
  rejected?: RejectReason;
  /** Every filter of a SUBSCRIBE is refused (granted 0x80). */
  subscription?: 'refused';
  /** Samples stored for the attacker by this row (default 0). */
  stored?: number;
}

export interface MqttCase {
  name: string;
  category: MqttCategory;
  input: MqttInput;
  expect: MqttExpect;
}

export interface Played {
  connection: 'refused' | 'closed' | 'open';
  granted?: number[];
}

const of = <T>(v: OfIds<T>, ids: Ids): T => (typeof v === 'function' ? (v as (ids: Ids) => T)(ids) : v);

function closedWithin(client: MqttClient, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    if (!client.connected) return resolve(true);
    const t = setTimeout(() => resolve(false), ms);
    client.once('close', () => (clearTimeout(t), resolve(true)));
  });
}

/** How long a refused or abusive connection gets to be closed by the broker. */
const CLOSE_MS = 1500;

export async function play(f: TelemetryFixture, ids: Ids, row: MqttCase): Promise<Played> {
  const port = Number(new URL(f.url).port);
  const base: IClientOptions = { clientId: ids.attacker, username: ids.attacker, password: ids.attackerSecret, reconnectPeriod: 0, connectTimeout: 5000 };
  const input = row.input;
  if ('connect' in input) {
    const opts = { ...base, clientId: of(input.connect.clientId, ids), username: of(input.connect.username, ids), password: of(input.connect.password, ids) };
    const client = await mqtt.connectAsync(f.url, opts).catch(() => null);
    if (!client) return { connection: 'refused' };
    const closed = await closedWithin(client, 300);
    await client.endAsync(true);
    return { connection: closed ? 'closed' : 'open' };
  }
  if ('raw' in input) {
    const client = await rawConnect(port, { clientId: ids.attacker, username: ids.attacker, password: ids.attackerSecret });
    if (client.connack !== 0) throw new Error(`the attacker could not sign in (CONNACK ${client.connack})`);
    client.send(of(input.raw, ids));
    const closed = await client.waitClosed(CLOSE_MS);
    client.end();
    return { connection: closed ? 'closed' : 'open' };
  }
  const client = await mqtt.connectAsync(f.url, base);
  try {
    if ('subscribe' in input) {
      // mqtt.js turns a refusing SUBACK into an error that carries the packet.
      const granted = await client.subscribeAsync(of(input.subscribe, ids), { qos: 1 }).then(
        (gs) => gs.map((g) => g.qos),
        (err: { packet?: { granted?: number[] } }) => err.packet?.granted ?? [],
      );
      const closed = await closedWithin(client, 300);
      return { connection: closed ? 'closed' : 'open', granted };
    }
    const p = input.publish;
    const qos = p.qos ?? 1;
    // A QoS 1 publish the broker refuses is never acknowledged: wait for the ack or the close.
    const acked = client.publishAsync(of(p.topic, ids), of(p.payload, ids), { qos, retain: p.retain ?? false }).then(() => true, () => false);
    const closed = await Promise.race([closedWithin(client, CLOSE_MS), acked.then(async (ok) => (ok ? closedWithin(client, 200) : true))]);
    return { connection: closed ? 'closed' : 'open' };
  } finally {
    await client.endAsync(true).catch(() => undefined);
  }
}
