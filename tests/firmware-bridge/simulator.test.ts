// The chair simulator: a repeatable usage model, valid samples over simulated weeks, and the
// firmware's no-loss behaviour against the real bridge and embedded broker (ring buffer, resend
// above the retained ack, reboots, bad payloads), plus `npm run simulate`.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RejectReason, TelemetryV1 } from '../../schemas/telemetry.ts';
import { BAD_KINDS, type BadKind, carriesSeq } from '../../firmware-bridge/src/simulator/bad-payloads.ts';
import { SimulatedChair, type SimulatedChairOptions } from '../../firmware-bridge/src/simulator/chair.ts';
import { type Random, seededRandom, UsageModel } from '../../firmware-bridge/src/simulator/usage-model.ts';
import { bridgeSubscriptions } from '../../firmware-bridge/src/broker/acl.ts';
import { startEmbeddedBroker } from '../../firmware-bridge/src/broker/embedded-broker.ts';
import { startTelemetryFixture, type TelemetryFixture } from '../helpers/telemetry-fixture.ts';
import { setTimeout as sleep } from 'node:timers/promises';

const MIN = 60_000;
/** 00:00 UTC is 07:00 in Jakarta (WIB), the model's default time zone. */
const MONDAY = Date.UTC(2026, 0, 5);
const localHour = (ms: number, offsetH = 7) => (new Date(ms).getUTCHours() + offsetH) % 24;
/** A generator that replays the given values, then repeats the last one. */
const scripted = (...values: number[]): Random => () => (values.length > 1 ? values.shift()! : values[0]!);

describe('usage model', () => {
  const day = (random: Random, activity = 0.6, days = 3) => {
    const model = new UsageModel(random, activity);
    return Array.from({ length: days * 24 * 60 }, (_, i) => ({ at: MONDAY + i * MIN, ...model.next(MONDAY + i * MIN, 60, 0.6) }));
  };

  it('repeats itself exactly for the same seed, and not for another', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const first = Array.from({ length: 1000 }, a);
    expect(Array.from({ length: 1000 }, b)).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(day(seededRandom(7))).toEqual(day(seededRandom(7)));
    expect(day(seededRandom(8))).not.toEqual(day(seededRandom(7)));
  });

  it('drives in the day, more in the busy hours, and charges at night', () => {
    const minutes = day(seededRandom(11), 1, 14);
    const driving = minutes.filter((m) => m.driving);
    expect(driving.length).toBeGreaterThan(14 * 30); // at least half an hour a day at full activity
    expect(driving.filter((m) => localHour(m.at) >= 21 || localHour(m.at) < 6)).toEqual([]);
    const busy = driving.filter((m) => [7, 8, 9, 15, 16, 17].includes(localHour(m.at))).length;
    expect(busy).toBeGreaterThan(driving.length - busy); // 6 busy hours out of 15 carry most trips
    const nights = minutes.filter((m) => localHour(m.at) >= 22 || localHour(m.at) < 5);
    expect(nights.filter((m) => m.charging).length / nights.length).toBeGreaterThan(0.8);
    expect(driving.every((m) => !m.charging && m.speedMps >= 0.8 && m.speedMps <= 1.7)).toBe(true);
    expect(day(seededRandom(11), 0, 7).some((m) => m.driving)).toBe(false);
  });

  it('works west of UTC too (a negative offset)', () => {
    // 01:00 UTC is 20:00 the day before at UTC-5: daytime, so a trip may start (not the night path).
    const model = new UsageModel(() => 0, 1, -5);
    const at = Date.UTC(2026, 0, 5, 1);
    expect(model.next(at, 60, 0.6)).toEqual({ driving: false, charging: false, speedMps: 0 });
    expect(model.next(at + MIN, 60, 0.6).driving).toBe(true);
  });

  it('unplugs the charger to drive, and does not charge after the trip until plugged in again', () => {
    // Night: plugged in. Morning: stays plugged (0.9), then a trip starts (0) and lasts 300 s.
    const model = new UsageModel(scripted(0, 0.9, 0, 0, 0.5), 1);
    expect(model.next(MONDAY - 5 * 60 * MIN, 60, 0.5).charging).toBe(true); // 02:00 WIB
    expect(model.next(MONDAY + 30 * MIN, 60, 0.5)).toMatchObject({ driving: false, charging: false }); // 07:30, trip starts
    expect(model.next(MONDAY + 31 * MIN, 60, 0.5)).toMatchObject({ driving: true, charging: false });
    for (let i = 0; i < 5; i++) model.next(MONDAY + (32 + i) * MIN, 60, 0.5);
    expect(model.next(MONDAY + 40 * MIN, 60, 0.5)).toMatchObject({ driving: false, charging: false });
  });
});

