// The webhook signature scheme: `X-Atensi-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>`.
// verifySignature is exported for gateway authors (and the tests); docs/webhooks.md describes it.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new endpoint secret: 32 random bytes, base64url (43 characters). */
export function newWebhookSecret(): string {
  return randomBytes(32).toString('base64url');
}

function hmacHex(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** The header value for a body sent at `now`. */
export function signatureHeader(secret: string, body: string, now: Date | number): string {
  const t = Math.floor((typeof now === 'number' ? now : now.getTime()) / 1000);
  return `t=${t},v1=${hmacHex(secret, t, body)}`;
}

/**
 * True when `header` signs exactly `body` with `secret` and its timestamp is within `toleranceS`
 * seconds of `now` (which bounds replays). Compares in constant time; accepts several v1 entries.
 */
export function verifySignature(secret: string, header: string | null | undefined, body: string, now: Date | number = Date.now(), toleranceS = 300): boolean {
  if (!header) return false;
  let t: number | undefined;
  const candidates: string[] = [];
  for (const part of header.split(',')) {
    const [k, v] = part.trim().split('=', 2);
    if (k === 't' && v && /^\d{1,12}$/.test(v)) t = Number(v);
    else if (k === 'v1' && v && /^[0-9a-f]{64}$/.test(v)) candidates.push(v);
  }
  if (t === undefined || candidates.length === 0) return false;
  const nowS = (typeof now === 'number' ? now : now.getTime()) / 1000;
  if (Math.abs(nowS - t) > toleranceS) return false;
  const expected = Buffer.from(hmacHex(secret, t, body), 'hex');
  return candidates.some((c) => timingSafeEqual(Buffer.from(c, 'hex'), expected));
}
