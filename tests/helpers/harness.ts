// A fresh copy of the seeded database and an in-process app per suite, plus helpers to sign in
// as demo users and call the API as a browser would (cookies, same-origin headers).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { createApp } from '../../server/src/app.ts';
import { parseConfig, type Config } from '../../server/src/config.ts';
import { openDatabase, type OpenedDatabase } from '../../core/db/client.ts';
import type { DemoCredentials } from '../../server/src/demo/seed.ts';
import { type Clock, systemClock } from '../../core/clock.ts';
import { createLogger, type Logger } from '../../core/log/logger.ts';

export const ORIGIN = 'http://localhost';

export interface Harness {
  app: ReturnType<typeof createApp>;
  db: OpenedDatabase;
  config: Config;
  creds: DemoCredentials;
  dir: string;
  /** A signed-in client for the demo user with this email. */
  as(email: string): Promise<Client>;
  /** A client with no session. */
  anonymous(): Client;
  /** The email of the first demo user matching role and (optionally) centre code. */
  user(role: string, centre?: string | null): DemoCredentials['users'][number];
  close(): Promise<void>;
}

export interface Client {
  cookie: string | undefined;
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  get(url: string): Promise<Response>;
  post(url: string, body?: unknown): Promise<Response>;
  patch(url: string, body?: unknown): Promise<Response>;
  put(url: string, body?: unknown): Promise<Response>;
  delete(url: string): Promise<Response>;
}

/** A client as a browser on `origin` would call the API (cookie, same-origin headers), over any transport. */
export function makeClient(send: (url: string, init: RequestInit) => Response | Promise<Response>, origin: string, cookie?: string): Client {
  const c: Client = {
    cookie,
    async request(method, url, body, headers = {}) {
      const h: Record<string, string> = { origin, 'sec-fetch-site': 'same-origin', ...headers };
      if (c.cookie) h.cookie = c.cookie;
      let payload: string | undefined;
      if (body !== undefined) {
        payload = typeof body === 'string' ? body : JSON.stringify(body);
        h['content-type'] ??= 'application/json';
      }
      return send(`${origin}${url}`, { method, headers: h, body: payload });
    },
    get: (url) => c.request('GET', url),
    post: (url, body) => c.request('POST', url, body),
    patch: (url, body) => c.request('PATCH', url, body),
    put: (url, body) => c.request('PUT', url, body),
    delete: (url) => c.request('DELETE', url),
  };
  return c;
}

export async function createHarness(options: { env?: Record<string, string>; clock?: Clock; log?: Logger } = {}): Promise<Harness> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atensi-test-'));
  const config = parseConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', ...options.env });
  fs.copyFileSync(inject('templateDb'), config.databaseFile);
  const creds = JSON.parse(fs.readFileSync(inject('demoCredentials'), 'utf8')) as DemoCredentials;
  const db = openDatabase(config.databaseFile);
  const app = createApp({ database: db, config, clock: options.clock ?? systemClock, log: options.log ?? createLogger('silent') });

  const client = (cookie: string | undefined) => makeClient((url, init) => app.request(url, init), ORIGIN, cookie);

  const harness: Harness = {
    app,
    db,
    config,
    creds,
    dir,
    anonymous: () => client(undefined),
    user(role, centre) {
      const u = creds.users.find((x) => x.role === role && (centre === undefined || x.centre === centre));
      if (!u) throw new Error(`no demo user ${role} ${centre ?? ''}`);
      return u;
    },
    async as(email) {
      const u = creds.users.find((x) => x.email === email);
      if (!u) throw new Error(`no demo user ${email}`);
      const res = await client(undefined).post('/api/auth/login', { email, password: u.password });
      if (res.status !== 200) throw new Error(`login as ${email} failed: ${res.status} ${await res.text()}`);
      const setCookie = res.headers.get('set-cookie') ?? '';
      return client(setCookie.split(';')[0]);
    },
    async close() {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}

export const CENTRE_A = 'BK-PANGUDI-LUHUR';
export const CENTRE_B = 'BBD-KARTINI';
