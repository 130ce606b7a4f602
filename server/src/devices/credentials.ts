// MQTT credentials of electric chairs: a 256-bit random secret, shown once, stored as SHA-256.
// A fast hash is right here: the secret is random and long, so it cannot be guessed offline, and
// brokers verify it on every (re)connect.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function generateDeviceSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashDeviceSecret(secret: string): string {
  return `sha256$${createHash('sha256').update(secret).digest('hex')}`;
}

export function verifyDeviceSecret(secret: string, stored: string | null | undefined): boolean {
  if (!stored?.startsWith('sha256$')) return false;
  const expected = Buffer.from(stored.slice(7), 'hex');
  const actual = createHash('sha256').update(secret).digest();
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
