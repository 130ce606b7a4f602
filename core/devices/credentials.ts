// MQTT credentials of electric chairs: a 256-bit random secret, shown once, stored hashed in
// Mosquitto's own password-file format ($7$ = PBKDF2-SHA512), so the same registry entry serves the
// embedded broker and an external Mosquitto. The secret is random and long, so the modest
// iteration count costs an attacker nothing useful and keeps reconnect storms cheap.
import { pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';

const ITERATIONS = 101;

export function generateDeviceSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashDeviceSecret(secret: string): string {
  const salt = randomBytes(12);
  const hash = pbkdf2Sync(secret, salt, ITERATIONS, 64, 'sha512');
  return `$7$${ITERATIONS}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export function verifyDeviceSecret(secret: string, stored: string | null | undefined): boolean {
  const parts = stored?.split('$');
  if (!parts || parts.length !== 5 || parts[1] !== '7') return false;
  const iterations = Number(parts[2]);
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > 1_000_000) return false;
  const expected = Buffer.from(parts[4]!, 'base64');
  if (expected.length !== 64) return false;
  const actual = pbkdf2Sync(secret, Buffer.from(parts[3]!, 'base64'), iterations, 64, 'sha512');
  return timingSafeEqual(expected, actual);
}
