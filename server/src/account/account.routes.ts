// Route declarations for the signed-in person's own account: sessions and password.
import { PasswordChanged, SessionList, SessionsEnded } from '../../../schemas/account.ts';
import { IdParams, OkBody, roles } from '../../../schemas/common.ts';
import { ChangePasswordBody } from '../../../schemas/password.ts';
import { defineRoute, json, jsonBody } from '../http/route.ts';

const tags = ['account'];

export const listSessions = defineRoute(roles, {
  method: 'get',
  path: '/api/me/sessions',
  tags,
  summary: 'The signed-in person\'s own active sessions (device, signed in, last seen, this device)',
  responses: { 200: json(SessionList, 'Sessions') },
});

export const endSession = defineRoute(roles, {
  method: 'delete',
  path: '/api/me/sessions/{id}',
  tags,
  summary: 'End one of your own sessions (another device, or this one); someone else\'s is 404',
  request: { params: IdParams },
  responses: { 200: json(OkBody, 'Ended') },
});

export const signOutEverywhere = defineRoute(roles, {
  method: 'post',
  path: '/api/me/sessions/sign-out-everywhere',
  tags,
  summary: 'End every session of your account, this one included',
  responses: { 200: json(SessionsEnded, 'Signed out everywhere') },
});

export const changePassword = defineRoute(roles, {
  method: 'post',
  path: '/api/me/password',
  tags,
  summary: 'Change your password (the current one is required); ends your other sessions',
  description:
    'The new password must pass the offline strength check (zxcvbn with its common-password dictionary, schemas/password.ts ' +
    'MIN_PASSWORD_SCORE); a refusal is 422 with an issue at newPassword whose code is password_<too_short|common|pattern|guessable>. ' +
    'A wrong current password is 422 at currentPassword; five wrong ones in 15 minutes are 429.',
  request: { body: jsonBody(ChangePasswordBody) },
  responses: { 200: json(PasswordChanged, 'Changed') },
});
