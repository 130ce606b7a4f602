// `npm run mosquitto:config` as the README documents it: the files it writes start a real Mosquitto
// as they are (also as root, where Mosquitto drops to its own user before reading them), and a folder
// Mosquitto's user cannot reach is refused up front with what to do.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mqtt from 'mqtt';
import { afterAll, describe, expect, it } from 'vitest';
import { mosquittoAccount, unreachableAncestor } from '../../firmware-bridge/src/broker/mosquitto-files.ts';
import { freePort } from '../helpers/telemetry-fixture.ts';

const made: string[] = [];
const tmp = (prefix: string) => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(d);
  return d;
};
afterAll(() => {
  for (const d of made) fs.rmSync(d, { recursive: true, force: true });
});

describe('npm run mosquitto:config', () => {
  it('writes files that Mosquitto starts from as written, and the bridge signs in', async () => {
    const dataDir = tmp('atensi-data-');
    // As the README has it: a folder that does not exist yet (here under the system's temporary folder).
    const parent = path.join(os.tmpdir(), `atensi-conf-${process.pid}-${Date.now()}`);
    made.push(parent);
    const out = path.join(parent, 'mosquitto');
    const port = await freePort();
    const bridgePort = await freePort();
    const args = ['--out', out, '--port', String(port), '--bridge-port', String(bridgePort), '--bind', '127.0.0.1'];
    const run = spawnSync('npx', ['tsx', 'firmware-bridge/src/broker/mosquitto-config.ts', ...args], {
      env: { ...process.env, DATA_DIR: dataDir, MQTT_PASSWORD: 'bridge-secret-for-test', ATENSI_DEMO: '0', LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`mosquitto -c ${path.join(out, 'mosquitto.conf')}`);
    for (const f of ['passwd', 'passwd-bridge', 'acl']) expect(fs.statSync(path.join(out, f)).mode & 0o777, f).toBe(0o600);
    const broker = spawn('/usr/sbin/mosquitto', ['-c', path.join(out, 'mosquitto.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    broker.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    // Two bridges on the bridges' listener, each with its own client id, both stay connected.
    const bridge = (p: number, clientId: string) =>
      mqtt.connect(`mqtt://127.0.0.1:${p}`, { username: 'atensi-bridge', password: 'bridge-secret-for-test', clientId, reconnectPeriod: 200, connectTimeout: 5_000 });
    const connects = (client: mqtt.MqttClient) =>
      new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), 20_000);
        client.once('connect', () => (clearTimeout(timer), resolve(true)));
      });
    try {
      const clients = [bridge(bridgePort, 'atensi-bridge-a'), bridge(bridgePort, 'atensi-bridge-b')];
      expect(await Promise.all(clients.map(connects)), log).toEqual([true, true]);
      await new Promise((r) => setTimeout(r, 300));
      expect(clients.map((c) => c.connected)).toEqual([true, true]);
      await Promise.all(clients.map((c) => c.endAsync(true)));
      // The bridge account is not one of the chairs' listener: it is refused there.
      const refused = await mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, {
        username: 'atensi-bridge', password: 'bridge-secret-for-test', clientId: 'x', reconnectPeriod: 0, connectTimeout: 5_000,
      }).then((c) => (c.end(true), false), () => true);
      expect(refused).toBe(true);
      expect(log).not.toMatch(/Unable to open|Permission denied|already connected/);
    } finally {
      broker.kill('SIGTERM');
    }
  });

  it('refuses, with the fix, a folder that Mosquitto\'s user cannot reach when started as root', () => {
    const closed = tmp('atensi-closed-');
    fs.chmodSync(closed, 0o700);
    const out = path.join(closed, 'mosquitto');
    expect(unreachableAncestor(out, { uid: 54321, gid: 54321 })).toBe(closed);
    expect(unreachableAncestor(path.join(os.tmpdir(), 'atensi-not-made', 'x'), { uid: 54321, gid: 54321 })).toBeNull();
    expect(() => mosquittoAccount(out, 'mosquitto', true)).toThrow(`chmod o+x ${closed}`);
    expect(() => mosquittoAccount(out, 'no-such-user-here', true)).toThrow(/no such user/);
    expect(mosquittoAccount(out, 'mosquitto', false)).toBeNull();
  });
});
