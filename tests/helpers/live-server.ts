// The real server process on an empty data directory without demo data, called over HTTP as a
// browser would: sign in, open and accept invitation links, and read answers in the one error shape.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { makeClient, type Client } from './harness.ts';
import { expectJson } from './api.ts';
import { startServer, type RunningServer } from './process.ts';

export interface LiveServer {
  /** DATA_DIR and ATENSI_DEMO=0, for the CLI commands run beside the server. */
  env: Record<string, string>;
  server: RunningServer;
  anonymous(): Client;
  signIn(email: string, password: string): Promise<Client>;
  /** Opens the link as the invited person would, sets their password, and returns the signed-in client. */
  acceptInvitation(link: string, password: string): Promise<Client & { invitedAs: { name: string; role: string } }>;
  close(): Promise<void>;
}

const sessionCookie = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0]!;

export async function startLiveServer(): Promise<LiveServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atensi-first-day-'));
  const env = { DATA_DIR: dir, ATENSI_DEMO: '0' };
  const server = await startServer(env);
  const origin = `http://localhost:${server.port}`;
  const client = (cookie?: string) => makeClient(fetch, origin, cookie);
  return {
    env,
    server,
    anonymous: () => client(),
    async signIn(email, password) {
      const res = await client().post('/api/auth/login', { email, password });
      await expectJson(res);
      return client(sessionCookie(res));
    },
    async acceptInvitation(link, password) {
      const token = link.replace(/^\/invite\//, '');
      expect(token).not.toBe(link);
      const invitedAs = await expectJson<{ name: string; role: string }>(await client().get(`/api/invitations/${token}`));
      const res = await client().post(`/api/invitations/${token}/accept`, { password });
      await expectJson(res);
      // The link works once: a second use (someone reading it over a shoulder) is gone.
      expect((await client().post(`/api/invitations/${token}/accept`, { password })).status).toBe(410);
      return Object.assign(client(sessionCookie(res)), { invitedAs });
    },
    async close() {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
