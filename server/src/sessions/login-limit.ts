// The sign-in limit: one attempt is consumed atomically per e-mail and per address BEFORE the
// password is checked, so a burst of parallel attempts cannot all pass a check made while the slow
// hash runs. A success gives its points back; what stays counted are the attempts that failed.
// The counters live in the shared database (limiter-store.ts), so every API process counts together.
import { createHash } from 'node:crypto';
import { type RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { PER_ADDRESS_FACTOR } from '../../../schemas/refusals.ts';
import type { LimiterFactory } from './limiter-store.ts';

export interface LoginLimiters {
  byEmail: RateLimiterAbstract;
  byAddress: RateLimiterAbstract;
  /** Invitation links tried per address (the public invitation routes), as many as sign-ins. */
  tokensByAddress: RateLimiterAbstract;
  /** Wrong current passwords per account (a password change): a stolen session must not become a way to guess it. */
  passwordChecks: RateLimiterAbstract;
}

/** Wrong current passwords per account before a pause, and the pause. */
export const PASSWORD_CHECKS = { points: 5, duration: 15 * 60 };

export type LoginAdmission = { ok: true } | { ok: false; by: 'account' | 'address'; retryAfterSeconds: number };

export function createLoginLimiters(make: LimiterFactory, maxAttempts: number, windowMinutes: number): LoginLimiters {
  const duration = windowMinutes * 60;
  return {
    byEmail: make({ keyPrefix: 'login-email', points: maxAttempts, duration }),
    byAddress: make({ keyPrefix: 'login-address', points: maxAttempts * PER_ADDRESS_FACTOR, duration }),
    tokensByAddress: make({ keyPrefix: 'invitation-address', points: maxAttempts * PER_ADDRESS_FACTOR, duration }),
    passwordChecks: make({ keyPrefix: 'password-check', ...PASSWORD_CHECKS }),
  };
}

/**
 * What the counters are keyed by: a hash of the e-mail or address, so the shared table holds no
 * e-mail addresses or IP addresses (docs/personal-data.md), only counts that run out with the window.
 */
const keyOf = (value: string) => createHash('sha256').update(value).digest('base64url').slice(0, 24);

/** Consumes one point from `limiter`; the refusal's wait when the key has none left. */
export async function take(limiter: RateLimiterAbstract, key: string): Promise<number | null> {
  try {
    await limiter.consume(key);
    return null;
  } catch (res) {
    if (res instanceof RateLimiterRes) return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
    throw res;
  }
}

/**
 * Takes the attempt's points, address first: an address that is out of attempts costs the account
 * nothing, and an attempt refused for the account gives the address its point back, so each counter
 * counts the attempts that were actually checked.
 */
export async function admitLogin(l: LoginLimiters, emailAddress: string, ipAddress: string): Promise<LoginAdmission> {
  const [email, address] = [keyOf(emailAddress), keyOf(ipAddress)];
  const addressWait = await take(l.byAddress, address);
  if (addressWait !== null) return { ok: false, by: 'address', retryAfterSeconds: addressWait };
  const accountWait = await take(l.byEmail, email);
  if (accountWait !== null) {
    await l.byAddress.reward(address, 1);
    return { ok: false, by: 'account', retryAfterSeconds: accountWait };
  }
  return { ok: true };
}

/** A successful sign-in clears the account's count and returns the address's point. */
export async function loginSucceeded(l: LoginLimiters, email: string, address: string) {
  await Promise.all([l.byEmail.delete(keyOf(email)), l.byAddress.reward(keyOf(address), 1)]);
}

/**
 * Counts one invitation-link attempt of an address before the token is looked up; the wait in
 * seconds when the address has none left, else null. A link that turns out valid gives it back
 * (`publicTokenChecked`), so what stays counted are unknown, used and expired links.
 */
export function admitPublicToken(l: LoginLimiters, address: string): Promise<number | null> {
  return take(l.tokensByAddress, keyOf(address));
}

export async function publicTokenChecked(l: LoginLimiters, address: string) {
  await l.tokensByAddress.reward(keyOf(address), 1);
}
