// The bridge killed with SIGKILL mid-stream (in the embedded default that is the whole process,
// broker included) and restarted, while simulated chairs keep producing: every sample they produced
// is stored exactly once, recovered through the ring buffer and the ack protocol alone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { DemoCredentials } from '../../server/src/demo/seed.ts';
import { startFleet } from '../../firmware-bridge/src/simulator/fleet.ts';
import { startServer } from '../helpers/process.ts';
import { freePort } from '../helpers/telemetry-fixture.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atensi-kill-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('SIGKILL during a steady stream', () => {
  it('loses and duplicates nothing across repeated kills and restarts', async () => {
    const mqttPort = await freePort();
    const env = { DATA_DIR: dir, MQTT_PORT: String(mqttPort), DEMO_CHAIRS: '0', ACK_INTERVAL_MS: '200' };
    let server = await startServer(env);
    const creds = JSON.parse(fs.readFileSync(path.join(dir, 'demo-credentials.json'), 'utf8')) as DemoCredentials;
    const fleet = await startFleet({ url: `mqtt://127.0.0.1:${mqttPort}`, chairs: creds.chairs, intervalS: 0.05, physicsSpeed: 60, faultRate: 0 });
    try {
      for (let kill = 0; kill < 3; kill++) {
        await sleep(1500);
        server.child.kill('SIGKILL');
        await new Promise((r) => server.child.once('exit', r));
        await sleep(300); // chairs keep producing into their ring buffers meanwhile
        server = await startServer({ ...env, MQTT_PORT: String(mqttPort) });
      }
      await sleep(1000);
    } finally {
      // Stop producing, then wait until every chair's buffer is acknowledged.
      fleet.halt();
      const drained = await Promise.all(fleet.chairs.map((c) => c.drained(90_000)));
      await fleet.stop();
      await server.stop();
      expect(drained.every(Boolean)).toBe(true);
    }

    const db = new Database(path.join(dir, 'atensi.db'), { readonly: true });
    const rows = db
      .prepare(
        `SELECT s.deviceId AS deviceId, b.bootId AS bootId, count(*) AS n, count(DISTINCT r.seq) AS d, min(r.seq) AS lo, max(r.seq) AS hi
         FROM telemetry_raw r JOIN chair_state s ON s.key = r.device_key JOIN chair_boot b ON b.key = r.boot_key GROUP BY r.device_key, r.boot_key`,
      )
      .all() as { deviceId: string; bootId: string; n: number; d: number; lo: number; hi: number }[];
    db.close();
    let total = 0;
    for (const chair of fleet.chairs) {
      const row = rows.find((r) => r.deviceId === chair.deviceId && r.bootId === chair.bootId);
      expect(row, chair.deviceId).toBeTruthy();
      // Exactly the samples produced: 0..produced-1, each once.
      expect({ n: row!.n, distinct: row!.d, lo: row!.lo, hi: row!.hi }).toEqual({ n: chair.produced, distinct: chair.produced, lo: 0, hi: chair.produced - 1 });
      total += chair.produced;
    }
    expect(total).toBeGreaterThan(500);
  }, 400_000);
});
