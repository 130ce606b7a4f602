// Route declarations for sign-in, sign-out and the signed-in user.
import { LoginBody, Me, UpdateMeBody } from '../../../schemas/auth.ts';
import { OkBody, roles } from '../../../schemas/common.ts';
import { json, routeGroup } from '../http/route.ts';

const route = routeGroup('auth');

export const login = route.post('public', '/api/auth/login', { body: LoginBody, 200: json(Me, 'Signed in') },
  'Sign in; sets the session cookie');

export const logout = route.post('public', '/api/auth/logout', { 200: json(OkBody, 'Signed out') },
  'Sign out; ends the session on the server');

export const me = route.get(roles, '/api/me', { 200: json(Me, 'The signed-in user') },
  'The signed-in user');

export const updateMe = route.patch(roles, '/api/me', { body: UpdateMeBody, 200: json(Me, 'Updated') },
  'Change own preferences (language, display name)');
