// The role × route access matrix as data. Each row is one API operation applied to one kind of
// object, with the status every actor must get; feature suites add rows (tests/server/access/*.rows.ts)
// and share the runner and the checks against the OpenAPI document's `x-access` declarations.
import type { Role } from '../../schemas/common.ts';
import { errorCodeFor } from '../../schemas/common.ts';
import { quickSession } from './api.ts';
import type { Client, Harness } from './harness.ts';
import { EMAIL, type World } from './world.ts';

/** The columns of the matrix, in the order statuses are written in a row. */
export const ACTORS = ['admin', 'managerA', 'therapistA', 'technicianA', 'familyA1', 'anonymous'] as const;
export type ActorKey = (typeof ACTORS)[number];

export const ACTOR_ROLE: Record<ActorKey, Role | null> = {
  admin: 'admin',
  managerA: 'manager',
  therapistA: 'therapist',
  technicianA: 'technician',
  familyA1: 'family',
  anonymous: null,
};

/**
 * Whose object a row acts on, seen from the actors (staff of centre A, family A1):
 * - own: family A1's beneficiary (in centre A), centre A itself, or a centre-A account;
 * - otherFamily: another family's object inside centre A (family A2's beneficiary or account);
 * - otherCentre: an object of centre B;
 * - none: no object (lists, creation, the caller's own account).
 */
export type Target = 'own' | 'otherFamily' | 'otherCentre' | 'none';
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Awaitable<T> = T | Promise<T>;

export interface RowContext {
  h: Harness;
  world: World;
  actor: ActorKey;
  target: Target;
}

export interface MatrixRow {
  /** Method and OpenAPI path template, exactly as in /api/openapi.json, e.g. `GET /api/beneficiaries/{id}`. */
  op: `${Method} /api/${string}`;
  target: Target;
  expect: Record<ActorKey, number>;
  /** Values for the path template's parameters; called once per actor, so it may create fresh objects. */
  params?: (ctx: RowContext) => Awaitable<Record<string, string>>;
  /** A valid body, so a status reflects access rather than validation; called once per actor. */
  body?: (ctx: RowContext) => Awaitable<unknown>;
  /** Query string without `?`. */
  query?: string;
  /** Use a throwaway session for each actor (for operations that end the session, like sign-out). */
  freshSession?: boolean;
  /**
   * Call as another account of the actor's role (for operations that end every session of the
   * account, like signing out everywhere, which would otherwise sign out the matrix's own clients).
   */
  standIn?: (ctx: RowContext) => Awaitable<Client>;
}

/**
 * A row, with the statuses written as a table line in the order of ACTORS:
 * `admin managerA therapistA technicianA familyA1 anonymous`.
 */
export function row(
  op: MatrixRow['op'],
  target: Target,
  statuses: string,
  options: Omit<MatrixRow, 'op' | 'target' | 'expect'> = {},
): MatrixRow {
  const codes = statuses.trim().split(/\s+/).map(Number);
  if (codes.length !== ACTORS.length || codes.some((n) => !Number.isInteger(n) || n < 100 || n > 599)) {
    throw new Error(`${op} [${target}]: write ${ACTORS.length} statuses (${ACTORS.join(' ')}), got "${statuses}"`);
  }
  const expect = Object.fromEntries(ACTORS.map((a, i) => [a, codes[i]!])) as Record<ActorKey, number>;
  return { op, target, expect, ...options };
}

export const rowName = (r: MatrixRow) => `${r.op} [${r.target}]`;

/** Signs in every actor of the matrix once (one password hash each). */
export async function signInActors(h: Harness): Promise<Record<ActorKey, Client>> {
  const entries = await Promise.all(
    ACTORS.map(async (a) => [a, a === 'anonymous' ? h.anonymous() : await h.as(EMAIL[a])] as const),
  );
  return Object.fromEntries(entries) as Record<ActorKey, Client>;
}

export function fillPath(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`no value for {${name}} in ${template}`);
    return encodeURIComponent(v);
  });
}

export interface RowResult {
  statuses: Record<ActorKey, number>;
  /** Responses that broke the error contract (shape, code or request id). */
  problems: string[];
}

/** Calls the row's operation as every actor, in order, and reports what each got. */
export async function runRow(r: MatrixRow, h: Harness, world: World, clients: Record<ActorKey, Client>): Promise<RowResult> {
  const [method, template] = r.op.split(' ') as [Method, string];
  const statuses = {} as Record<ActorKey, number>;
  const problems: string[] = [];
  for (const actor of ACTORS) {
    const ctx: RowContext = { h, world, actor, target: r.target };
    const params = r.params ? await r.params(ctx) : {};
    const body = r.body ? await r.body(ctx) : undefined;
    const client =
      actor === 'anonymous' ? clients[actor] : r.standIn ? await r.standIn(ctx) : r.freshSession ? await quickSession(h, EMAIL[actor]) : clients[actor];
    const url = fillPath(template, params) + (r.query ? `?${r.query}` : '');
    const res = await client.request(method, url, body);
    statuses[actor] = res.status;
    if (res.status >= 400) {
      const text = await res.text();
      let error: { code?: unknown; requestId?: unknown } | undefined;
      try {
        error = (JSON.parse(text) as { error?: typeof error }).error;
      } catch {
        problems.push(`${actor}: ${res.status} body is not JSON: ${text.slice(0, 80)}`);
        continue;
      }
      if (error?.code !== errorCodeFor(res.status)) problems.push(`${actor}: ${res.status} with code ${String(error?.code)}`);
      if (!error?.requestId || error.requestId !== res.headers.get('x-request-id')) problems.push(`${actor}: no matching requestId`);
    } else {
      await res.body?.cancel();
    }
  }
  return { statuses, problems };
}

export interface DocumentedOperation {
  op: string;
  access: 'public' | Role[] | undefined;
}

/** Every operation of an OpenAPI document, with its `x-access` declaration. */
export function documentedOperations(doc: { paths?: Record<string, Record<string, unknown>> }): DocumentedOperation[] {
  const ops: DocumentedOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, operation] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      ops.push({ op: `${method.toUpperCase()} ${path}`, access: (operation as { 'x-access'?: DocumentedOperation['access'] })['x-access'] });
    }
  }
  return ops;
}

/**
 * Rows that contradict the declared access: an actor whose role the operation does not allow must
 * be expected to get 403, anonymous callers 401 unless the operation is public.
 */
export function contradictions(rows: MatrixRow[], ops: DocumentedOperation[]): string[] {
  const access = new Map(ops.map((o) => [o.op, o.access]));
  const out: string[] = [];
  for (const r of rows) {
    const declared = access.get(r.op);
    if (declared === undefined) continue;
    for (const actor of ACTORS) {
      const role = ACTOR_ROLE[actor];
      const got = r.expect[actor];
      if (declared === 'public') {
        if (got === 401 || got === 403) out.push(`${rowName(r)}: public, but ${actor} expects ${got}`);
      } else if (role === null) {
        if (got !== 401) out.push(`${rowName(r)}: anonymous must expect 401, not ${got}`);
      } else if (!declared.includes(role) && got !== 403) {
        out.push(`${rowName(r)}: ${role} is not in x-access, so ${actor} must expect 403, not ${got}`);
      }
    }
  }
  return out;
}
