// A router for one feature: validation failures become 422 with the Zod issues, in the one error shape.
import { OpenAPIHono } from '@hono/zod-openapi';
import { errorResponse, publicIssues } from '../lib/errors.ts';
import type { AppEnv } from './types.ts';

export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        return errorResponse(c, 422, 'invalid_input', 'the request is not valid; see issues', publicIssues(result.error.issues));
      }
    },
  });
}
