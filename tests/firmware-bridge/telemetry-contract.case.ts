// One contract for the telemetry path, run against each broker (embedded aedes, Mosquitto):
// stored exactly once, acked after commit, refused or rejected with a reason, never lost.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrokerKind, TelemetryFixture } from '../helpers/telemetry-fixture.ts';
import { sample, startTelemetryFixture } from '../helpers/telemetry-fixture.ts';
import { setTimeout as sleep } from 'node:timers/promises';

export function runTelemetryContract(kind: BrokerKind) {
  describe(`telemetry contract over ${kind}`, () => {
    let f: TelemetryFixture;
    beforeAll(async () => {
      f = await startTelemetryFixture(kind);
    }, 60_000);
    afterAll(() => f.close());

    const key = (i: number) => f.count('SELECT key AS n FROM chair_state WHERE deviceId = ?', f.chairs[i]!.deviceId);
    const stored = (i: number) => f.count('SELECT count(*) AS n FROM telemetry_raw r JOIN chair_state s ON s.key = r.device_key WHERE s.deviceId = ?', f.chairs[i]!.deviceId);
    const watermark = (i: number, bootId = 'boot-a') => f.svc.store.watermark(f.chairs[i]!.deviceId, bootId);
    const rejected = (reason: string) => f.count('SELECT count(*) AS n FROM rejected_message WHERE reason = ?', reason);

    it('stores each sample once, keeps the latest state and retains the ack of the highest contiguous seq', async () => {
      const chair = await f.connectChair(0);
      const topic = `atensi/chairs/${f.chairs[0]!.deviceId}/telemetry`;
      for (let seq = 0; seq < 20; seq++) await chair.publishAsync(topic, sample(seq), { qos: 1 });
      // The broker's PUBACK to the chair says nothing about storage: wait for the commit.
      await f.waitFor(async () => (await watermark(0)) === 19);
      // A resend of what is already stored, as after a reconnect.
      for (let seq = 10; seq < 20; seq++) await chair.publishAsync(topic, sample(seq), { qos: 1 });
      await f.waitFor(() => f.count('SELECT duplicates AS n FROM chair_state WHERE deviceId = ?', f.chairs[0]!.deviceId) === 10);
      expect(stored(0)).toBe(20);
      const state = f.h.db.raw.prepare('SELECT samples, duplicates, socPct, odometerM FROM chair_state WHERE deviceId = ?').get(f.chairs[0]!.deviceId) as Record<string, number>;
      expect(state).toMatchObject({ samples: 20, duplicates: 10, socPct: 61, odometerM: 150_190 });

      const ack = await new Promise<string>((resolve) => {
        chair.on('message', (_t, p) => {
          const text = p.toString();
          if (JSON.parse(text).seq === 19) resolve(text);
        });
        void chair.subscribeAsync(`atensi/chairs/${f.chairs[0]!.deviceId}/ack`, { qos: 1 });
      });
      expect(JSON.parse(ack)).toEqual({ v: 1, bootId: 'boot-a', seq: 19 });
      await chair.endAsync();
    });

    it('fills a gap from a late resend, and a new boot id starts its own sequence', async () => {
      const chair = await f.connectChair(1);
      const topic = `atensi/chairs/${f.chairs[1]!.deviceId}/telemetry`;
      for (const seq of [0, 1, 2, 5, 6]) await chair.publishAsync(topic, sample(seq), { qos: 1 });
      await f.waitFor(() => stored(1) === 5);
      expect(await watermark(1)).toBe(2);
      for (const seq of [4, 3]) await chair.publishAsync(topic, sample(seq), { qos: 1 });
      await f.waitFor(async () => (await watermark(1)) === 6);
      for (const seq of [0, 1]) await chair.publishAsync(topic, sample(seq, {}, 'boot-b'), { qos: 1 });
      await f.waitFor(async () => (await watermark(1, 'boot-b')) === 1);
      expect(stored(1)).toBe(9);
      expect(f.count('SELECT count(DISTINCT boot_key) AS n FROM telemetry_raw WHERE device_key = ?', key(1))).toBe(2);
      await chair.endAsync();
    });

    it('rejects every kind of bad payload with its reason and still stores the valid ones around them', async () => {
      const chair = await f.connectChair(2);
      const topic = `atensi/chairs/${f.chairs[2]!.deviceId}/telemetry`;
      // Each invalid payload claims its own slot of another boot, as distinct broken samples would.
      const ok = (i: number) => JSON.parse(sample(i, {}, 'boot-bad'));
      const bad: [string, string | Buffer][] = [
        ['bad_json', '{"v":1,'],
        ['schema', JSON.stringify({ ...ok(1), battery: { ...ok(1).battery, socPct: 101 } })],
        ['schema', JSON.stringify({ ...ok(2), unknownField: 1 })],
        ['schema', `{"__proto__":{"polluted":true},${JSON.stringify(ok(3)).slice(1)}`],
        ['schema', JSON.stringify({ ...ok(4), seq: -1 })],
        ['schema', JSON.stringify({ ...ok(5), battery: { ...ok(5).battery, currentA: 'fast' } })],
        ['oversize', JSON.stringify({ ...ok(6), pad: 'x'.repeat(4000) })],
        ['not_utf8', Buffer.from([0x7b, 0xc3, 0x28, 0x7d])],
        ['future_timestamp', JSON.stringify({ ...ok(8), ts: Date.now() + 2 * 86_400_000 })],
      ];
      const before = Object.fromEntries(['bad_json', 'schema', 'oversize', 'not_utf8', 'future_timestamp'].map((r) => [r, rejected(r)]));
      let seq = 0;
      for (const [, payload] of bad) {
        await chair.publishAsync(topic, sample(seq++, {}, 'boot-c'), { qos: 1 });
        await chair.publishAsync(topic, payload, { qos: 1 });
      }
      await f.waitFor(async () => (await watermark(2, 'boot-c')) === bad.length - 1);
      await f.waitFor(() => rejected('future_timestamp') > before.future_timestamp!);
      // Refused samples whose boot id and seq are readable fill those slots (not bad JSON, not seq -1).
      const above = f.h.db.raw.prepare("SELECT b.above FROM chair_boot b JOIN chair_state s ON s.key = b.deviceKey WHERE s.deviceId = ? AND b.bootId = 'boot-bad'").get(f.chairs[2]!.deviceId) as { above: string };
      expect((JSON.parse(above.above) as number[]).sort((a, b) => a - b)).toEqual([1, 2, 3, 5, 6, 8]);
      expect(stored(2)).toBe(bad.length);
      for (const reason of new Set(bad.map(([r]) => r))) {
        expect(rejected(reason) - before[reason]!, reason).toBe(bad.filter(([r]) => r === reason).length);
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      const detail = f.h.db.raw.prepare("SELECT detail FROM rejected_message WHERE reason = 'schema' ORDER BY id LIMIT 1").get() as { detail: string };
      expect(detail.detail).toContain('battery.socPct');
      await chair.endAsync();
    });

    it('a sample refused for what it says fills its slot: the ack passes it and a resend is recorded once', async () => {
      const chair = await f.connectChair(4);
      const id = f.chairs[4]!.deviceId;
      const topic = `atensi/chairs/${id}/telemetry`;
      const broken = JSON.stringify({ ...JSON.parse(sample(2, {}, 'boot-r')), battery: { ...JSON.parse(sample(2)).battery, tempC: -55 } });
      for (const payload of [sample(0, {}, 'boot-r'), sample(1, {}, 'boot-r'), broken, sample(3, {}, 'boot-r')]) await chair.publishAsync(topic, payload, { qos: 1 });
      await f.waitFor(async () => (await watermark(4, 'boot-r')) === 3);
      const rows = () => f.count("SELECT count(*) AS n FROM rejected_message WHERE device_id = ? AND reason = 'schema'", id);
      expect(rows()).toBe(1);
      // After a reconnect the chair might resend it: it is not recorded again.
      await chair.publishAsync(topic, broken, { qos: 1 });
      await chair.publishAsync(topic, sample(4, {}, 'boot-r'), { qos: 1 });
      await f.waitFor(async () => (await watermark(4, 'boot-r')) === 4);
      expect(rows()).toBe(1);
      expect(stored(4)).toBe(4);
      await chair.endAsync();
    });

    it('does not let a chair publish as another chair', async () => {
      const before = stored(4);
      const chair = await f.connectChair(3);
      chair.publish(`atensi/chairs/${f.chairs[4]!.deviceId}/telemetry`, sample(0), { qos: 1 });
      await sleep(500);
      expect(stored(4)).toBe(before);
      await chair.endAsync(true);
    });

    it('refuses a wrong secret and another chair\'s client id', async () => {
      await expect(f.connectChair(0, { password: 'not-the-secret' })).rejects.toThrow();
      const other = f.chairs[1]!;
      if (kind === 'aedes') {
        await expect(f.connectChair(0, { clientId: other.deviceId })).rejects.toThrow();
      } else {
        // Mosquitto replaces the client id with the username (use_username_as_clientid): no takeover.
        const c = await f.connectChair(0, { clientId: other.deviceId });
        expect(c.connected).toBe(true);
        await c.endAsync();
      }
    });

    it('grants a chair no wildcard or foreign subscription', async () => {
      const chair = await f.connectChair(5);
      const granted = await chair.subscribeAsync(['#', '$SYS/#', `atensi/chairs/${f.chairs[0]!.deviceId}/ack`], { qos: 1 }).catch(() => []);
      const received: string[] = [];
      chair.on('message', (t) => received.push(t));
      const other = await f.connectChair(6);
      await other.publishAsync(`atensi/chairs/${f.chairs[6]!.deviceId}/telemetry`, sample(0), { qos: 1 });
      await sleep(400);
      expect(received).toEqual([]);
      // aedes refuses the subscriptions outright; Mosquitto grants them but its ACL delivers nothing.
      if (kind === 'aedes') for (const g of granted) expect([128, 135]).toContain(g.qos);
      await other.endAsync();
      await chair.endAsync(true);
    });

    it('tracks online and offline from status messages and the Last Will', async () => {
      const c = f.chairs[7]!;
      const online = () => f.count('SELECT online AS n FROM chair_state WHERE deviceId = ?', c.deviceId);
      const chair = await f.connectChair(7, {
        will: { topic: `atensi/chairs/${c.deviceId}/status`, payload: Buffer.from('{"v":1,"state":"offline"}'), qos: 1, retain: true },
      });
      await chair.publishAsync(`atensi/chairs/${c.deviceId}/status`, JSON.stringify({ v: 1, state: 'online', bootId: 'boot-s', fw: '1.2.3', ts: Date.now() }), { qos: 1, retain: true });
      await f.waitFor(() => online() === 1);
      (chair as unknown as { stream: { destroy(): void } }).stream.destroy();
      await f.waitFor(() => online() === 0);
    });

    it('stores a sample published by the real mosquitto_pub client', async () => {
      const c = f.chairs[6]!;
      const port = new URL(f.url).port;
      const before = stored(6);
      // Asynchronously: the embedded broker runs on this process's event loop.
      await promisify(execFile)('mosquitto_pub', ['-h', '127.0.0.1', '-p', port, '-q', '1', '-i', c.deviceId, '-u', c.deviceId, '-P', c.secret,
        '-t', `atensi/chairs/${c.deviceId}/telemetry`, '-m', sample(1)]);
      await f.waitFor(() => stored(6) === before + 1);
    });
  });
}
