// Route declarations for sign-in, sign-out and the signed-in user.
import { z } from 'zod';
import { LoginBody, Me, UpdateMeBody } from '../../../schemas/auth.ts';
import { OkBody, roles } from '../../../schemas/common.ts';
import { json, routeGroup } from '../http/route.ts';

const route = routeGroup('auth');
const system = routeGroup('system');

export const login = route.post('public', '/api/auth/login', { body: LoginBody, 200: json(Me, 'Signed in') },
  'Sign in; sets the session cookie');

export const logout = route.post('public', '/api/auth/logout', { 200: json(OkBody, 'Signed out') },
  'Sign out; ends the session on the server');

export const me = route.get(roles, '/api/me', { 200: json(Me, 'The signed-in user') },
  'The signed-in user');

export const updateMe = route.patch(roles, '/api/me', { body: UpdateMeBody, 200: json(Me, 'Updated') },
  'Change own preferences (language, display name)');

// Anyone may ask whether the service is up; only admins learn what it runs (the version tells an
// attacker which known flaws to try) and for how long.
export const health = system.get('public', '/api/health', { 200: json(z.object({ status: z.literal('ok') }).strict(), 'Healthy') },
  'Liveness and database reachability: ok, or an error');

export const healthDetails = system.get(
  ['admin'], '/api/health/details',
  { 200: json(z.object({ status: z.literal('ok'), version: z.string(), uptimeSeconds: z.number() }), 'Healthy') },
  'Health with the running version and uptime (admins)');
