// The offline password strength check (zxcvbn-ts with its common-password dictionary), the same on
// server and web; the web loads it lazily, only on the page where a password is chosen.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import { MIN_PASSWORD_SCORE, PASSWORD_MIN_LENGTH, type PasswordWeakness } from './password.ts';

let factory: ZxcvbnFactory | undefined;

// zxcvbn's warning keys, grouped into the few reasons a person is told.
const commonWarnings = new Set(['topTen', 'topHundred', 'common', 'commonPasswords', 'similarToCommon', 'wordByItself', 'namesByThemselves', 'commonNames', 'userInputs', 'pwned']);
const patternWarnings = new Set(['straightRow', 'keyPattern', 'simpleRepeat', 'extendedRepeat', 'sequences', 'recentYears', 'dates']);

export interface PasswordStrength {
  score: number;
  ok: boolean;
  weakness: PasswordWeakness | null;
}

/** How guessable a password is; `userInputs` are words of the account (e-mail, name) that must not help. */
export function passwordStrength(password: string, userInputs: string[] = []): PasswordStrength {
  if (password.length < PASSWORD_MIN_LENGTH) return { score: 0, ok: false, weakness: 'too_short' };
  factory ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
  // Each word of a name or e-mail, and the words run together ("wulansari" for "Wulan Sari").
  const inputs = userInputs
    .map((s) => s.toLowerCase().split('@')[0]!)
    .flatMap((s) => [...s.split(/[^\p{L}\p{N}]+/u), s.replace(/[^\p{L}\p{N}]+/gu, '')])
    .filter((w) => w.length >= 3);
  const result = factory.check(password, inputs);
  if (result.score >= MIN_PASSWORD_SCORE) return { score: result.score, ok: true, weakness: null };
  const warning = result.feedback.warning ?? '';
  const weakness: PasswordWeakness = commonWarnings.has(warning) ? 'common' : patternWarnings.has(warning) ? 'pattern' : 'guessable';
  return { score: result.score, ok: false, weakness };
}

/** The server's words for each refusal (the web shows its own, in the person's language). */
export const weaknessMessage: Record<PasswordWeakness, string> = {
  too_short: `use at least ${PASSWORD_MIN_LENGTH} characters`,
  common: 'too common: it is on lists of passwords people use, or made of your own name or e-mail',
  pattern: 'too easy to guess: keyboard rows, repeats, sequences or dates',
  guessable: 'too easy to guess: add more words that do not belong together',
};
