// A telemetry stack for tests: a fresh seeded database, a broker (embedded aedes or a real
// Mosquitto configured from the registry) and the bridge, plus helpers to act as a chair.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { parseConfig } from '../../server/src/config.ts';
import { mosquittoFiles, mosquittoFileSet } from '../../firmware-bridge/src/broker/mosquitto-config.ts';
import { mosquittoAccount, writeMosquittoFiles } from '../../firmware-bridge/src/broker/mosquitto-files.ts';
import { createLogger } from '../../core/log/logger.ts';
import { startTelemetry, type TelemetryService, type TelemetryServiceOptions } from '../../firmware-bridge/src/telemetry-service.ts';
import { createHarness, type Harness } from './harness.ts';
import { setTimeout as sleep } from 'node:timers/promises';

export type BrokerKind = 'aedes' | 'mosquitto';

export interface TelemetryFixture {
  kind: BrokerKind;
  h: Harness;
  /** The external broker in 'mosquitto' fixtures. */
  mosquitto: Awaited<ReturnType<typeof startMosquitto>> | null;
  svc: TelemetryService;
  url: string;
  chairs: { deviceId: string; secret: string }[];
  connectChair(i: number, opts?: Partial<IClientOptions>): Promise<MqttClient>;
  count(sql: string, ...params: unknown[]): number;
  waitFor(check: () => boolean | Promise<boolean>, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => s.end(() => resolve(true)));
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`nothing listens on ${port}`);
    await sleep(50);
  }
}

export async function startMosquitto(h: Harness, bridgePassword: string, prefix = 'atensi') {
  const port = await freePort();
  const bridgePort = await freePort();
  // The files exactly as `npm run mosquitto:config` writes them (as root: owned by the user Mosquitto
  // drops to), in a folder of their own under the system's temporary folder, which that user can reach.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atensi-mosquitto-'));
  const owner = mosquittoAccount(dir, 'mosquitto');
  const files = mosquittoFiles(h.db.raw, { prefix, bridgeUsername: 'atensi-bridge', bridgePassword, dir, port, bridgePort, bind: '127.0.0.1', user: owner?.name });
  writeMosquittoFiles(dir, mosquittoFileSet(files), owner);
  let log = '';
  const launch = async () => {
    const child: ChildProcess = spawn('mosquitto', ['-c', path.join(dir, 'mosquitto.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr!.on('data', (d) => (log += d));
    await waitForPort(port);
    await waitForPort(bridgePort);
    return child;
  };
  const stopped = (child: ChildProcess, signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill(signal))));
  const broker = {
    port,
    /** Where bridges connect (chairs connect on `port`). */
    bridgePort,
    /** What Mosquitto has logged so far (its default log destination, stderr). */
    log: () => log,
    child: await launch(),
    stop: async () => {
      await stopped(broker.child, 'SIGTERM');
      fs.rmSync(dir, { recursive: true, force: true });
    },
    /** Stops Mosquitto (SIGKILL: a crash; SIGTERM: it saves its persistence file) and starts it again on the same port. */
    async restart(signal: NodeJS.Signals = 'SIGKILL', downMs = 0) {
      await stopped(broker.child, signal);
      if (downMs) await sleep(downMs);
      broker.child = await launch();
    },
  };
  return broker;
}

export async function startTelemetryFixture(
  kind: BrokerKind,
  env: Record<string, string> = {},
  /** Runs on the fresh database before the broker starts (e.g. to register more chairs). */
  prepare?: (h: Harness) => void,
  /** Passed to the telemetry service (e.g. `metrics` for the /metrics tests). */
  options: Pick<TelemetryServiceOptions, 'metrics'> = {},
): Promise<TelemetryFixture> {
  const h = await createHarness();
  prepare?.(h);
  const bridgePassword = 'test-bridge-password';
  const mosquitto = kind === 'mosquitto' ? await startMosquitto(h, bridgePassword) : null;
  const config = parseConfig({
    DATA_DIR: h.dir,
    MQTT_PORT: '0',
    ACK_INTERVAL_MS: '150',
    ...(mosquitto ? { MQTT_URL: `mqtt://127.0.0.1:${mosquitto.bridgePort}`, MQTT_PASSWORD: bridgePassword } : {}),
    ...env,
  });
  const svc = await startTelemetry({ config, raw: h.db.raw, log: createLogger('silent'), ...options });
  // Chairs connect on the chairs' listener; the bridge on its own (MQTT_URL).
  const url = mosquitto ? `mqtt://127.0.0.1:${mosquitto.port}` : svc.brokerUrl;
  const clients: MqttClient[] = [];
  const fixture: TelemetryFixture = {
    kind,
    h,
    mosquitto,
    svc,
    url,
    chairs: h.creds.chairs,
    async connectChair(i, opts = {}) {
      const c = h.creds.chairs[i]!;
      const client = await mqtt.connectAsync(url, { clientId: c.deviceId, username: c.deviceId, password: c.secret, reconnectPeriod: 0, ...opts });
      clients.push(client);
      return client;
    },
    count: (sql, ...params) => (h.db.raw.prepare(sql).get(...params) as { n: number } | undefined)?.n ?? 0,
    async waitFor(check, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (!(await check())) {
        if (Date.now() > until) throw new Error('condition not met in time');
        await sleep(25);
      }
    },
    async close() {
      await Promise.all(clients.map((c) => c.endAsync(true).catch(() => undefined)));
      await svc.close();
      await mosquitto?.stop();
      await h.close();
    },
  };
  return fixture;
}

/** A valid Telemetry v1 payload. */
export function sample(seq: number, over: Record<string, unknown> = {}, bootId = 'boot-a') {
  return JSON.stringify({
    v: 1,
    bootId,
    seq,
    ts: Date.now(),
    battery: { socPct: 80 - (seq % 50), voltageV: 25.4, currentA: -4.5, tempC: 31.5, charging: false, cycleCount: 120, fullChargeAh: 18.6 },
    usage: { odometerM: 150_000 + seq * 10, motorSeconds: 90_000 + seq * 8 },
    ...over,
  });
}
