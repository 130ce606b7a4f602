// Tools for the audit-atomicity suites: a trigger that refuses an audit action, a digest of the
// whole database to show a refused change left nothing behind, and the rows' prepared requests.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ActorKey, Method, Target } from '../../helpers/access-matrix.ts';
import type { Client, Harness } from '../../helpers/harness.ts';
import type { World } from '../../helpers/world.ts';

/** Makes every insert of an audit row with this action (or any action) fail, as a full or broken disk would. */
export function refuseAudit(raw: Database.Database, action: string | null) {
  const when = action === null ? '' : `WHEN NEW.action = '${action.replace(/'/g, "''")}'`;
  raw.exec(`DROP TRIGGER IF EXISTS refuse_audit; CREATE TRIGGER refuse_audit BEFORE INSERT ON AuditLog ${when} BEGIN SELECT RAISE(ABORT, 'audit refused'); END`);
}

export function allowAudit(raw: Database.Database) {
  raw.exec('DROP TRIGGER IF EXISTS refuse_audit');
}

/**
 * Session columns that any signed-in request may touch (sliding expiry, the device's name): they
 * say nothing about the change under test, so the digest leaves them out.
 */
const volatile: Record<string, string[]> = { Session: ['lastSeenAt', 'expiresAt', 'userAgent'] };
/**
 * The sign-in limits' counters (sessions/limiter-store.ts): an attempt is counted before anything
 * is checked, on purpose outside the change's transaction, so a refused change still counts.
 */
const counters = new Set(['RateLimit']);

/** One hash per table of every row's content: two digests are equal only if no row was added, removed or changed. */
export function databaseDigest(raw: Database.Database): Record<string, string> {
  const tables = raw
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_%' ESCAPE '\\' ORDER BY name")
    .all()
    .map((t) => t.name)
    .filter((name) => !counters.has(name));
  const digest: Record<string, string> = {};
  for (const table of tables) {
    const skip = volatile[table] ?? [];
    const hash = createHash('sha256');
    for (const row of raw.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).iterate() as Iterable<Record<string, unknown>>) {
      for (const k of skip) delete row[k];
      hash.update(JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : Buffer.isBuffer(v) ? v.toString('base64') : v)));
      hash.update('\n');
    }
    digest[table] = hash.digest('hex');
  }
  return digest;
}

/** A request ready to send, so the same one can be refused and then retried. */
export interface PreparedCall {
  client: Client;
  method: Method;
  url: string;
  body?: unknown;
  /** For bodies that are not JSON (a photo). */
  headers?: Record<string, string>;
}

export interface AtomicContext {
  h: Harness;
  world: World;
  /** The signed-in demo clients of the access matrix. */
  as: Record<ActorKey, Client>;
}

export interface AtomicRow {
  /** Method and OpenAPI path, exactly as in /api/openapi.json. */
  op: `${Method} /api/${string}`;
  /** The audit action the route writes with its change; the trigger refuses exactly this one. null: the route writes no audit row. */
  action: string | null;
  /** Why a route has no audit row (only with `action: null`). */
  unaudited?: string;
  /** How to set it up and call it: the access-matrix row of this op and target, sent as `actor` (admin by default). */
  matrix?: { target: Target; actor?: ActorKey };
  /** Or a set-up of its own. */
  prepare?: (ctx: AtomicContext) => Promise<PreparedCall>;
  /** Status of the successful retry (2xx). */
  ok: number;
}

/** Sends a prepared call (binary bodies go as they are, JSON otherwise). */
export async function send(h: Harness, call: PreparedCall): Promise<Response> {
  if (call.body instanceof Uint8Array) {
    const headers: Record<string, string> = { origin: 'http://localhost', 'sec-fetch-site': 'same-origin', ...call.headers };
    if (call.client.cookie) headers.cookie = call.client.cookie;
    return h.app.request(`http://localhost${call.url}`, { method: call.method, headers, body: Buffer.from(call.body) });
  }
  return call.client.request(call.method, call.url, call.body, call.headers);
}
