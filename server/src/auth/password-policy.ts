// The one server-side gate for a chosen password: the shared strength check, refused as a 422 whose
// issue code names the reason (the web words it in the person's language).
import { passwordStrength, weaknessMessage } from '../../../schemas/password-strength.ts';
import { invalid } from '../lib/errors.ts';

/** Throws 422 at `field` unless the password is strong enough; `userInputs` are the account's own words. */
export function assertStrongPassword(password: string, userInputs: string[], field: string) {
  const strength = passwordStrength(password, userInputs);
  if (strength.ok) return;
  const weakness = strength.weakness!;
  throw invalid('choose a stronger password', [{ path: [field], message: weaknessMessage[weakness], code: `password_${weakness}` }]);
}
