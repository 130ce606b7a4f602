// The ingest benchmark's brokers: the embedded aedes (a worker process) or a real Mosquitto started
// from the files `npm run mosquitto:config` writes (chairs on one listener, bridges on the other).
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { mosquittoFiles, mosquittoFileSet } from '../src/broker/mosquitto-config.ts';
import { mosquittoAccount, writeMosquittoFiles } from '../src/broker/mosquitto-files.ts';

/** The bridge (and ceiling subscriber) credential on the bench's brokers. */
export const BENCH_BRIDGE = { username: 'bench-bridge', password: 'bench-bridge-password' };

export interface BenchBroker {
  /** Where chairs connect. */
  url: string;
  /** Where bridges and the ceiling subscriber connect. */
  bridgeUrl: string;
  stop(): Promise<void>;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

async function waitForPort(port: number) {
  for (let i = 0; i < 200; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => s.end(() => resolve(true)));
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Mosquitto did not listen on ${port}`);
}

/** A fresh Mosquitto (its own folder, so no sessions or backlog from an earlier phase). */
export async function startBenchMosquitto(raw: Database.Database): Promise<BenchBroker> {
  const [port, bridgePort] = [await freePort(), await freePort()];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atensi-bench-mosquitto-'));
  const owner = mosquittoAccount(dir, 'mosquitto');
  const files = mosquittoFiles(raw, {
    prefix: 'atensi', bridgeUsername: BENCH_BRIDGE.username, bridgePassword: BENCH_BRIDGE.password, dir, port, bridgePort, bind: '127.0.0.1', user: owner?.name,
  });
  writeMosquittoFiles(dir, mosquittoFileSet(files), owner);
  const child: ChildProcess = spawn('mosquitto', ['-c', path.join(dir, 'mosquitto.conf')], { stdio: 'ignore' });
  await waitForPort(port);
  await waitForPort(bridgePort);
  return {
    url: `mqtt://127.0.0.1:${port}`,
    bridgeUrl: `mqtt://127.0.0.1:${bridgePort}`,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => {
          fs.rmSync(dir, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
