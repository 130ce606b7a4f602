// Every API route is declared through defineRoute: its access rule is part of the declaration,
// enforced by middleware and published in the OpenAPI document as `x-access`.
import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { ZodType } from 'zod';
import { ErrorBody, IdParams } from '../../../schemas/common.ts';
import { type Access } from '../access/policy.ts';
import { accessMiddleware } from './access.ts';

const errorContent = { 'application/json': { schema: ErrorBody } };

const commonErrors = {
  400: { description: 'Malformed request (e.g. JSON that does not parse)', content: errorContent },
  401: { description: 'Not signed in', content: errorContent },
  403: { description: 'Not allowed for this role, or cross-site request', content: errorContent },
  404: { description: 'Not found, or not yours', content: errorContent },
  413: { description: 'Body larger than 1 MB', content: errorContent },
  415: { description: 'Body is not JSON', content: errorContent },
  422: { description: 'Invalid input; `issues` lists each problem', content: errorContent },
  429: { description: 'Too many attempts', content: errorContent },
} as const;

const upper = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
const pascal = (segment: string) => segment.split(/[^A-Za-z0-9]+/).filter(Boolean).map(upper).join('');

/**
 * A stable operationId from the method and path, so every route gets one without naming it and
 * client generators produce usable names: `GET /api/reports/{id}/photos` → `getReportsByIdPhotos`.
 */
export function operationIdFor(method: string, path: string): string {
  const words = path
    .replace(/^\/api\//, '')
    .split('/')
    .filter(Boolean)
    .map((s) => (s.startsWith('{') ? `By${pascal(s.slice(1, -1))}` : pascal(s)));
  return `${method.toLowerCase()}${words.join('')}`;
}

/** Every operationId handed out in this process, with the route that has it: two routes may not share one. */
const issued = new Map<string, string>();

function claimOperationId(id: string, route: string): string {
  const holder = issued.get(id);
  if (holder !== undefined && holder !== route) throw new Error(`operationId ${id} of ${route} is already taken by ${holder}`);
  issued.set(id, route);
  return id;
}

export function defineRoute<const R extends Omit<RouteConfig, 'middleware'>>(access: Access, config: R) {
  const route = `${config.method.toUpperCase()} ${config.path}`;
  return createRoute({
    ...config,
    operationId: claimOperationId(config.operationId ?? operationIdFor(config.method, config.path), route),
    middleware: [accessMiddleware(access)] as const,
    security: access === 'public' ? [] : [{ session: [] }],
    'x-access': access === 'public' ? 'public' : [...access],
    responses: { ...commonErrors, ...config.responses },
  });
}

export const json = <T>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const jsonBody = <T>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Responses = RouteConfig['responses'];

/** A route's inputs and its answers keyed by status code (the common error answers are added). */
export interface RouteSpec {
  /** Path parameters; a path whose only parameter is `{id}` gets IdParams without saying so. */
  params?: ZodType;
  query?: ZodType;
  /** A required JSON body. */
  body?: ZodType;
  /** A body that is not JSON (an upload), declared as OpenAPI has it. */
  rawBody?: NonNullable<RouteConfig['request']>['body'];
  [status: number]: Responses[number];
}

type Params<P, S> = S extends { params: infer X } ? { params: X } : P extends `${string}{id}${string}` ? { params: typeof IdParams } : {};
type Query<S> = S extends { query: infer X } ? { query: X } : {};
type Body<S> = S extends { body: infer X } ? { body: { required: true; content: { 'application/json': { schema: X } } } }
  : S extends { rawBody: infer X } ? { body: X } : {};
type ResponsesOf<S> = { [K in keyof S as K extends number ? K : never]: Extract<S[K], Responses[number]> };
type Declared<M extends Method, P extends string, S> = {
  method: M; path: P; tags: string[]; summary: string; description?: string;
  request: Params<P, S> & Query<S> & Body<S>;
  responses: ResponsesOf<S>;
};

function paramsFor(path: string, spec: RouteSpec): ZodType | undefined {
  if (spec.params) return spec.params;
  const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  if (names.length === 0) return undefined;
  if (names.length === 1 && names[0] === 'id') return IdParams;
  throw new Error(`${path}: declare params for {${names.join('}, {')}}`);
}

/**
 * Declarations for one feature's routes under one OpenAPI tag, each through defineRoute:
 * `group.get(access, path, { query, 200: json(List, '…') }, summary, description?)`.
 */
export function routeGroup(tag: string) {
  const tags = [tag];
  const declare = <M extends Method>(method: M) =>
    <const A extends Access, const P extends `/api/${string}`, const S extends RouteSpec>(access: A, path: P, spec: S, summary: string, description?: string) => {
      const { params: _p, query, body, rawBody, ...responses } = spec;
      const params = paramsFor(path, spec);
      const request = {
        ...(params && { params }),
        ...(query && { query }),
        ...(body ? { body: jsonBody(body) } : rawBody && { body: rawBody }),
      };
      const config = {
        method, path, tags, summary,
        ...(description !== undefined && { description }),
        ...(Object.keys(request).length > 0 && { request }),
        responses,
      };
      return defineRoute(access, config as unknown as Declared<M, P, S>);
    };
  return { get: declare('get'), post: declare('post'), put: declare('put'), patch: declare('patch'), delete: declare('delete') };
}
