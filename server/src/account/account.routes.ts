// Route declarations for the signed-in person's own account: sessions and password.
import { PasswordChanged, SessionList, SessionsEnded } from '../../../schemas/account.ts';
import { OkBody, roles } from '../../../schemas/common.ts';
import { ChangePasswordBody } from '../../../schemas/password.ts';
import { json, routeGroup } from '../http/route.ts';

const route = routeGroup('account');

export const listSessions = route.get(roles, '/api/me/sessions', { 200: json(SessionList, 'Sessions') },
  'The signed-in person\'s own active sessions (device, signed in, last seen, this device)');

export const endSession = route.delete(roles, '/api/me/sessions/{id}', { 200: json(OkBody, 'Ended') },
  'End one of your own sessions (another device, or this one); someone else\'s is 404');

export const signOutEverywhere = route.post(roles, '/api/me/sessions/sign-out-everywhere', { 200: json(SessionsEnded, 'Signed out everywhere') },
  'End every session of your account, this one included');

export const changePassword = route.post(roles, '/api/me/password', { body: ChangePasswordBody, 200: json(PasswordChanged, 'Changed') },
  'Change your password (the current one is required); ends your other sessions',
  'The new password must pass the offline strength check (zxcvbn with its common-password dictionary, schemas/password.ts ' +
  'MIN_PASSWORD_SCORE); a refusal is 422 with an issue at newPassword whose code is password_<too_short|common|pattern|guessable>. ' +
  'A wrong current password is 422 at currentPassword; five wrong ones in 15 minutes are 429.');
