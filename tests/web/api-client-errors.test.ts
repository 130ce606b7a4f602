// The web client names an error as the server does: for every status the API answers with, the
// code the server puts in its error body equals the code the client falls back on when an answer
// has no error body (a proxy's page, an empty 502), and the client keeps the server's own body.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { describe, expect, it } from 'vitest';
import { errorCodeByStatus } from '../../schemas/common.ts';
import { createLogger } from '../../core/log/logger.ts';
import { makeErrorHandler } from '../../server/src/lib/errors.ts';
import { errorFrom } from '../../web/src/data/api-client.ts';

const statuses = [...Object.keys(errorCodeByStatus).map(Number), 405, 418, 500, 502, 503];

describe('HTTP status → error code', () => {
  const app = new Hono();
  app.onError(makeErrorHandler(createLogger('silent')));
  app.get('/:status', (c) => {
    throw new HTTPException(Number(c.req.param('status')) as ContentfulStatusCode);
  });

  it('is the same in the server\'s answers and the web client\'s fallback', async () => {
    for (const status of statuses) {
      const res = await app.request(`/${status}`);
      const body = (await res.json()) as { error: { code: string } };
      expect(res.status).toBe(status);
      expect(errorFrom(status, undefined).code, `status ${status}`).toBe(body.error.code);
      expect(errorFrom(status, '<html>Bad Gateway</html>').code, `status ${status}`).toBe(body.error.code);
    }
  });

  it('keeps the code of an error body over the status', () => {
    const e = errorFrom(409, { error: { code: 'not_found', message: 'request not found' } });
    expect([e.code, e.message]).toEqual(['not_found', 'request not found']);
  });
});
