// MQTT credentials of electric chairs: random secrets, stored only hashed in Mosquitto's password
// format ($7$ = PBKDF2-SHA512) so an external Mosquitto can use the same entries, verified exactly.
import { pbkdf2Sync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateDeviceSecret, hashDeviceSecret, verifyDeviceSecret } from '../../../core/devices/credentials.ts';

const MOSQUITTO_7 = /^\$7\$(\d+)\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/;

describe('device secrets', () => {
  it('are 256-bit random base64url strings', () => {
    const secrets = Array.from({ length: 100 }, generateDeviceSecret);
    for (const s of secrets) {
      expect(s).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(s, 'base64url')).toHaveLength(32);
    }
    expect(new Set(secrets).size).toBe(100);
  });

  it('are stored as $7$<iterations>$<salt>$<PBKDF2-SHA512 hash>, as mosquitto_passwd writes them', () => {
    const secret = generateDeviceSecret();
    const stored = hashDeviceSecret(secret);
    const m = MOSQUITTO_7.exec(stored);
    expect(m, stored).not.toBeNull();
    const [, iterations, salt, hash] = m!;
    expect(Number(iterations)).toBeGreaterThanOrEqual(1);
    expect(Buffer.from(salt!, 'base64').length).toBeGreaterThanOrEqual(12);
    // Recomputed independently: this is what a Mosquitto broker does with the entry.
    expect(pbkdf2Sync(secret, Buffer.from(salt!, 'base64'), Number(iterations), 64, 'sha512').toString('base64')).toBe(hash);
    expect(stored).not.toContain(secret);
  });

  it('are salted: hashing the same secret twice gives two entries that both verify', () => {
    const secret = generateDeviceSecret();
    const a = hashDeviceSecret(secret);
    const b = hashDeviceSecret(secret);
    expect(a).not.toBe(b);
    expect(verifyDeviceSecret(secret, a)).toBe(true);
    expect(verifyDeviceSecret(secret, b)).toBe(true);
  });

  it('verify accepts the secret and nothing else', () => {
    const secret = generateDeviceSecret();
    const stored = hashDeviceSecret(secret);
    expect(verifyDeviceSecret(secret, stored)).toBe(true);
    const oneCharOff = (secret[0] === 'A' ? 'B' : 'A') + secret.slice(1);
    expect(verifyDeviceSecret(oneCharOff, stored)).toBe(false);
    expect(verifyDeviceSecret(`${secret} `, stored)).toBe(false);
    expect(verifyDeviceSecret('', stored)).toBe(false);
    expect(verifyDeviceSecret(generateDeviceSecret(), stored)).toBe(false);
  });

  const secret = generateDeviceSecret();
  const [, iterations, salt, hash] = MOSQUITTO_7.exec(hashDeviceSecret(secret))!;
  it.each([
    ['no stored hash', null],
    ['an undefined hash', undefined],
    ['an empty hash', ''],
    ['the secret stored in clear', secret],
    ['a truncated hash', `$7$${iterations}$${salt}$${hash!.slice(0, 40)}`],
    ['an empty hash part', `$7$${iterations}$${salt}$`],
    ['zero iterations', `$7$0$${salt}$${hash}`],
    ['absurdly many iterations (a stored-hash DoS)', `$7$999999999$${salt}$${hash}`],
    ['non-numeric iterations', `$7$many$${salt}$${hash}`],
    ['another scheme', `$6$${iterations}$${salt}$${hash}`],
    ['a missing part', `$7$${iterations}$${hash}`],
  ])('verify refuses %s', (_name, stored) => {
    expect(verifyDeviceSecret(secret, stored)).toBe(false);
  });
});
