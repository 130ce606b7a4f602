// Every API route is declared through defineRoute: its access rule is part of the declaration,
// enforced by middleware and published in the OpenAPI document as `x-access`.
import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import { ErrorBody } from '../../../schemas/common.ts';
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
