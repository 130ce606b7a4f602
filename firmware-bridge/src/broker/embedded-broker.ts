// The embedded MQTT broker (aedes) of the single-process default: per-device authentication
// against hashed secrets (throttled per client id and address), the ACL of acl.ts, packet-size
// and topic limits. Refusals are reported (never silent) so that technicians see them.
import net from 'node:net';
import { Duplex } from 'node:stream';
import { Aedes, type Client } from 'aedes';
import type { RejectReason } from '../../../schemas/telemetry.ts';
import { DeviceId, MAX_PACKET_BYTES, parseChairTopic } from '../../../schemas/telemetry.ts';
import { canPublish, canSubscribe, type Principal } from './acl.ts';
import { ConnectThrottle } from './connect-throttle.ts';
import { PacketSizeGuard } from './packet-size-guard.ts';
import { timingSafeEqual } from 'node:crypto';

export interface BrokerRefusal {
  clientId: string | null;
  deviceId: string | null;
  topic: string;
  reason: RejectReason;
  detail: string;
  size: number;
  /**
   * A refusal before the client signed in (a failed or throttled CONNECT, an oversized first
   * packet): anyone can cause these, so they are stored as counts per key and window.
   */
  beforeSignIn?: boolean;
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
  /** Counts refused connections per client id and address; pass one to keep counts across restarts. */
  throttle?: ConnectThrottle;
}

export interface EmbeddedBroker {
  port: number;
  aedes: Aedes;
  /** Ends the open connection of this client id, if any (a chair whose secret was just replaced). */
  disconnect(clientId: string): boolean;
  close(): Promise<void>;
}

const principals = new WeakMap<Client, Principal>();
/** The socket address of each client, for the per-address connection throttle. */
const addresses = new WeakMap<Client, string>();

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
  const maxPacketBytes = o.maxPacketBytes ?? MAX_PACKET_BYTES;
  const throttle = o.throttle ?? new ConnectThrottle({ maxFailures: 10, windowMs: 15 * 60_000 });
  const aedes = await Aedes.createBroker({
    maxClientsIdLength: 64,
    maxTopicLevels: 8,
    queueLimit: 1000,
    authenticate(client, username, password, done) {
      const secret = password?.toString('utf8') ?? '';
      const address = addresses.get(client) ?? 'unknown';
      const refuse = (deviceId: string | null, detail: string, code: 4 | 5) => {
        o.onRefusal({ clientId: client.id, deviceId, topic: '', reason: 'auth_failed', detail, size: 0, beforeSignIn: true });
        done(authError(code, detail), false);
      };
      if (username === o.bridge.username) {
        // The bridge's password is compared in memory (no database work), and its client id is
        // never locked: a stranger's wrong guesses count against the stranger's address only.
        if (sameSecret(secret, o.bridge.password)) {
          principals.set(client, { kind: 'bridge' });
          return done(null, true);
        }
        void throttle.charge(address);
        return refuse(null, 'wrong password for the bridge account', 4);
      }
      // A chair's username, client id and device id are one and the same.
      const deviceId = username ?? '';
      const claimed = DeviceId.safeParse(deviceId).success && client.id === deviceId ? deviceId : null;
      void (async () => {
        // The attempt is counted before anything is checked, so parallel connects cannot slip past.
        if (!(await throttle.admit(client.id, address))) return refuse(claimed, 'too many refused connections; refused unchecked', 5);
        if (!claimed) return refuse(null, 'client id must equal the device id used as username', 5);
        if (o.acceptingChairs && !o.acceptingChairs()) {
          await throttle.release(client.id, address);
          return done(authError(3, 'the bridge is not subscribed yet'), false);
        }
        if (!o.verifyDevice(deviceId, secret)) return refuse(deviceId, secret ? 'wrong secret or unknown device' : 'no secret given', 4);
        await throttle.release(client.id, address);
        principals.set(client, { kind: 'chair', deviceId });
        done(null, true);
      })().catch((err: Error) => done(Object.assign(err, { returnCode: 3 }), false));
    },
    authorizePublish(client, packet, callback) {
      if (!client) return callback(null); // the broker's own ($SYS) messages
      const p = principals.get(client);
      const decision = p ? canPublish(p, packet.topic, o.prefix) : ({ ok: false, reason: 'forbidden' } as const);
      if (decision.ok) {
        // Telemetry is never retained (docs/asyncapi.yaml): a retained sample would be replayed to every new
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

  const connected = new Map<string, Client>();
  aedes.on('client', (client) => connected.set(client.id, client));
  aedes.on('clientDisconnect', (client) => {
    if (connected.get(client.id) === client) connected.delete(client.id);
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
        beforeSignIn: !p,
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
    addresses.set(client, socket.remoteAddress ?? 'unknown');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host ?? '0.0.0.0', () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;

  return {
    port,
    aedes,
    disconnect(clientId) {
      const client = connected.get(clientId);
      client?.close();
      return client !== undefined;
    },
    close: () =>
      new Promise<void>((resolve) => {
        aedes.close(() => server.close(() => resolve()));
        for (const s of [server]) s.unref();
      }),
  };
}
