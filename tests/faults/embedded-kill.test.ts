// Fault: the embedded default killed with SIGKILL mid-stream. There the bridge, the broker and the
// API are one process, so all three die and come back together (the API is down while it restarts;
// bridge-kill.test.ts covers the split layout where the API stays up). Chairs keep producing: every
// sample they produced is stored exactly once, recovered through the ring buffer and the ack
// protocol alone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { DemoCredentials } from '../../server/src/demo/seed.ts';
import { startFleet } from '../../firmware-bridge/src/simulator/fleet.ts';
import { startServer } from '../helpers/process.ts';
import { freePort } from '../helpers/telemetry-fixture.ts';
import { ledger, median, report, sleep } from './kit.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atensi-kill-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const KILLS = 5;

describe('fault: the embedded default (API, broker and bridge in one process) killed with SIGKILL', () => {
  it('loses and duplicates nothing across repeated kills and restarts', async () => {
    const mqttPort = await freePort();
    const env = { DATA_DIR: dir, MQTT_PORT: String(mqttPort), DEMO_CHAIRS: '0', ACK_INTERVAL_MS: '200' };
    let server = await startServer(env);
    const creds = JSON.parse(fs.readFileSync(path.join(dir, 'demo-credentials.json'), 'utf8')) as DemoCredentials;
    const fleet = await startFleet({ url: `mqtt://127.0.0.1:${mqttPort}`, chairs: creds.chairs, intervalS: 0.05, physicsSpeed: 60, faultRate: 0 });
    const restartMs: number[] = [];
    let drained: boolean[] = [];
    try {
      for (let kill = 0; kill < KILLS; kill++) {
        await sleep(1500);
        server.child.kill('SIGKILL');
        await new Promise((r) => server.child.once('exit', r));
        await sleep(300); // chairs keep producing into their ring buffers meanwhile
        server = await startServer(env);
        restartMs.push(server.startupMs);
      }
      await sleep(1000);
    } finally {
      // Stop producing, then wait until every chair's buffer is acknowledged.
      fleet.halt();
      drained = await Promise.all(fleet.chairs.map((c) => c.drained(90_000)));
      await fleet.stop();
      await server.stop();
    }

    const db = new Database(path.join(dir, 'atensi.db'), { readonly: true });
    const counted = ledger(db, fleet.chairs);
    db.close();
    report('embedded-kill', { kills: KILLS, ...counted, wrongBoots: counted.wrongBoots.length, processRestartMedianMs: median(restartMs) });
    expect(drained.every(Boolean), 'every chair had its buffer acknowledged').toBe(true);
    expect(counted.wrongBoots).toEqual([]);
    expect({ lost: counted.lost, duplicated: counted.duplicated }).toEqual({ lost: 0, duplicated: 0 });
    expect(counted.produced).toBeGreaterThan(500);
  });
});
