// Starts the real server process (as `npm start` does, minus the web build) and waits until it listens.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');
/** One process (node with the tsx loader), so a signal reaches the server itself, not a wrapper. */
const nodeArgs = ['--import', 'tsx'];

export interface RunningServer {
  child: ChildProcess;
  port: number;
  output: () => string;
  startupMs: number;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function startServer(env: Record<string, string>, timeoutMs = 120_000): Promise<RunningServer> {
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, 'server/src/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', MQTT_PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start in ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = () => {
      const m = /ready at http:\/\/localhost:(\d+)\//.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      resolve({
        child,
        port: Number(m[1]),
        output: () => out,
        startupMs: performance.now() - started,
        stop: (signal = 'SIGTERM') => {
          child.kill(signal);
          return exited;
        },
      });
    };
    child.stdout.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it was ready:\n${out}`));
    });
  });
}

export function run(args: string[], env: Record<string, string>, input?: string): Promise<{ code: number | null; out: string }> {
  return collect(process.execPath, [...nodeArgs, ...args], env, input);
}

/** `npm run <script> -- <args>` as the README tells a newcomer to type it. */
export function runNpm(script: string, args: string[], env: Record<string, string>, input?: string): Promise<{ code: number | null; out: string }> {
  return collect('npm', ['run', '--silent', script, '--', ...args], env, input);
}

function collect(command: string, args: string[], env: Record<string, string>, input?: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.stdin.end(input ?? '');
    child.on('exit', (code) => resolve({ code, out }));
  });
}
