// A real HTTP server for browser tests: a fresh copy of the seeded database (via the harness), the
// full app on an ephemeral loopback port, and the built web app (rebuilt first if it is missing or
// older than its sources, so `vitest run tests/web` works on its own).
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createHarness, type Harness } from './harness.ts';
import { ensureWebBuild } from '../../scripts/build-web.ts';

export interface WebServer {
  /** http://localhost:PORT — loopback over plain HTTP, so the server uses the non-__Host cookie. */
  baseUrl: string;
  harness: Harness;
  /** The demo account for a role (and centre code), with its password. */
  user: Harness['user'];
  close(): Promise<void>;
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
