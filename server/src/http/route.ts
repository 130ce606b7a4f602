// Every API route is declared through defineRoute: its access rule is part of the declaration,
// enforced by middleware and published in the OpenAPI document as `x-access`.
import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import { ErrorBody } from '../../../schemas/common.ts';
import { type Access, accessMiddleware } from '../access/policy.ts';

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

export function defineRoute<const R extends Omit<RouteConfig, 'middleware'>>(access: Access, config: R) {
  return createRoute({
    ...config,
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
