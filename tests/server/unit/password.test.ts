// Password hashing: scrypt with self-describing parameters; verification refuses wrong passwords
// and any damaged or weakened hash instead of throwing or, worse, accepting.
import { beforeAll, describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, SCRYPT_PARAMS, verifyPassword } from '../../../server/src/auth/password.ts';

const password = 'kursi-roda-untuk-rizky';
let stored: string;
let parts: string[];
beforeAll(async () => {
  stored = await hashPassword(password);
  parts = stored.split('$');
});

/** The stored hash with one of its six `$`-separated parts replaced. */
const withPart = (index: number, value: string) => parts.map((p, i) => (i === index ? value : p)).join('$');
/** A base64url string with its first character changed. */
const flipFirst = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);

describe('hashPassword', () => {
  it('writes scrypt$N$r$p$salt$key with N = 2^17, a 16-byte salt and a 32-byte key', () => {
    expect(parts).toHaveLength(6);
    expect(parts.slice(0, 4)).toEqual(['scrypt', String(2 ** 17), '8', '1']);
    expect(SCRYPT_PARAMS.N).toBeGreaterThanOrEqual(2 ** 17);
    expect(Buffer.from(parts[4]!, 'base64url')).toHaveLength(16);
    expect(Buffer.from(parts[5]!, 'base64url')).toHaveLength(32);
    expect(stored).not.toContain(password);
  });

  it('salts every hash: the same password hashes differently twice', async () => {
    const again = await hashPassword(password);
    expect(again).not.toBe(stored);
    expect(await verifyPassword(password, again)).toBe(true);
  });
});

describe('verifyPassword', () => {
  it('accepts the right password', async () => {
    expect(await verifyPassword(password, stored)).toBe(true);
  });

  it('refuses a wrong password, and one that differs only in case or trailing space', async () => {
    expect(await verifyPassword('kursi-roda-untuk-rizki', stored)).toBe(false);
    expect(await verifyPassword(`${password} `, stored)).toBe(false);
  });

  it('refuses the right password against a hash whose key or salt was tampered with', async () => {
    expect(await verifyPassword(password, withPart(5, flipFirst(parts[5]!)))).toBe(false);
    expect(await verifyPassword(password, withPart(4, flipFirst(parts[4]!)))).toBe(false);
  });

  it.each([
    ['an empty key (would otherwise match any password)', () => withPart(5, '')],
    ['a 1-byte key (would match 1 password in 256)', () => withPart(5, parts[5]!.slice(0, 2))],
    ['an empty salt', () => withPart(4, '')],
    ['N below 2^14', () => withPart(1, String(2 ** 10))],
    ['N above 2^20', () => withPart(1, String(2 ** 21))],
    ['N not a power of two', () => withPart(1, '100000')],
    ['r = 0', () => withPart(2, '0')],
    ['p = 0', () => withPart(3, '0')],
    ['a non-numeric parameter', () => withPart(2, 'eight')],
    ['another scheme', () => withPart(0, 'bcrypt')],
    ['a missing part', () => parts.slice(0, 5).join('$')],
    ['an empty string', () => ''],
    ['the password itself, stored in clear', () => password],
  ])('returns false, without throwing, for %s', async (_name, damaged) => {
    await expect(verifyPassword(password, damaged())).resolves.toBe(false);
    await expect(verifyPassword('any other password', damaged())).resolves.toBe(false);
  });
});

describe('generatePassword', () => {
  it('makes four groups of four unambiguous characters, at least 12 characters long', () => {
    const p = generatePassword();
    expect(p).toMatch(/^[a-km-np-z2-9]{4}(-[a-km-np-z2-9]{4}){3}$/);
    expect(p.length).toBeGreaterThanOrEqual(12);
    expect(p).not.toMatch(/[01ilo]/);
  });

  it('is random', () => {
    const many = new Set(Array.from({ length: 200 }, generatePassword));
    expect(many.size).toBe(200);
  });
});
