// Cross-cutting HTTP middleware: the session loader, the JSON-only guard and the access log.
import type { Context, MiddlewareHandler } from 'hono';
import { readSessionCookie, writeSessionCookie } from './cookies.ts';
import { ApiError } from '../lib/errors.ts';
import { isRawUpload } from './photo-upload.ts';
import type { AppEnv, Deps } from './types.ts';
import { hasLoneSurrogate, type Locale, type Role } from '../../../schemas/common.ts';

export function depsMiddleware(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('deps', deps);
    c.set('actor', null);
    await next();
  };
}

/** Loads the actor from the session cookie; an invalid or expired cookie simply means signed out. */
export const sessionLoader: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { sessions, config } = c.get('deps');
  const token = readSessionCookie(c, config.trustProxy);
  if (token) {
    const session = await sessions.resolve(token, c.req.header('user-agent'));
    if (session) {
      const u = session.user;
      c.set('sessionToken', token);
      c.set('sessionId', session.id);
      if (session.renewed) writeSessionCookie(c, token, Math.floor(sessions.ttlMs / 1000), config.trustProxy);
      c.set('actor', {
        id: u.id,
        role: u.role as Role,
        email: u.email,
        name: u.name,
        locale: u.locale as Locale,
        centreId: u.centreId,
        beneficiaryIds: u.role === 'family' ? u.beneficiaryIds : [],
        chairs: u.role === 'family' ? u.chairs : [],
      });
    }
  }
  await next();
};

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const jsonType = /^application\/json\s*(;|$)/i;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The API takes JSON only. Together with SameSite=Lax cookies and the Origin/Sec-Fetch-Site check
 * (hono/csrf), this closes cross-site form posts: a cross-origin JSON request needs a CORS
 * preflight, which this server never grants.
 */
export const jsonOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (unsafe.has(c.req.method)) {
    const hasBody = (c.req.header('content-length') ?? '0') !== '0' || c.req.header('transfer-encoding') !== undefined;
    const type = c.req.header('content-type') ?? '';
    // The exceptions: a report photo or a CSV register, sent raw (their content is checked by the route).
    if (hasBody && !jsonType.test(type) && !isRawUpload(c.req.method, c.req.path, type)) {
      throw new ApiError(415, 'unsupported_media_type', 'send the body as application/json');
    }
    // JSON travels as UTF-8 (RFC 8259). Bytes that are not UTF-8 are refused here, not read with
    // replacement characters into names and notes.
    if (jsonType.test(type) && c.req.raw.body) {
      const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(type)?.[1]?.toLowerCase();
      if (charset && charset !== 'utf-8' && charset !== 'utf8') throw new ApiError(415, 'unsupported_media_type', 'send JSON as UTF-8');
      let body: string;
      try {
        body = utf8.decode(await c.req.arrayBuffer());
      } catch {
        throw new ApiError(400, 'bad_request', 'the body is not valid UTF-8');
      }
      refuseLoneSurrogates(body);
    }
  }
  await next();
};

// Only a \uD800–\uDFFF escape can put a lone surrogate into parsed JSON (UTF-8 cannot encode one).
const surrogateEscape = /\\u[dD][89a-fA-F]/;

/**
 * A lone surrogate in any string of the body (a URL, an e-mail, a password, a key, not only the free
 * text that schemas/common.ts `text` checks) is refused with 422 here: Prisma's query engine cannot
 * carry one through its JSON protocol, so it would otherwise end as a 500 deep in a handler.
 */
function refuseLoneSurrogates(body: string) {
  if (!surrogateEscape.test(body)) return;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return; // malformed JSON is the validator's 400
  }
  const path = findLoneSurrogate(parsed, []);
  if (path) throw new ApiError(422, 'invalid_input', 'the request is not valid; see issues', [{ path, message: 'contains a lone UTF-16 surrogate', code: 'invalid_format' }]);
}

function findLoneSurrogate(v: unknown, path: (string | number)[]): (string | number)[] | null {
  if (typeof v === 'string') return hasLoneSurrogate(v) ? path : null;
  if (Array.isArray(v)) {
    for (const [i, x] of v.entries()) {
      const found = findLoneSurrogate(x, [...path, i]);
      if (found) return found;
    }
  } else if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      const found = hasLoneSurrogate(k) ? [...path, k] : findLoneSurrogate(x, [...path, k]);
      if (found) return found;
    }
  }
  return null;
}

/**
 * hono/csrf judges only bodies that a plain HTML form can send. A browser that says where a write
 * comes from (Sec-Fetch-Site, Origin) is refused here when that is another site, whatever the
 * content type, so the guard does not rest on the browser's CORS preflight alone. Callers that
 * send neither header (scripts, curl) are not browsers carrying someone's cookie, and pass.
 */
export function crossSiteGuard(isOwnOrigin: (origin: string, c: Context<AppEnv>) => boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (unsafe.has(c.req.method)) {
      const site = c.req.header('sec-fetch-site');
      const origin = c.req.header('origin');
      const sameOrigin = site === 'same-origin' || (origin !== undefined && isOwnOrigin(origin, c));
      if ((site !== undefined || origin !== undefined) && !sameOrigin) throw new ApiError(403, 'forbidden', 'cross-site request refused');
    }
    await next();
  };
}

/** One structured line per request: route pattern, status and timing; no paths with personal data, no bodies. */
export const accessLog: MiddlewareHandler<AppEnv> = async (c, next) => {
  const started = performance.now();
  await next();
  const { log } = c.get('deps');
  log.info('http', {
    requestId: c.get('requestId'),
    method: c.req.method,
    route: c.req.routePath,
    status: c.res.status,
    ms: Math.round((performance.now() - started) * 10) / 10,
    role: c.get('actor')?.role,
  });
};

/** The client's address: the socket's, or X-Forwarded-For's first hop only behind a trusted proxy. */
export function clientIp(c: Parameters<MiddlewareHandler<AppEnv>>[0]): string {
  if (c.get('deps').config.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  return c.env?.incoming?.socket.remoteAddress ?? 'unknown';
}
