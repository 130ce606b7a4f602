// The one ACL (firmware-bridge/src/broker/acl.ts) as both brokers enforce it: the embedded aedes
// broker checking it in process, and a real Mosquitto started from the ACL file written from it,
// allow and refuse the same publishes and subscriptions for the same table of cases.
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bridgeSubscriptions, canPublish, canSubscribe, type Principal } from '../../firmware-bridge/src/broker/acl.ts';
import { chairTopics } from '../../schemas/telemetry.ts';
import { startEmbeddedBroker } from '../../firmware-bridge/src/broker/embedded-broker.ts';
import { verifyDeviceSecret } from '../../core/devices/credentials.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { type BrokerKind, startMosquitto } from '../helpers/telemetry-fixture.ts';

type Who = 'bridge' | 'chairA';
interface Case {
  who: Who;
  action: 'publish' | 'subscribe';
  /** The topic or filter, from the two chairs' ids. */
  topic: (a: string, b: string) => string;
  allowed: boolean;
  /** Subscriptions: the topic a message is then published on, to see whether it is read. */
  probe?: (a: string, b: string) => string;
}

const t = (id: string) => chairTopics(id, 'atensi');
const cases: Case[] = [
  { who: 'bridge', action: 'publish', topic: (a) => t(a).ack, allowed: true },
  { who: 'bridge', action: 'publish', topic: (a) => t(a).telemetry, allowed: false },
  { who: 'bridge', action: 'publish', topic: (a) => t(a).status, allowed: false },
  { who: 'bridge', action: 'subscribe', topic: () => t('+').telemetry, probe: (a) => t(a).telemetry, allowed: true },
  { who: 'bridge', action: 'subscribe', topic: () => t('+').status, probe: (a) => t(a).status, allowed: true },
  { who: 'bridge', action: 'subscribe', topic: () => t('+').ack, probe: (a) => t(a).ack, allowed: false },
  { who: 'bridge', action: 'subscribe', topic: () => '#', probe: (a) => t(a).ack, allowed: false },
  { who: 'chairA', action: 'publish', topic: (a) => t(a).telemetry, allowed: true },
  { who: 'chairA', action: 'publish', topic: (a) => t(a).status, allowed: true },
  { who: 'chairA', action: 'publish', topic: (a) => t(a).ack, allowed: false },
  { who: 'chairA', action: 'publish', topic: (_a, b) => t(b).telemetry, allowed: false },
  { who: 'chairA', action: 'publish', topic: (_a, b) => t(b).status, allowed: false },
  { who: 'chairA', action: 'publish', topic: (_a, b) => t(b).ack, allowed: false },
  { who: 'chairA', action: 'subscribe', topic: (a) => t(a).ack, probe: (a) => t(a).ack, allowed: true },
  { who: 'chairA', action: 'subscribe', topic: (_a, b) => t(b).ack, probe: (_a, b) => t(b).ack, allowed: false },
  { who: 'chairA', action: 'subscribe', topic: () => t('+').ack, probe: (_a, b) => t(b).ack, allowed: false },
  { who: 'chairA', action: 'subscribe', topic: (a) => t(a).telemetry, probe: (a) => t(a).telemetry, allowed: false },
  { who: 'chairA', action: 'subscribe', topic: () => t('+').telemetry, probe: (_a, b) => t(b).telemetry, allowed: false },
  { who: 'chairA', action: 'subscribe', topic: () => '#', probe: (_a, b) => t(b).ack, allowed: false },
];
const label = (c: Case) => `${c.who} ${c.action} ${c.topic('A', 'B')}`;

describe('the ACL rules', () => {
  it('decide each case of the table', () => {
    const [a, b] = ['chairaaaa', 'chairbbbb'];
    const principal = (who: Who): Principal => (who === 'bridge' ? { kind: 'bridge' } : { kind: 'chair', deviceId: a });
    for (const c of cases) {
      const p = principal(c.who);
      const ok = c.action === 'publish' ? canPublish(p, c.topic(a, b), 'atensi').ok : canSubscribe(p, c.topic(a, b), 'atensi');
      expect(ok, label(c)).toBe(c.allowed);
    }
    expect(bridgeSubscriptions('atensi')).toEqual(['atensi/chairs/+/telemetry', 'atensi/chairs/+/status']);
  });
});

const BRIDGE = { username: 'atensi-bridge', password: 'acl-test-bridge-password' };
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A broker of each kind with the two seeded chairs registered; nothing else connected. */
async function startBroker(kind: BrokerKind, h: Harness): Promise<{ url: string; bridgeUrl: string; stop(): Promise<unknown> }> {
  if (kind === 'mosquitto') {
    const m = await startMosquitto(h, BRIDGE.password);
    return { url: `mqtt://127.0.0.1:${m.port}`, bridgeUrl: `mqtt://127.0.0.1:${m.bridgePort}`, stop: m.stop };
  }
  const secretOf = h.db.raw.prepare('SELECT mqttSecretHash AS hash FROM "Device" WHERE id = ?');
  const broker = await startEmbeddedBroker({
    port: 0, host: '127.0.0.1', prefix: 'atensi', bridge: BRIDGE, onRefusal: () => undefined,
    verifyDevice: (id, secret) => verifyDeviceSecret(secret, (secretOf.get(id) as { hash: string | null } | undefined)?.hash),
  });
  return { url: `mqtt://127.0.0.1:${broker.port}`, bridgeUrl: `mqtt://127.0.0.1:${broker.port}`, stop: broker.close };
}

