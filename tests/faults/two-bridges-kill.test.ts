// Fault: two bridges share Mosquitto's subscription while chairs stream, and one of them is killed
// with SIGKILL again and again and started again from the same environment. The shared subscription
// keeps dealing messages to the dead bridge's persistent session; the restarted bridge takes its old
// client id back and receives them, the live one commits the same chairs meanwhile, and every sample
// must be stored exactly once and acknowledged, with no client-id takeover at the broker.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fleet, startFleet } from '../../firmware-bridge/src/simulator/fleet.ts';
import { type BridgeProcess, startBridgeProcess } from '../helpers/bridge-process.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { startMosquitto } from '../helpers/telemetry-fixture.ts';
import { ledger, median, provisionChairs, report, sleep } from './kit.ts';

const KILLS = 10;
const CHAIRS = 30;
const INTERVAL_S = 0.1; // 300 msg/s in all

let h: Harness;
let mosquitto: Awaited<ReturnType<typeof startMosquitto>>;
let fleetChairs: ReturnType<typeof provisionChairs>;
const password = randomBytes(18).toString('base64url');
const bridges: BridgeProcess[] = [];
const clientIdOf = (b: BridgeProcess) => /client id ([A-Za-z0-9_-]+)/.exec(b.output())?.[1];
const start = () => startBridgeProcess({ dataDir: h.dir, mqttPort: mosquitto.bridgePort, password });

beforeAll(async () => {
  h = await createHarness();
  fleetChairs = provisionChairs(h.db.raw, CHAIRS, 't');
  mosquitto = await startMosquitto(h, password);
});
afterAll(async () => {
  await Promise.all(bridges.map((b) => b.stop()));
  await mosquitto?.stop();
  await h?.close();
});

describe('fault: one of two bridges killed repeatedly', () => {
  it(`stores every sample exactly once across ${KILLS} kills of one bridge while the other runs`, async () => {
    bridges.push(await start(), await start());
    const ids = bridges.map(clientIdOf);
    expect(new Set(ids).size).toBe(2);
    let fleet: Fleet | undefined;
    const restartMs: number[] = [];
    const started = performance.now();
    try {
      fleet = await startFleet({ url: `mqtt://127.0.0.1:${mosquitto.port}`, chairs: fleetChairs, intervalS: INTERVAL_S, physicsSpeed: 60, faultRate: 0, seed: 5 });
      for (let kill = 0; kill < KILLS; kill++) {
        await sleep(700 + ((kill * 389) % 900));
        const victim = bridges[1]!;
        await victim.stop('SIGKILL');
        await sleep(400); // the dead bridge's session keeps receiving its share meanwhile
        bridges[1] = await start();
        restartMs.push(bridges[1].startMs);
        // Started alike, it takes back the id (and the session) of the bridge that was killed.
        expect(clientIdOf(bridges[1])).toBe(ids[1]);
      }
      await sleep(1000);
    } finally {
      fleet?.halt();
    }
    const drained = await Promise.all(fleet!.chairs.map((c) => c.drained(120_000)));
    await fleet!.stop();
    const counted = ledger(h.db.raw, fleet!.chairs);
    const takeovers = mosquitto.log().split('\n').filter((l) => /already connected, closing old connection/.test(l));
    report('two-bridges-kill', {
      kills: KILLS, seconds: Math.round((performance.now() - started) / 1000), ...counted, wrongBoots: counted.wrongBoots.length,
      bridgeRestartMedianMs: median(restartMs), takeovers: takeovers.length,
    });
    expect(drained.every(Boolean), 'every chair had its buffer acknowledged').toBe(true);
    expect(counted.wrongBoots.slice(0, 3)).toEqual([]);
    expect({ lost: counted.lost, duplicated: counted.duplicated }).toEqual({ lost: 0, duplicated: 0 });
    expect(counted.produced).toBeGreaterThan(CHAIRS * 10 * 10);
    expect(takeovers).toEqual([]);
  });
});
