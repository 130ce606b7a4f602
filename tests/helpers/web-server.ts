// A real HTTP server for browser tests: a fresh copy of the seeded database (via the harness), the
// full app on an ephemeral loopback port, and the built web app (rebuilt first if it is missing or
// older than its sources, so `vitest run tests/web` works on its own).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createHarness, type Harness } from './harness.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const distIndex = path.join(root, 'web', 'dist', 'index.html');
const sources = [path.join(root, 'web', 'src'), path.join(root, 'web', 'index.html'), path.join(root, 'schemas'), path.join(root, 'vite.config.ts')];
const lockDir = path.join(root, 'node_modules', '.atensi-web-build.lock');

export interface WebServer {
  /** http://localhost:PORT — loopback over plain HTTP, so the server uses the non-__Host cookie. */
  baseUrl: string;
  harness: Harness;
  /** The demo account for a role (and centre code), with its password. */
  user: Harness['user'];
  close(): Promise<void>;
}

function newestMtime(file: string): number {
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(file).map((name) => newestMtime(path.join(file, name))));
}

function buildIsCurrent(): boolean {
  if (!fs.existsSync(distIndex)) return false;
  return fs.statSync(distIndex).mtimeMs >= Math.max(...sources.filter(fs.existsSync).map(newestMtime));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Builds web/dist unless current; a lock directory keeps parallel test files from building at once. */
export async function ensureWebBuild(): Promise<void> {
  if (buildIsCurrent()) return;
  for (let waited = 0; ; waited += 200) {
    try {
      fs.mkdirSync(lockDir);
      break;
    } catch {
      // A lock older than two minutes is left over from a killed run.
      if (waited > 120_000 || Date.now() - fs.statSync(lockDir).mtimeMs > 120_000) fs.rmSync(lockDir, { recursive: true, force: true });
      await sleep(200);
    }
  }
  try {
    if (buildIsCurrent()) return;
    const { build } = await import('vite');
    // Vitest sets NODE_ENV=test, which would make Vite pick Lit's development build.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ configFile: path.join(root, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

export async function startWebServer(): Promise<WebServer> {
  await ensureWebBuild();
  const harness = await createHarness();
  let server: ServerType | undefined;
  const port = await new Promise<number>((resolve, reject) => {
    server = serve({ fetch: harness.app.fetch, port: 0, hostname: 'localhost' }, (info: AddressInfo) => resolve(info.port));
    server.once('error', reject);
  });
  return {
    baseUrl: `http://localhost:${port}`,
    harness,
    user: (role, centre) => harness.user(role, centre),
    async close() {
      await new Promise<void>((resolve) => {
        if (!server) return resolve();
        server.close(() => resolve());
        // Keep-alive sockets from the browser would otherwise hold close() open.
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await harness.close();
    },
  };
}
