// Starts the real bridge process (`npm run bridge`: node with tsx, so a signal reaches the bridge
// itself) against an external broker, and waits until it has subscribed.
import { type ChildProcess, spawn } from 'node:child_process';
import { root } from './process.ts';

export interface BridgeProcess {
  child: ChildProcess;
  startMs: number;
  output: () => string;
  /** Sends the signal and resolves when the process has exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export function startBridgeProcess(o: { dataDir: string; mqttPort: number; password: string; env?: Record<string, string> }): Promise<BridgeProcess> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'firmware-bridge/src/main.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: o.dataDir, LOG_LEVEL: 'warn',
      MQTT_URL: `mqtt://127.0.0.1:${o.mqttPort}`, MQTT_PASSWORD: o.password, ACK_INTERVAL_MS: '200', ...o.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bridge not ready in 60 s:\n${out}`)), 60_000);
    const early = (code: number | null) => reject(new Error(`bridge exited with ${code}:\n${out}`));
    child.once('exit', early);
    child.stdout!.on('data', () => {
      if (!out.includes('Atensi bridge is ready')) return;
      clearTimeout(timer);
      child.off('exit', early);
      resolve({
        child,
        startMs: performance.now() - started,
        output: () => out,
        stop(signal = 'SIGTERM') {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          return exited;
        },
      });
    });
  });
}
