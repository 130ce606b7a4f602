// Route declarations for sign-in, sign-out and the signed-in user.
import { z } from 'zod';
import { LoginBody, Me, UpdateMeBody } from '../../../schemas/auth.ts';
import { OkBody, roles } from '../../../schemas/common.ts';
import { defineRoute, json, jsonBody } from '../http/route.ts';

export const login = defineRoute('public', {
  method: 'post',
  path: '/api/auth/login',
  tags: ['auth'],
  summary: 'Sign in; sets the session cookie',
  request: { body: jsonBody(LoginBody) },
  responses: { 200: json(Me, 'Signed in') },
});

export const logout = defineRoute('public', {
  method: 'post',
  path: '/api/auth/logout',
  tags: ['auth'],
  summary: 'Sign out; ends the session on the server',
  responses: { 200: json(OkBody, 'Signed out') },
});

export const me = defineRoute(roles, {
  method: 'get',
  path: '/api/me',
  tags: ['auth'],
  summary: 'The signed-in user',
  responses: { 200: json(Me, 'The signed-in user') },
});

export const updateMe = defineRoute(roles, {
  method: 'patch',
  path: '/api/me',
  tags: ['auth'],
  summary: 'Change own preferences (language, display name)',
  request: { body: jsonBody(UpdateMeBody) },
  responses: { 200: json(Me, 'Updated') },
});

// Anyone may ask whether the service is up; only admins learn what it runs (the version tells an
// attacker which known flaws to try) and for how long.
export const health = defineRoute('public', {
  method: 'get',
  path: '/api/health',
  tags: ['system'],
  summary: 'Liveness and database reachability: ok, or an error',
  responses: { 200: json(z.object({ status: z.literal('ok') }).strict(), 'Healthy') },
});

export const healthDetails = defineRoute(['admin'], {
  method: 'get',
  path: '/api/health/details',
  tags: ['system'],
  summary: 'Health with the running version and uptime (admins)',
  responses: { 200: json(z.object({ status: z.literal('ok'), version: z.string(), uptimeSeconds: z.number() }), 'Healthy') },
});
