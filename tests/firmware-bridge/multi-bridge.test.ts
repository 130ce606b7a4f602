// Several bridges on one Mosquitto, as the README offers: two `npm run bridge` processes started
// with the same environment (no BRIDGE_CLIENT_ID of their own) on a broker configured by
// `mosquitto:config`, simulated chairs streaming, then every sample must be stored exactly once and
// acknowledged, each chair's ack must never move backwards, and the broker must log no client-id
// takeover.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { startFleet } from '../../firmware-bridge/src/simulator/fleet.ts';
import { startBridgeProcess, type BridgeProcess } from '../helpers/bridge-process.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { startMosquitto } from '../helpers/telemetry-fixture.ts';
import { ledger, provisionChairs, sleep } from '../faults/kit.ts';

const CHAIRS = 8;
const STREAM_MS = 12_000;
const password = randomBytes(18).toString('base64url');

let h: Harness;
let mosquitto: Awaited<ReturnType<typeof startMosquitto>>;
const bridges: BridgeProcess[] = [];
let fleetChairs: ReturnType<typeof provisionChairs>;

beforeAll(async () => {
  h = await createHarness();
  fleetChairs = provisionChairs(h.db.raw, CHAIRS, 'm');
  mosquitto = await startMosquitto(h, password);
});
afterAll(async () => {
  await Promise.all(bridges.map((b) => b.stop()));
  await mosquitto?.stop();
  await h?.close();
});

describe('two bridges on one Mosquitto', () => {
  it('store every sample once, acknowledge every sample, never move an ack back, and take over no client id', { timeout: 180_000 }, async () => {
    for (let i = 0; i < 2; i++) bridges.push(await startBridgeProcess({ dataDir: h.dir, mqttPort: mosquitto.bridgePort, password }));
    const fleet = await startFleet({ url: `mqtt://127.0.0.1:${mosquitto.port}`, chairs: fleetChairs, intervalS: 0.05, physicsSpeed: 60, faultRate: 0, seed: 11 });
    // Every ack a chair hears for its boot, in order: each must be at least the one before.
    const backwards: string[] = [];
    for (const chair of fleet.chairs) {
      let last = -1;
      chair.on('ack', (seq: number) => {
        if (seq < 0) return;
        if (seq < last) backwards.push(`${chair.deviceId}: ${last} then ${seq}`);
        last = Math.max(last, seq);
      });
    }
    await sleep(STREAM_MS);
    fleet.halt();
    const drained = await Promise.all(fleet.chairs.map((c) => c.drained(60_000)));
    const unacked = fleet.stats().unacked;
    await fleet.stop();
    const counted = ledger(h.db.raw, fleet.chairs);
    const takeovers = mosquitto.log().split('\n').filter((l) => /already connected, closing old connection/.test(l));

    expect(counted.produced).toBeGreaterThan(CHAIRS * 100);
    expect({ lost: counted.lost, duplicated: counted.duplicated, wrongBoots: counted.wrongBoots.slice(0, 3) }).toEqual({ lost: 0, duplicated: 0, wrongBoots: [] });
    expect({ unacked, drained: drained.every(Boolean) }).toEqual({ unacked: 0, drained: true });
    expect(takeovers.slice(0, 3)).toEqual([]);
    expect(backwards.slice(0, 3)).toEqual([]);
    // Both bridges took part: the shared subscription spread the chairs' messages over them.
    const perBridge = h.db.raw.prepare('SELECT count(*) AS n FROM telemetry_raw').get() as { n: number };
    expect(perBridge.n).toBe(counted.produced);
  });
});