describe('simulated chair, offline', () => {
  const offlineChair = (o: Partial<SimulatedChairOptions> = {}) => {
    const clock = { now: MONDAY };
    const chair = new SimulatedChair({ deviceId: 'offline0chair', secret: 'unused', url: 'mqtt://127.0.0.1:9', random: seededRandom(5), ringSize: 100, now: () => clock.now, ...o });
    chair.bootId = 'offline-boot'; // not powered up: samples stay in the ring
    return { chair, clock };
  };

  it('produces valid Telemetry v1 for a simulated fortnight, repeatably', () => {
    const run = () => {
      const { chair, clock } = offlineChair({ chemistry: 'agm', ratedAh: 40, activity: 1 });
      return Array.from({ length: 14 * 24 * 12 }, () => ((clock.now += 5 * MIN), chair.tick()));
    };
    const samples = run();
    expect(run()).toEqual(samples);
    const invalid = samples.filter((s) => !TelemetryV1.safeParse(s).success);
    expect(invalid).toEqual([]);
    expect(samples.map((s) => s.seq)).toEqual(samples.map((_, i) => i));
    for (let i = 1; i < samples.length; i++) {
      const [a, b] = [samples[i - 1]!, samples[i]!];
      expect(b.usage.odometerM).toBeGreaterThanOrEqual(a.usage.odometerM);
      expect(b.usage.motorSeconds).toBeGreaterThanOrEqual(a.usage.motorSeconds);
      expect(b.battery.cycleCount!).toBeGreaterThanOrEqual(a.battery.cycleCount!);
    }
    expect(samples.every((s) => s.battery.charging === s.battery.currentA > 0)).toBe(true);
    expect(samples.at(-1)!.usage.odometerM - samples[0]!.usage.odometerM).toBeGreaterThan(14 * 1000);
    const socs = samples.map((s) => s.battery.socPct);
    expect(Math.max(...socs) - Math.min(...socs)).toBeGreaterThan(30); // real discharge and charge swings
  });

  it('keeps the fractions of short ticks in its lifetime counters', () => {
    // random() = 0: a trip starts at once, at 0.8 m/s; 200 ms per tick in real time.
    const { chair, clock } = offlineChair({ random: () => 0 });
    const first = chair.tick();
    let last = first;
    for (let i = 0; i < 100; i++) {
      clock.now += 200;
      last = chair.tick();
    }
    expect(last.usage.motorSeconds - first.usage.motorSeconds).toBeGreaterThanOrEqual(19);
    expect(last.usage.odometerM - first.usage.odometerM).toBeGreaterThanOrEqual(15);
  });

  it('loses the oldest samples when the ring buffer is full', () => {
    const { chair, clock } = offlineChair({ ringSize: 5 });
    for (let i = 0; i < 8; i++) ((clock.now += MIN), chair.tick());
    expect(chair.ring.map((e) => e.seq)).toEqual([3, 4, 5, 6, 7]);
    expect(chair.produced).toBe(8);
  });
});

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
    expect(f.svc.store.watermark(chair.deviceId, chair.bootId)).toBe(29);
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
