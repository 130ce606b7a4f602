// The one error type of the API and the single place that turns errors into responses.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type ErrorBody, type ErrorCode, errorCodeFor, type ErrorDetails } from '../../../schemas/common.ts';
import type { Logger } from '../../../core/log/logger.ts';
import { MoveRefused } from '../../../core/maintenance/lifecycle.ts';

type Issue = NonNullable<ErrorBody['error']['issues']>[number];

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly issues?: Issue[],
    readonly details?: ErrorDetails,
  ) {
    super(message);
  }
}

export const notFound = (what = 'resource') => new ApiError(404, 'not_found', `${what} not found`);
export const forbidden = (message = 'not allowed for your role') => new ApiError(403, 'forbidden', message);
/** A 409; with details, clients can say why in the reader's language and offer the way forward. */
export const conflict = (message: string, details?: ErrorDetails) => new ApiError(409, 'conflict', message, undefined, details);
export const invalid = (message: string, issues?: Issue[]) => new ApiError(422, 'invalid_input', message, issues);
export const unauthenticated = () => new ApiError(401, 'unauthenticated', 'sign in first');

export function errorResponse(c: Context, status: ContentfulStatusCode, code: ErrorCode, message: string, issues?: Issue[], details?: ErrorDetails) {
  const body: ErrorBody = { error: { code, message, requestId: c.get('requestId'), ...(details ? { details } : {}), ...(issues ? { issues } : {}) } };
  return c.json(body, status);
}

/** Zod issues in the public shape: path, message and code only (no received values echoed back). */
export function publicIssues(issues: readonly { path: readonly PropertyKey[]; message: string; code: string }[]): Issue[] {
  return issues.map((i) => ({
    path: i.path.map((p) => (typeof p === 'number' ? p : String(p))),
    message: i.message,
    code: i.code,
  }));
}

function isPrismaError(err: unknown, code: string): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === code;
}

export function makeErrorHandler(log: Logger) {
  return (err: Error, c: Context) => {
    if (err instanceof ApiError) return errorResponse(c, err.status, err.code, err.message, err.issues, err.details);
    // A lifecycle's refusal (a work order or chair in the wrong state, or changed meanwhile).
    if (err instanceof MoveRefused) return errorResponse(c, 409, 'conflict', err.message);
    if (err instanceof HTTPException) {
      const status = err.status as ContentfulStatusCode;
      const code = errorCodeFor(status);
      const message =
        status === 413 ? 'request body is larger than 1 MB' : status === 403 ? 'cross-site request refused' : err.message || 'bad request';
      return errorResponse(c, status, code, message);
    }
    if (isPrismaError(err, 'P2002')) return errorResponse(c, 409, 'conflict', 'that already exists');
    if (isPrismaError(err, 'P2025')) return errorResponse(c, 404, 'not_found', 'resource not found');
    log.error('unhandled_error', { requestId: c.get('requestId'), name: err.name, message: err.message, stack: err.stack });
    return errorResponse(c, 500, 'internal', 'something went wrong on our side');
  };
}
