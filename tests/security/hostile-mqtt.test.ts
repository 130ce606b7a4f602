// The hostile MQTT corpus (rows in ./mqtt.corpus.ts) against the embedded broker and the bridge.
// One chair plays the attacker; a victim chair stays connected throughout and a control chair
// proves after every row that the bridge still stores samples. Every row must end as it says, the
// victim's data, session and retained ack must be untouched, and the broker must keep serving.
import type { MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AckV1 } from '../../schemas/telemetry.ts';
import { sample, startTelemetryFixture, type TelemetryFixture } from '../helpers/telemetry-fixture.ts';
import { type Ids, MQTT_CATEGORIES, type MqttCase, play } from './hostile-mqtt.ts';
import { mqttCases as cases } from './mqtt.corpus.ts';

const ATTACKER = 0;
const VICTIM = 1;
const CONTROL = 2;

let f: TelemetryFixture;
let ids: Ids;
let victim: MqttClient;
let control: MqttClient;
let controlSeq = 0;
let victimSeq = 0;
const victimAcks: string[] = [];
const events = { victimCloses: 0, bridgeCloses: 0 };
const tally = { ran: 0, asExpected: 0, brokerCrashes: 0 };

const deviceOf = (i: number) => f.chairs[i]!.deviceId;
const stored = (i: number) =>
  f.count('SELECT count(*) AS n FROM telemetry_raw r JOIN chair_state s ON s.key = r.device_key WHERE s.deviceId = ?', deviceOf(i));
/** A chair's latest state; its `rejected` counter may rise when someone fails to sign in as it. */
const stateOf = (i: number) => {
  const { rejected: _counter, ...state } = f.h.db.raw.prepare('SELECT * FROM chair_state WHERE deviceId = ?').get(deviceOf(i)) as Record<string, unknown>;
  return JSON.stringify(state);
};
const lastRejectedId = () => f.count('SELECT coalesce(max(id), 0) AS n FROM rejected_message');

/** The control chair's next sample, stored: everything the bridge received before it is committed too. */
async function barrier() {
  const seq = controlSeq++;
  await control.publishAsync(`atensi/chairs/${deviceOf(CONTROL)}/telemetry`, sample(seq, {}, 'control-boot'), { qos: 1 });
  await f.waitFor(async () => (await f.svc.store.watermark(deviceOf(CONTROL), 'control-boot')) === seq, 10_000);
}

async function victimPublishes() {
  const seq = victimSeq++;
  await victim.publishAsync(`atensi/chairs/${deviceOf(VICTIM)}/telemetry`, sample(seq, {}, 'victim-boot'), { qos: 1 });
  await f.waitFor(async () => (await f.svc.store.watermark(deviceOf(VICTIM), 'victim-boot')) === seq, 10_000);
}

/** Every message retained by the broker, by topic. */
async function retained(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  // aedes's types leave out its persistence, which holds the retained messages.
  const persistence = (f.svc.broker!.aedes as unknown as { persistence: { createRetainedStream(p: string): AsyncIterable<{ topic: string; payload: Buffer }> } }).persistence;
  const stream = persistence.createRetainedStream('#');
  for await (const p of stream) out.set(p.topic, p.payload.toString());
  return out;
}

let victimSnapshot = { stored: 0, state: '' };

beforeAll(async () => {
  f = await startTelemetryFixture('aedes');
  ids = {
    attacker: deviceOf(ATTACKER),
    attackerSecret: f.chairs[ATTACKER]!.secret,
    victim: deviceOf(VICTIM),
    bridgeClientId: f.svc.bridge.client.options.clientId!,
    bridgeUsername: f.svc.bridge.client.options.username!,
  };
  f.svc.bridge.client.on('close', () => events.bridgeCloses++);
  control = await f.connectChair(CONTROL);
  victim = await f.connectChair(VICTIM);
  victim.on('close', () => events.victimCloses++);
  victim.on('message', (_t, p) => victimAcks.push(p.toString()));
  await victim.subscribeAsync(`atensi/chairs/${deviceOf(VICTIM)}/ack`, { qos: 1 });
  await victimPublishes();
  await f.waitFor(() => victimAcks.length > 0);
  victimSnapshot = { stored: stored(VICTIM), state: stateOf(VICTIM) };
}, 60_000);

afterAll(async () => {
  const byCategory = MQTT_CATEGORIES.map((c) => `${c} ${cases.filter((r) => r.category === c).length}`).join(', ');
  console.log(`hostile-mqtt: ${tally.ran} cases, ${tally.asExpected} as expected, ${tally.brokerCrashes} broker or bridge failures (${byCategory})`);
  await f?.close();
});

describe('the corpus', () => {
  it('has rows with unique names in every category', () => {
    const names = cases.map((r) => r.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    for (const c of MQTT_CATEGORIES) expect(cases.some((r) => r.category === c), c).toBe(true);
  });
});

async function runCase(row: MqttCase) {
  tally.ran += 1;
  const since = lastRejectedId();
  const attackerBefore = stored(ATTACKER);
  const played = await play(f, ids, row);
  try {
    await barrier();
  } catch (err) {
    tally.brokerCrashes += 1;
    throw err;
  }
  expect(played.connection, 'connection').toBe(row.expect.connection);
  if (row.expect.subscription === 'refused') {
    expect(played.granted?.length, 'SUBACK').toBeGreaterThan(0);
    for (const g of played.granted!) expect(g, 'granted QoS').toBe(128);
  }
  const rows = f.h.db.raw.prepare('SELECT reason, detail FROM rejected_message WHERE id > ? ORDER BY id').all(since) as { reason: string; detail: string }[];
  expect(rows.map((r) => r.reason), 'RejectedMessage reasons').toEqual(row.expect.rejected ? rows.map(() => row.expect.rejected) : []);
  if (row.expect.rejected) expect(rows.length, 'a RejectedMessage row').toBeGreaterThan(0);
  for (const r of rows) expect(r.detail.length).toBeGreaterThan(0);
  expect(stored(ATTACKER) - attackerBefore, 'samples stored for the attacker').toBe(row.expect.stored ?? 0);
  // The victim: same data, still connected, and no ack it did not earn.
  expect({ stored: stored(VICTIM), state: stateOf(VICTIM) }).toEqual(victimSnapshot);
  expect(events.victimCloses, 'the victim was disconnected').toBe(0);
  for (const a of victimAcks) expect(AckV1.parse(JSON.parse(a))).toMatchObject({ bootId: 'victim-boot' });
  expect(events.bridgeCloses, 'the bridge was disconnected').toBe(0);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  tally.asExpected += 1;
}

for (const category of MQTT_CATEGORIES) {
  describe(category, () => {
    for (const row of cases.filter((r) => r.category === category)) it(row.name, () => runCase(row));

    it('the broker and the bridge still serve, and hold no retained message a chair planted', async () => {
      // The victim's session survived: it still publishes, and its samples are stored.
      await victimPublishes();
      victimSnapshot = { stored: stored(VICTIM), state: stateOf(VICTIM) };
      await barrier();
      const kept = await retained();
      for (const [topic, payload] of kept) {
        expect(topic, 'only acks (the bridge\'s) and statuses are retained').toMatch(/^atensi\/chairs\/[a-z0-9]+\/(ack|status)$/);
        if (topic.endsWith('/ack')) expect(AckV1.parse(JSON.parse(payload)).seq, topic).toBeLessThan(1000);
      }
      expect(JSON.parse(kept.get(`atensi/chairs/${deviceOf(VICTIM)}/ack`) ?? 'null')).toMatchObject({ bootId: 'victim-boot' });
    });
  });
}
