// The session cookie: `__Host-` prefixed and Secure, relaxed only for plain HTTP on a loopback host
// (a developer's or a single-machine install's http://localhost), where browsers drop Secure cookies.
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

const NAME = 'atensi_session';

function isPlainLoopback(c: Context, trustProxy: boolean): boolean {
  const url = new URL(c.req.url);
  const proto = trustProxy ? (c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() ?? url.protocol.replace(':', '')) : url.protocol.replace(':', '');
  if (proto !== 'http') return false;
  return url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
}

export function readSessionCookie(c: Context, trustProxy: boolean): string | undefined {
  return isPlainLoopback(c, trustProxy) ? getCookie(c, NAME) : getCookie(c, NAME, 'host');
}

export function writeSessionCookie(c: Context, token: string, maxAgeSeconds: number, trustProxy: boolean) {
  const loopback = isPlainLoopback(c, trustProxy);
  setCookie(c, NAME, token, {
    path: '/',
    httpOnly: true,
    secure: !loopback,
    sameSite: 'Lax',
    maxAge: maxAgeSeconds,
    ...(loopback ? {} : { prefix: 'host' as const }),
  });
}

export function clearSessionCookie(c: Context, trustProxy: boolean) {
  const loopback = isPlainLoopback(c, trustProxy);
  deleteCookie(c, NAME, {
    path: '/',
    secure: !loopback,
    ...(loopback ? {} : { prefix: 'host' as const }),
  });
}
