// Fault: the bridge killed with SIGKILL 20 times during a steady stream from 50 simulated chairs.
// Production's split layout: Mosquitto, the API (TELEMETRY=off) and the bridge (`npm run bridge`) in
// their own processes on one SQLite file, so the API keeps answering while the bridge dies. Every
// sample must be stored exactly once, recovered through the chairs' ring buffers and the ack
// protocol alone.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fleet, startFleet } from '../../firmware-bridge/src/simulator/fleet.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { startBridgeProcess } from '../helpers/bridge-process.ts';
import { type RunningServer, startServer } from '../helpers/process.ts';
import { startMosquitto } from '../helpers/telemetry-fixture.ts';
import { ledger, median, provisionChairs, report, sleep, startProbe } from './kit.ts';

const KILLS = 20;
const CHAIRS = 50;
const INTERVAL_S = 0.1; // 10 samples/s per chair: 500 msg/s in all

let h: Harness;
let mosquitto: Awaited<ReturnType<typeof startMosquitto>>;
let api: RunningServer;
const bridgePassword = randomBytes(18).toString('base64url');

function startBridge(mqttPort: number) {
  return startBridgeProcess({ dataDir: h.dir, mqttPort, password: bridgePassword });
}

beforeAll(async () => {
  h = await createHarness();
  // Chairs are registered before Mosquitto's password file is written from the registry.
  fleetChairs = provisionChairs(h.db.raw, CHAIRS, 'k');
  mosquitto = await startMosquitto(h, bridgePassword);
  api = await startServer({ DATA_DIR: h.dir, TELEMETRY: 'off' });
});
afterAll(async () => {
  await api?.stop();
  await mosquitto?.stop();
  await h?.close();
});

let fleetChairs: ReturnType<typeof provisionChairs>;

describe('fault: the bridge killed with SIGKILL during a steady stream', () => {
  it(`stores every sample exactly once across ${KILLS} kills of the bridge, and the API answers throughout`, async () => {
    const probe = await startProbe(h, `http://127.0.0.1:${api.port}`);
    let bridge = await startBridge(mosquitto.bridgePort);
    let fleet: Fleet | undefined;
    const restartMs: number[] = [];
    const started = performance.now();
    try {
      fleet = await startFleet({ url: `mqtt://127.0.0.1:${mosquitto.port}`, chairs: fleetChairs, intervalS: INTERVAL_S, physicsSpeed: 60, faultRate: 0, seed: 7 });
      for (let kill = 0; kill < KILLS; kill++) {
        await sleep(500 + ((kill * 389) % 1000)); // 0.5–1.5 s of stream between kills
        const exited = new Promise((r) => bridge.child.once('exit', r));
        bridge.child.kill('SIGKILL');
        await exited;
        await sleep(200); // the chairs keep producing into their ring buffers meanwhile
        bridge = await startBridge(mosquitto.bridgePort);
        restartMs.push(bridge.startMs);
        if ((kill + 1) % 5 === 0) console.log(`bridge-kill: ${kill + 1}/${KILLS} kills, ${fleet.stats().produced} samples produced`);
      }
      await sleep(1000);
    } finally {
      fleet?.halt();
    }
    const drainStarted = performance.now();
    const drained = await Promise.all(fleet!.chairs.map((c) => c.drained(120_000)));
    const drainMs = performance.now() - drainStarted;
    await fleet!.stop();
    const exited = new Promise((r) => bridge.child.once('exit', r));
    bridge.child.kill('SIGTERM');
    await exited;
    const apiFigures = await probe.stop();

    const counted = ledger(h.db.raw, fleet!.chairs);
    report('bridge-kill', {
      kills: KILLS, seconds: Math.round((performance.now() - started) / 1000), ...counted, wrongBoots: counted.wrongBoots.length,
      bridgeRestartMedianMs: median(restartMs), drainMs: Math.round(drainMs),
      apiRequests: apiFigures.requests, apiFailed: apiFigures.failed, apiP99Ms: apiFigures.p99Ms, apiMaxMs: apiFigures.maxMs,
    });
    expect(drained.every(Boolean), 'every chair had its buffer acknowledged').toBe(true);
    expect(counted.wrongBoots).toEqual([]);
    expect({ lost: counted.lost, duplicated: counted.duplicated }).toEqual({ lost: 0, duplicated: 0 });
    expect(counted.produced).toBeGreaterThan(CHAIRS * 10 * 15); // at least ~15 s of stream
    expect(apiFigures.failures).toEqual([]);
    expect(apiFigures.requests).toBeGreaterThan(50);
  });
});
