// The shape of the hostile HTTP corpus (rows in ./http-*.corpus.ts) and the code that sends one
// row and checks the outcome every row shares: never a 5xx, the one error shape on the app's 4xx,
// security headers on every app answer, and no prototype pollution.
import { expect } from 'vitest';
import type { Client, Harness } from '../helpers/harness.ts';
import { errorCodeFor } from '../../schemas/common.ts';
import { fromResponse, httpRequest, type Outcome, socketRequest } from '../helpers/raw-http.ts';
import type { World } from '../helpers/world.ts';

type Awaitable<T> = T | Promise<T>;

export const HTTP_CATEGORIES = [
  'malformed-json',
  'encoding',
  'oversize',
  'numbers',
  'prototype',
  'sql-injection',
  'markup',
  'crlf',
  'session',
  'csrf',
  'brute-force',
  'traversal',
  'content-type',
  'unknown-fields',
] as const;
export type HttpCategory = (typeof HTTP_CATEGORIES)[number];

/** Who sends a row: a signed-in demo user, or nobody. */
export type Sender = 'admin' | 'managerA' | 'therapistA' | 'technicianA' | 'familyA1' | 'anonymous';

/** A clock that runs with real time, moved by an offset (sessions expire without waiting). */
export interface ShiftClock {
  now(): Date;
  shift(ms: number): void;
  reset(): void;
}

/** What rows compare against: values of the seeded world read before any row runs. */
export interface Facts {
  /** GMFCS level of family A1's child's CP profile. */
  seededGmfcs: number | null;
  /** Therapist A's own record. */
  therapistA: { name: string; locale: string; role: string };
  therapistAHash: string | null;
  /** Family A1's electric chair. */
  deviceOfFamilyA1: string;
  /** A fresh issue report on family A1's child (made on each call). */
  reportOfFamilyA1(): Promise<string>;
}

export interface HttpCtx {
  h: Harness;
  world: World;
  facts: Facts;
  /** The same app listening on 127.0.0.1, for rows sent over node:http or a socket. */
  port: number;
  clock: ShiftClock;
  clients: Record<Sender, Client>;
  /** A throwaway signed-in session (for rows that end, tamper with or expire one). */
  session(who: Exclude<Sender, 'anonymous'>): Promise<Client & { token: string }>;
  /** Another harness on a copy of the database, with its own rate limiters and configuration. */
  isolated(env?: Record<string, string>): Promise<Harness>;
}

export interface HttpInput {
  method?: string;
  /** Not needed for a socket row (the path is in `raw`). */
  path?: string;
  /** Sent as-is; `null` removes a default (Origin, Sec-Fetch-Site, Cookie). */
  headers?: Record<string, string | null>;
  /** An object is sent as JSON; a string or Buffer as the exact bytes. */
  body?: unknown;
  /** Only over http: a body streamed as Transfer-Encoding: chunked, without Content-Length. */
  chunked?: { size: number; count: number; byte?: number };
  /** Only over socket: the whole request, byte for byte. */
  raw?: string | Buffer;
  /** Another session cookie value than the sender's (or '' for none). */
  cookie?: string;
  /** Send to this harness's app instead of the shared one (rows that need fresh rate limiters). */
  app?: Harness;
  /** Anything the input step made that the row's check needs (a token, a client). */
  notes?: unknown;
}

export interface HttpExpect {
  status: number;
  /**
   * 'error' (the default for ≥ 400): `{ error: { code, message, requestId } }` with the code paired
   * with the status; 'node': answered by Node's HTTP parser before the app runs (no body contract);
   * 'any': a non-error answer whose content the row's `check` inspects.
   */
  shape?: 'error' | 'node' | 'any';
  /** A header that must match, or be absent (null). */
  headers?: Record<string, RegExp | null>;
}

export interface HttpCase {
  name: string;
  category: HttpCategory;
  /** Default: therapistA. */
  as?: Sender;
  /** 'app': in-process (default); 'http': node:http to the listening app; 'socket': raw bytes. */
  via?: 'app' | 'http' | 'socket';
  input: HttpInput | ((ctx: HttpCtx) => Awaitable<HttpInput>);
  expect: HttpExpect;
  /** Invariants beyond the response: rows intact, nothing stored, nothing polluted. */
  check?: (ctx: HttpCtx, res: Outcome, input: HttpInput) => Awaitable<void>;
}

const cookieOf = (c: Client) => c.cookie;

/** Sends one row with the sender's session and same-origin browser headers unless the row overrides them. */
export async function sendCase(ctx: HttpCtx, row: HttpCase): Promise<{ res: Outcome; input: HttpInput }> {
  const input = typeof row.input === 'function' ? await row.input(ctx) : row.input;
  return { res: await send(ctx, row, input), input };
}

async function send(ctx: HttpCtx, row: HttpCase, input: HttpInput): Promise<Outcome> {
  const via = row.via ?? 'app';
  if (via === 'socket') {
    if (input.raw === undefined) throw new Error(`${row.name}: a socket row needs raw bytes`);
    return socketRequest(ctx.port, input.raw);
  }
  const origin = via === 'app' ? 'http://localhost' : `http://127.0.0.1:${ctx.port}`;
  const headers: Record<string, string | null> = { origin, 'sec-fetch-site': 'same-origin' };
  const cookie = input.cookie ?? cookieOf(ctx.clients[row.as ?? 'therapistA']);
  if (cookie) headers.cookie = cookie;
  let body: string | Buffer | undefined;
  if (input.body !== undefined) {
    body = typeof input.body === 'string' || Buffer.isBuffer(input.body) ? input.body : JSON.stringify(input.body);
    headers['content-type'] = 'application/json';
  }
  if (input.chunked) headers['content-type'] = 'application/json';
  Object.assign(headers, input.headers);
  const sent = Object.fromEntries(Object.entries(headers).filter((e): e is [string, string] => e[1] !== null));
  const method = input.method ?? (body !== undefined || input.chunked ? 'POST' : 'GET');
  if (input.path === undefined) throw new Error(`${row.name}: no path`);
  if (via === 'http') return httpRequest(ctx.port, { method, path: input.path, headers: sent, body, chunked: input.chunked });
  return fromResponse(await (input.app ?? ctx.h).app.request(`${origin}${input.path}`, { method, headers: sent, body: body as BodyInit | undefined }));
}

const before = new Set(Object.getOwnPropertyNames(Object.prototype));

/** The checks every row gets, whatever its category. */
export function checkOutcome(row: HttpCase, res: Outcome) {
  const shape = row.expect.shape ?? (row.expect.status >= 400 ? 'error' : 'any');
  expect(res.status, `${res.status}: ${res.text.slice(0, 300)}`).toBe(row.expect.status);
  if (shape === 'error') {
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = JSON.parse(res.text) as { error: { code: string; message: string; requestId: string } };
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error.code).toBe(errorCodeFor(res.status));
    expect(body.error.message.length).toBeGreaterThan(0);
    expect(body.error.requestId).toBe(res.headers['x-request-id']);
    expect(res.text).not.toMatch(/\bat \S+ \(|node_modules|\.ts:\d+|prisma|SQLITE/i);
  }
  if (shape !== 'node') {
    expect(res.headers['content-security-policy'], 'CSP on every app answer').toMatch(/default-src 'self'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  }
  for (const [name, want] of Object.entries(row.expect.headers ?? {})) {
    if (want === null) expect(res.headers[name], name).toBeUndefined();
    else expect(res.headers[name], name).toMatch(want);
  }
  expect(({} as Record<string, unknown>).polluted, 'Object.prototype polluted').toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype).filter((k) => !before.has(k))).toEqual([]);
}