for (const kind of ['aedes', 'mosquitto'] as const satisfies readonly BrokerKind[]) {
  describe(`the ${kind} broker enforces the same table`, () => {
    let h: Harness;
    let broker: Awaited<ReturnType<typeof startBroker>>;
    let a: string;
    let b: string;
    /**
     * One connection per identity (Mosquitto takes the client id from the username, so a second one
     * would take the first over), each reading what it may: the bridge every chair's telemetry and
     * status, a chair its own ack. Reopened when a broker has closed it (aedes does, on a refused publish).
     */
    const sessions = new Map<Who | 'chairB', { client: MqttClient; got: string[] }>();
    async function session(who: Who | 'chairB', reads = true) {
      const open = sessions.get(who);
      if (open?.client.connected) return open;
      const chair = who === 'chairB' ? h.creds.chairs[1]! : h.creds.chairs[0]!;
      const o: IClientOptions = { reconnectPeriod: 0, connectTimeout: 5_000, ...(who === 'bridge' ? { ...BRIDGE, clientId: BRIDGE.username } : { clientId: chair.deviceId, username: chair.deviceId, password: chair.secret }) };
      const client = await mqtt.connectAsync(who === 'bridge' ? broker.bridgeUrl : broker.url, o);
      client.on('error', () => undefined);
      const got: string[] = [];
      client.on('message', (topic, payload) => got.push(`${topic} ${payload.toString()}`));
      if (reads) await client.subscribeAsync(who === 'bridge' ? bridgeSubscriptions('atensi') : t(chair.deviceId).ack, { qos: 1 });
      sessions.set(who, { client, got });
      return sessions.get(who)!;
    }
    async function close(who: Who | 'chairB') {
      await sessions.get(who)?.client.endAsync(true).catch(() => undefined);
      sessions.delete(who);
    }
    /** Publishes as `who` and answers whether any of the three readers received it. */
    let n = 0;
    async function delivered(who: Who, topic: string, expectIt: boolean) {
      const watchers = await Promise.all((['bridge', 'chairA', 'chairB'] as const).map((w) => session(w)));
      const line = `${topic} acl-case-${kind}-${n++}`;
      (await session(who)).client.publish(topic, line.split(' ')[1]!, { qos: 0 });
      const seen = () => watchers.some((w) => w.got.includes(line));
      const until = Date.now() + (expectIt ? 5_000 : 400);
      while (!seen() && Date.now() < until) await wait(20);
      return seen();
    }

    beforeAll(async () => {
      h = await createHarness();
      [a, b] = [h.creds.chairs[0]!.deviceId, h.creds.chairs[1]!.deviceId];
      broker = await startBroker(kind, h);
    }, 60_000);
    afterAll(async () => {
      for (const who of [...sessions.keys()]) await close(who);
      await broker.stop();
      await h.close();
    });

    it('delivers the allowed publishes of the table and drops the others', async () => {
      for (const c of cases.filter((x) => x.action === 'publish')) {
        expect(await delivered(c.who, c.topic(a, b), c.allowed), label(c)).toBe(c.allowed);
      }
    }, 90_000);

    it('lets a subscription read only what the table allows', async () => {
      // Mosquitto grants any SUBSCRIBE and filters on delivery; aedes refuses it up front. Either way,
      // what counts is whether a message on a matching topic, published by whoever may, arrives.
      for (const c of cases.filter((x) => x.action === 'subscribe')) {
        await close(c.who);
        const s = await session(c.who, false);
        // aedes answers a refused filter with a failure code, which mqtt.js turns into an error.
        await s.client.subscribeAsync(c.topic(a, b), { qos: 1 }).catch(() => undefined);
        const topic = c.probe!(a, b);
        const publisher = topic.endsWith('/ack') ? 'bridge' : topic === t(a).telemetry || topic === t(a).status ? 'chairA' : 'chairB';
        const line = `${topic} acl-sub-${kind}-${n++}`;
        (await session(publisher)).client.publish(topic, line.split(' ')[1]!, { qos: 0 });
        const until = Date.now() + (c.allowed ? 5_000 : 400);
        while (!s.got.includes(line) && Date.now() < until) await wait(20);
        expect(s.got.includes(line), label(c)).toBe(c.allowed);
        await close(c.who);
      }
    }, 90_000);
  });
}
