// The embedded MQTT broker (aedes) of the single-process default: per-device authentication
// against hashed secrets, the ACL of DESIGN.md, packet-size and topic limits. Refusals are
// reported (never silent) so that technicians see them as rejected messages.
import net from 'node:net';
import { Duplex } from 'node:stream';
import { Aedes, type Client } from 'aedes';
import type { RejectReason } from '../../../schemas/telemetry.ts';
import { DeviceId, parseChairTopic } from '../../../schemas/telemetry.ts';
import { canPublish, canSubscribe, type Principal } from './acl.ts';
import { PacketSizeGuard } from './packet-size-guard.ts';
import { timingSafeEqual } from 'node:crypto';

export interface BrokerRefusal {
  clientId: string | null;
  deviceId: string | null;
  topic: string;
  reason: RejectReason;
  detail: string;
  size: number;
}

export interface EmbeddedBrokerOptions {
  port: number;
  host?: string;
  prefix: string;
  bridge: { username: string; password: string };
  /** Checks a chair's secret against the device registry. */
  verifyDevice(deviceId: string, secret: string): boolean;
  onRefusal(refusal: BrokerRefusal): void;
  /**
   * False while chairs must wait (answered "server unavailable", so they retry): until the bridge
   * has subscribed, a chair's samples would reach no subscriber and be dropped by the broker.
   */
  acceptingChairs?(): boolean;
  /** Packets larger than this end the connection before they are buffered. */
  maxPacketBytes?: number;
}

export interface EmbeddedBroker {
  port: number;
  aedes: Aedes;
  close(): Promise<void>;
}

const principals = new WeakMap<Client, Principal>();

function sameSecret(a: string, b: string) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** aedes's own messages for topics it refuses outright (lib/handlers/publish.js, lib/utils.js). */
const protocolRefusal = /empty topic|is not allowed in PUBLISH|is only allowed in|too many levels/;

function authError(code: 3 | 4 | 5, message: string) {
  return Object.assign(new Error(message), { returnCode: code });
}

export async function startEmbeddedBroker(o: EmbeddedBrokerOptions): Promise<EmbeddedBroker> {
  const maxPacketBytes = o.maxPacketBytes ?? 16 * 1024;
  const aedes = await Aedes.createBroker({
    maxClientsIdLength: 64,
    maxTopicLevels: 8,
    queueLimit: 1000,
    authenticate(client, username, password, done) {
      const secret = password?.toString('utf8') ?? '';
      if (username === o.bridge.username) {
        if (!sameSecret(secret, o.bridge.password)) {
          o.onRefusal({ clientId: client.id, deviceId: null, topic: '', reason: 'auth_failed', detail: 'wrong password for the bridge account', size: 0 });
          return done(authError(4, 'bad bridge credentials'), false);
        }
        principals.set(client, { kind: 'bridge' });
        return done(null, true);
      }
      // A chair's username, client id and device id are one and the same.
      const deviceId = username ?? '';
      if (!DeviceId.safeParse(deviceId).success || client.id !== deviceId) {
        o.onRefusal({ clientId: client.id, deviceId: null, topic: '', reason: 'auth_failed', detail: 'client id must equal the device id used as username', size: 0 });
        return done(authError(5, 'client id must equal username'), false);
      }
      if (o.acceptingChairs && !o.acceptingChairs()) return done(authError(3, 'the bridge is not subscribed yet'), false);
      if (!o.verifyDevice(deviceId, secret)) {
        o.onRefusal({ clientId: client.id, deviceId, topic: '', reason: 'auth_failed', detail: 'wrong secret or unknown device', size: 0 });
        return done(authError(4, 'bad username or password'), false);
      }
      principals.set(client, { kind: 'chair', deviceId });
      done(null, true);
    },
    authorizePublish(client, packet, callback) {
      if (!client) return callback(null); // the broker's own ($SYS) messages
      const p = principals.get(client);
      const decision = p ? canPublish(p, packet.topic, o.prefix) : ({ ok: false, reason: 'forbidden' } as const);
      if (decision.ok) {
        // Telemetry is never retained (DESIGN.md): a retained sample would be replayed to every new
        // subscription of the bridge. The sample itself goes through.
        if (packet.retain && p?.kind === 'chair' && parseChairTopic(packet.topic, o.prefix)?.kind === 'telemetry') packet.retain = false;
        return callback(null);
      }
      o.onRefusal({
        clientId: client.id,
        deviceId: p?.kind === 'chair' ? p.deviceId : null,
        topic: packet.topic,
        reason: decision.reason,
        detail: `publish to ${packet.topic} refused for ${client.id}`,
        size: packet.payload?.length ?? 0,
      });
      callback(new Error('publish not authorised'));
    },
    authorizeSubscribe(client, sub, callback) {
      const p = principals.get(client);
      if (p && canSubscribe(p, sub.topic, o.prefix)) return callback(null, sub);
      o.onRefusal({
        clientId: client.id,
        deviceId: p?.kind === 'chair' ? p.deviceId : (parseChairTopic(sub.topic, o.prefix)?.deviceId ?? null),
        topic: sub.topic,
        reason: 'forbidden',
        detail: `subscription to ${sub.topic} refused`,
        size: 0,
      });
      callback(null, null);
    },
  });

  // aedes closes a connection that breaks the topic rules (an empty topic, a wildcard in a publish,
  // more levels than allowed) before any authorize hook runs: report those refusals too.
  aedes.on('clientError', (client, err) => {
    if (!protocolRefusal.test(err.message)) return;
    const p = principals.get(client);
    o.onRefusal({ clientId: client.id, deviceId: p?.kind === 'chair' ? p.deviceId : null, topic: '', reason: 'unknown_topic', detail: err.message.slice(0, 200), size: 0 });
  });

  const server = net.createServer((socket) => {
    let client: Client | undefined;
    const guard = new PacketSizeGuard(maxPacketBytes, (announced) => {
      const p = client ? principals.get(client) : undefined;
      o.onRefusal({
        clientId: client?.id ?? null,
        deviceId: p?.kind === 'chair' ? p.deviceId : null,
        topic: '',
        reason: 'oversize',
        detail: `packet of ${announced} bytes; the limit is ${maxPacketBytes}`,
        size: announced,
      });
    });
    guard.on('error', () => socket.destroy());
    socket.on('error', () => guard.destroy());
    socket.pipe(guard);
    // The broker reads through the guard and writes straight to the socket.
    const duplex = Duplex.from({ readable: guard, writable: socket });
    duplex.on('error', () => socket.destroy());
    duplex.on('close', () => socket.destroy());
    client = aedes.handle(duplex);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host ?? '0.0.0.0', () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;

  return {
    port,
    aedes,
    close: () =>
      new Promise<void>((resolve) => {
        aedes.close(() => server.close(() => resolve()));
        for (const s of [server]) s.unref();
      }),
  };
}
