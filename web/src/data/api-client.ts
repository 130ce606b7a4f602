// Calls the API same-origin with the session cookie and checks every answer against the shared
// Zod schemas, so components only ever see data that matches the contract.
import { z, type ZodType } from 'zod';
import { ErrorBody, errorCodeFor } from '../../../schemas/common.ts';
import { ApiError } from './api-error.ts';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  /** A body sent as it is (a file), with its content type, instead of JSON. */
  raw?: { data: Blob | ArrayBuffer; type: string };
  query?: Record<string, string | number | undefined>;
  signal?: AbortSignal;
  /**
   * Whether a 401 means "the session ended" (the default). Sign-in and the first look at /api/me
   * expect 401 as an ordinary answer, so they turn this off.
   */
  sessionRequired?: boolean;
}

let onSessionExpired: (() => void) | undefined;

/** Registers what happens when the API says the session is gone (the app shell returns to sign-in). */
export function setSessionExpiredHandler(handler: (() => void) | undefined): void {
  onSessionExpired = handler;
}

function buildUrl(path: string, query: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The error of an answer: from the API's error shape, else (a proxy's page, an empty body) from the status alone. */
export function errorFrom(status: number, body: unknown): ApiError {
  const parsed = ErrorBody.safeParse(body);
  if (parsed.success) {
    const { code, message, issues, requestId, details } = parsed.data.error;
    return new ApiError(status, code, message, issues, requestId, details);
  }
  return new ApiError(status, errorCodeFor(status), `HTTP ${status}`);
}

export async function apiRequest<T>(schema: ZodType<T>, path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, raw, query, signal, sessionRequired = true } = options;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (raw) headers['content-type'] = raw.type;
  let res: Response;
  try {
    res = await fetch(buildUrl(path, query), {
      method,
      headers,
      body: raw ? raw.data : body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError(0, 'network', err instanceof Error ? err.message : 'network error');
  }
  const payload = await readJson(res);
  if (!res.ok) {
    const error = errorFrom(res.status, payload);
    if (res.status === 401 && sessionRequired) onSessionExpired?.();
    throw error;
  }
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    throw new ApiError(res.status, 'invalid_response', `unexpected answer from ${method} ${path}: ${parsed.error.message}`);
  }
  return parsed.data;
}

/** A list answer whose rows were checked one by one: `skipped` counts rows that did not match. */
export type CheckedList<T> = { items: T[]; total: number; skipped: number };

/**
 * The schema of a `{ items, total }` list checked row by row: a row that does not match the contract
 * is left out and counted instead of failing the whole answer, so one bad row never blanks a page.
 */
export function checkedList<T>(item: ZodType<T>): ZodType<CheckedList<T>> {
  return z.object({ items: z.array(z.unknown()), total: z.number().int() }).transform(({ items, total }) => {
    const rows: T[] = [];
    for (const raw of items) {
      const row = item.safeParse(raw);
      if (row.success) rows.push(row.data);
    }
    return { items: rows, total, skipped: items.length - rows.length };
  }) as unknown as ZodType<CheckedList<T>>;
}
