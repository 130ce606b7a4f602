// English: the sign-in page; the type demands exactly the keys of login.id.ts.
import type { loginId } from './login.id.ts';

export const loginEn: Record<keyof typeof loginId, string> = {
  'login.title': 'Sign in',
  'login.intro': 'Sign in with the account your centre gave you.',
  'login.email': 'Email',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.submitting': 'Signing in…',
  'login.missingEmail': 'Enter your email address.',
  'login.missingPassword': 'Enter your password.',
  'login.wrong': 'The email or password is wrong.',
  'login.rateLimited': 'Too many sign-in attempts. Try again in a few minutes.',
  'login.invalid': 'Check the email and password.',
  'login.sessionExpired': 'Your session has ended. Please sign in again.',
  'login.forgot': 'Forgot your password? Ask your centre\'s staff to send you a new invitation link; with it you set a new password.',
};
