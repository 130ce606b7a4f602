// Small tools shared by the API suites: the one error shape, sessions made without a password hash,
// dates relative to today, and raw requests to other origins than the harness's.
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { errorCodeFor } from '../../schemas/common.ts';
import { hashToken } from '../../server/src/sessions/sessions.service.ts';
import { hashPassword, SCRYPT_PARAMS } from '../../server/src/auth/password.ts';
import type { Client, Harness } from './harness.ts';


export interface ApiErrorBody {
  code: string;
  message: string;
  requestId: string;
  details?: { reason: string; openRequestId?: string; beneficiaryId?: string };
  issues?: { path: (string | number)[]; message: string; code: string }[];
}

/** Asserts the status and the one error shape (code, message, the response's request id); returns the error. */
export async function expectError(res: Response, status: number, code: string = errorCodeFor(status)): Promise<ApiErrorBody> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const body = JSON.parse(text) as { error: ApiErrorBody };
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  expect(body.error.message.length).toBeGreaterThan(0);
  expect(body.error.requestId).toBe(res.headers.get('x-request-id'));
  return body.error;
}

/** Asserts a 422 whose issues include one at this path; returns the issues. */
export async function expectInvalid(res: Response, path: (string | number)[]) {
  const error = await expectError(res, 422);
  expect(error.issues, JSON.stringify(error)).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
  return error.issues!;
}

/** Parses a 2xx JSON body, failing with the body text when the status is not the expected one. */
export async function expectJson<T = any>(res: Response, status = 200): Promise<T> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as T;
}

/**
 * A signed-in client whose session row is written directly, without the ~0.3 s password hash of a
 * real sign-in. For tests that need throwaway sessions (e.g. to sign out); use `h.as()` to test login.
 */
export async function quickSession(h: Harness, email: string): Promise<Client & { token: string }> {
  const user = await h.db.prisma.user.findUniqueOrThrow({ where: { email } });
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  await h.db.prisma.session.create({
    data: { tokenHash: hashToken(token), userId: user.id, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + 3_600_000) },
  });
  const client = h.anonymous();
  client.cookie = `atensi_session=${token}`;
  return Object.assign(client, { token });
}

/** The server's own hash at the lowest cost it accepts (N = 2^14); demo and API-created accounts use N = 2^17. */
const cheapPasswordHash = (password: string) => hashPassword(password, { ...SCRYPT_PARAMS, N: 2 ** 14 });

/** An account (family by default) with a cheap hash, so signing in to it costs milliseconds. */
export async function cheapAccount(h: Harness, data: { email: string; role?: string; centreId?: string | null; name?: string }) {
  const password = `pw-${randomBytes(9).toString('base64url')}`;
  const user = await h.db.prisma.user.create({
    data: { email: data.email, name: data.name ?? 'Akun Uji', role: data.role ?? 'family', centreId: data.centreId ?? null, passwordHash: await cheapPasswordHash(password) },
  });
  return { id: user.id, email: user.email, password };
}

/** A calendar date (YYYY-MM-DD, UTC) this many days from today; negative for the past. */
export function isoDay(offsetDays = 0): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** A birth date giving this age in whole years today, a few weeks (plus `extraDays`, at most 300) past the birthday. */
export function birthDateForAge(years: number, extraDays = 0): string {
  const d = new Date(Date.now() - (30 + Math.min(extraDays, 300)) * 86_400_000);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d.toISOString().slice(0, 10);
}

/** A request to any absolute URL (another origin than the harness's), with JSON when a body is given. */
export function rawRequest(h: Harness, url: string, init: { method?: string; headers?: Record<string, string>; body?: unknown } = {}) {
  const headers: Record<string, string> = { ...init.headers };
  let body: string | undefined;
  if (init.body !== undefined) {
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    headers['content-type'] ??= 'application/json';
  }
  return h.app.request(url, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
}

/** The attributes of a Set-Cookie header, names lower-cased; `value` is the cookie's own value. */
export function parseSetCookie(header: string | null) {
  expect(header).toBeTruthy();
  const [pair, ...attrs] = header!.split(';').map((s) => s.trim());
  const eq = pair!.indexOf('=');
  const attributes = new Map<string, string | true>();
  for (const a of attrs) {
    const i = a.indexOf('=');
    if (i === -1) attributes.set(a.toLowerCase(), true);
    else attributes.set(a.slice(0, i).toLowerCase(), a.slice(i + 1));
  }
  return { name: pair!.slice(0, eq), value: pair!.slice(eq + 1), attributes };
}
