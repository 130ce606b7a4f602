// The simulated chair's no-loss behaviour against the real bridge and embedded broker (ring buffer, resends, reboots, bad payloads) and `npm run simulate`.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RejectReason } from '../../schemas/telemetry.ts';
import { BAD_KINDS, type BadKind, carriesSeq } from '../../firmware-bridge/src/simulator/bad-payloads.ts';
import { SimulatedChair, type SimulatedChairOptions } from '../../firmware-bridge/src/simulator/chair.ts';
import { seededRandom } from '../../firmware-bridge/src/simulator/usage-model.ts';
import { bridgeSubscriptions } from '../../firmware-bridge/src/broker/acl.ts';
import { startEmbeddedBroker } from '../../firmware-bridge/src/broker/embedded-broker.ts';
import { startTelemetryFixture, type TelemetryFixture } from '../helpers/telemetry-fixture.ts';
import { setTimeout as sleep } from 'node:timers/promises';

describe('simulated chair against the bridge (embedded broker)', () => {
  let f: TelemetryFixture;
  const chairs: SimulatedChair[] = [];
  beforeAll(async () => {
    f = await startTelemetryFixture('aedes');
  });
  afterAll(async () => {
    await Promise.all(chairs.map((c) => c.powerOff()));
    await f?.close();
  });

  const connect = async (i: number, o: Partial<SimulatedChairOptions> = {}) => {
    const { deviceId, secret } = f.chairs[i]!;
    const chair = new SimulatedChair({ deviceId, secret, url: f.url, random: seededRandom(100 + i), physicsSpeed: 600, ...o });
    chair.on('error', () => undefined); // connection resets during the drop tests; it reconnects
    chairs.push(chair);
    await chair.powerUp();
    return chair;
  };
  const deviceKey = (c: SimulatedChair) => f.count('SELECT key AS n FROM chair_state WHERE deviceId = ?', c.deviceId);
  /** What telemetry_raw holds for one boot of a chair. */
  const stored = (c: SimulatedChair, bootId = c.bootId) =>
    f.h.db.raw
      .prepare(
        `SELECT count(*) AS n, count(DISTINCT r.seq) AS distinctSeqs, min(r.seq) AS lo, max(r.seq) AS hi
         FROM telemetry_raw r JOIN chair_boot b ON b.key = r.boot_key WHERE r.device_key = ? AND b.bootId = ?`,
      )
      .get(deviceKey(c), bootId) as { n: number; distinctSeqs: number; lo: number | null; hi: number | null };
  const exactlyOnce = (n: number) => ({ n, distinctSeqs: n, lo: 0, hi: n - 1 });
  const online = (c: SimulatedChair) => f.count('SELECT online AS n FROM chair_state WHERE deviceId = ?', c.deviceId);
  const tick = (c: SimulatedChair, n: number) => Array.from({ length: n }, () => c.tick());

  it('stores every sample exactly once, as produced, and drains its ring buffer on acks', async () => {
    const chair = await connect(0);
    const samples = tick(chair, 30);
    expect(await chair.drained(10_000)).toBe(true);
    expect(stored(chair)).toEqual(exactlyOnce(30));
    const rows = f.h.db.raw.prepare('SELECT seq, soc10, volt100, odo_m AS odo FROM telemetry_raw WHERE device_key = ? ORDER BY seq').all(deviceKey(chair));
    expect(rows).toEqual(samples.map((s) => ({ seq: s.seq, soc10: Math.round(s.battery.socPct * 10), volt100: Math.round(s.battery.voltageV * 100), odo: s.usage.odometerM })));
    expect(await f.svc.store.watermark(chair.deviceId, chair.bootId)).toBe(29);
    expect(online(chair)).toBe(1);
  });

  it('resends after a dropped connection what the retained ack does not cover: no loss, no duplicate rows', async () => {
    const chair = await connect(1);
    // What reaches the bridge from this chair, per seq.
    const received = new Map<number, number>();
    const count = (topic: string, payload: Buffer) => {
      if (topic !== chair.topics.telemetry) return;
      const seq = (JSON.parse(payload.toString()) as { seq: number }).seq;
      received.set(seq, (received.get(seq) ?? 0) + 1);
    };
    f.svc.bridge.client.on('message', count);
    tick(chair, 10);
    expect(await chair.drained(10_000)).toBe(true); // 0–9 committed and acked

    chair.dropConnection();
    await f.waitFor(() => !chair.connected);
    tick(chair, 15); // 10–24 while disconnected: buffered only
    expect(chair.ring.map((e) => e.seq)).toEqual(Array.from({ length: 15 }, (_, i) => 10 + i));
    await f.waitFor(() => online(chair) === 0); // the Last Will
    await f.waitFor(() => chair.connected && online(chair) === 1);
    expect(await chair.drained(10_000)).toBe(true);
    expect(stored(chair)).toEqual(exactlyOnce(25));
    // Above the retained ack only: 0–9 were not sent again.
    for (let seq = 0; seq < 10; seq++) expect(received.get(seq), `seq ${seq}`).toBe(1);
    for (let seq = 10; seq < 25; seq++) expect(received.get(seq), `seq ${seq}`).toBeGreaterThanOrEqual(1);
    f.svc.bridge.client.off('message', count);

    // Dropped again right after publishing, before any ack: whatever got through is stored once.
    tick(chair, 5);
    chair.dropConnection();
    await f.waitFor(() => !chair.connected);
    tick(chair, 5);
    await f.waitFor(() => chair.connected);
    expect(await chair.drained(10_000)).toBe(true);
    expect(stored(chair)).toEqual(exactlyOnce(35));
  });

  it('starts a new boot id and seq 0 after a reboot, and keeps both boots', async () => {
    const chair = await connect(2);
    tick(chair, 5);
    const firstBoot = chair.bootId;
    await chair.reboot();
    expect(chair.bootId).not.toBe(firstBoot);
    const after = tick(chair, 7);
    expect(after.map((s) => [s.bootId, s.seq])).toEqual(after.map((_, i) => [chair.bootId, i]));
    expect(await chair.drained(10_000)).toBe(true);
    expect(stored(chair, firstBoot)).toEqual(exactlyOnce(5));
    expect(stored(chair)).toEqual(exactlyOnce(7));
    await f.waitFor(() => f.h.db.raw.prepare('SELECT bootId FROM chair_state WHERE deviceId = ?').pluck().get(chair.deviceId) === chair.bootId);
  });

  it('keeps samples of the previous boot after a power cut, and acks of the new boot do not discard them', async () => {
    const chair = await connect(3);
    tick(chair, 30);
    expect(await chair.drained(10_000)).toBe(true);
    const firstBoot = chair.bootId;
    chair.dropConnection();
    await f.waitFor(() => !chair.connected);
    tick(chair, 5); // seq 30–34 of the first boot, never sent
    await chair.powerOff();
    await chair.powerUp();
    tick(chair, 10); // seq 0–9 of the second boot, below the first boot's buffered seqs
    await f.waitFor(() => stored(chair, firstBoot).n === 35 && stored(chair).n === 10);
    await f.waitFor(() => chair.ring.every((e) => e.bootId === firstBoot));
    expect(stored(chair, firstBoot)).toEqual(exactlyOnce(35));
    expect(stored(chair)).toEqual(exactlyOnce(10));
  });

  it('retransmits, on the same connection, samples whose ack stalls (lost between broker and bridge)', async () => {
    // Chair 0 again (the others are spoken for), powered up anew with a short timeout: a new boot.
    await chairs.find((c) => c.deviceId === f.chairs[0]!.deviceId)?.powerOff();
    const chair = await connect(0, { retransmitMs: 300 });
    tick(chair, 5);
    expect(await chair.drained(10_000)).toBe(true);
    // The bridge stops listening: the broker drops what the chair publishes meanwhile.
    const telemetryTopic = bridgeSubscriptions('atensi')[0]!;
    await f.svc.bridge.client.unsubscribeAsync(telemetryTopic);
    const retransmits: number[] = [];
    chair.on('retransmit', (n: number) => retransmits.push(n));
    tick(chair, 8); // seq 5–12, lost
    await sleep(100);
    await f.svc.bridge.client.subscribeAsync(telemetryTopic, { qos: 1 });
    tick(chair, 4); // seq 13–16 arrive, but the ack cannot pass the gap at 5
    expect(chair.connected).toBe(true);
    expect(await chair.drained(10_000)).toBe(true);
    expect(retransmits.length).toBeGreaterThan(0);
    expect(stored(chair)).toEqual(exactlyOnce(17));
  });

  it('turns every kind of injected bad payload into a rejected message with its reason', async () => {
    const chair = await connect(4);
    const reasons: Record<BadKind, RejectReason> = {
      bad_json: 'bad_json', schema: 'schema', unknown_field: 'schema', oversize: 'oversize',
      future_ts: 'future_timestamp', not_utf8: 'not_utf8', proto: 'schema', nan: 'bad_json',
    };
    tick(chair, 1);
    for (const kind of BAD_KINDS) chair.sendBad(kind);
    tick(chair, 1);
    const rejected = () => f.h.db.raw.prepare('SELECT reason FROM rejected_message WHERE device_id = ? ORDER BY id').pluck().all(chair.deviceId);
    await f.waitFor(() => rejected().length === BAD_KINDS.length);
    expect(rejected()).toEqual(BAD_KINDS.map((k) => reasons[k]));
    expect(chair.badSent).toBe(BAD_KINDS.length);
    // The ack moved past the refused samples' slots, so the buffer drains.
    expect(await chair.drained(10_000)).toBe(true);
    const slots = BAD_KINDS.filter(carriesSeq).length;
    expect(stored(chair)).toEqual({ n: 2, distinctSeqs: 2, lo: 0, hi: slots + 1 }); // the valid samples around them
    expect(f.count('SELECT rejected AS n FROM chair_state WHERE deviceId = ?', chair.deviceId)).toBe(BAD_KINDS.length);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('runs as `npm run simulate -- --chairs N --interval S` and stops with nothing unacknowledged', async () => {
    const file = path.join(f.h.dir, 'sim-credentials.json');
    fs.writeFileSync(file, JSON.stringify({ chairs: f.chairs.slice(5, 8) }));
    const run = (...args: string[]) => promisify(execFile)('node_modules/.bin/tsx', ['firmware-bridge/src/simulator/cli.ts', ...args], { timeout: 20_000 });
    const { stdout } = await run('--chairs', '2', '--interval', '0.2', '--duration', '1', '--url', f.url, '--credentials', file, '--seed', '3');
    const [, produced, unacked] = /stopped: (\d+) samples, (\d+) not acknowledged/.exec(stdout) ?? [];
    expect(Number(unacked)).toBe(0);
    expect(Number(produced)).toBeGreaterThanOrEqual(6);
    const rows = (i: number) => f.count('SELECT count(*) AS n FROM telemetry_raw r JOIN chair_state s ON s.key = r.device_key WHERE s.deviceId = ?', f.chairs[i]!.deviceId);
    expect(rows(5) + rows(6)).toBe(Number(produced));
    expect(rows(7)).toBe(0); // --chairs 2 of 3
    await expect(run('--bad-kinds', 'schema,nonsense', '--credentials', file)).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--bad-kinds') });
  });
});

describe('embedded broker while the bridge is not yet subscribed', () => {
  it('answers chairs "server unavailable", and they connect by themselves once it is', async () => {
    let accepting = false;
    const refusals: unknown[] = [];
    const broker = await startEmbeddedBroker({
      port: 0,
      host: '127.0.0.1',
      prefix: 'atensi',
      bridge: { username: 'bridge', password: 'bridge-secret-0123456789' },
      verifyDevice: () => true,
      onRefusal: (r) => refusals.push(r),
      acceptingChairs: () => accepting,
    });
    const chair = new SimulatedChair({ deviceId: 'chairearly01', secret: 's', url: `mqtt://127.0.0.1:${broker.port}`, random: seededRandom(1) });
    try {
      let connected = false;
      const up = chair.powerUp().then(() => (connected = true));
      await sleep(1200); // two refused attempts at least
      expect(connected).toBe(false);
      accepting = true;
      await up;
      expect(chair.connected).toBe(true);
      expect(refusals).toEqual([]); // a start-up wait is not a refusal worth a rejected-message row
    } finally {
      await chair.powerOff();
      await broker.close();
    }
  });
});
