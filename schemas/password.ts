// Password rules shared by server and web: length bounds, the minimum strength, and why one is refused.
import { z } from 'zod';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;
/**
 * The lowest zxcvbn score (0–4) a new password must reach: 3 is "safely unguessable" against an
 * offline attack on a slow hash (about 10^10 guesses), which scrypt at N = 2^17 is.
 */
export const MIN_PASSWORD_SCORE = 3;

/** At least 12 characters: long passphrases beat composition rules. */
export const Password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH);

/** Why a password is refused, in words the web translates (web/src/i18n: `password.weak.*`). */
export const passwordWeaknesses = ['too_short', 'common', 'pattern', 'guessable'] as const;
export type PasswordWeakness = (typeof passwordWeaknesses)[number];

export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  newPassword: Password,
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;
