// The one error type of the web's data layer: the API's error body, or what went wrong getting it.
import type { ErrorBody, ErrorCode, ErrorDetails } from '../../../schemas/common.ts';

export type ApiIssue = NonNullable<ErrorBody['error']['issues']>[number];
/** The API's codes, plus 'network' (no answer) and 'invalid_response' (an answer not in the contract). */
export type ApiErrorCode = ErrorCode | 'network' | 'invalid_response';

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly issues: ApiIssue[] = [],
    readonly requestId?: string,
    /** Why it conflicts (a reason code) and what it concerns, when the server says. */
    readonly details?: ErrorDetails,
  ) {
    super(message);
  }
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}
