// Sign-in, sign-out, the signed-in user's own record, their sessions and password.
import { Me, type UpdateMeBody } from '../../../schemas/auth.ts';
import { PasswordChanged, SessionList, SessionsEnded, type SessionView } from '../../../schemas/account.ts';
import { OkBody } from '../../../schemas/common.ts';
import type { ChangePasswordBody } from '../../../schemas/password.ts';
import { apiRequest } from './api-client.ts';
import { ApiError } from './api-error.ts';

export function login(email: string, password: string): Promise<Me> {
  return apiRequest(Me, '/api/auth/login', { method: 'POST', body: { email, password }, sessionRequired: false });
}

export async function logout(): Promise<void> {
  await apiRequest(OkBody, '/api/auth/logout', { method: 'POST', sessionRequired: false });
}

/** The signed-in user, or null when there is no session. */
export async function loadMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    return await apiRequest(Me, '/api/me', { signal, sessionRequired: false });
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

export function updateMe(changes: UpdateMeBody): Promise<Me> {
  return apiRequest(Me, '/api/me', { method: 'PATCH', body: changes });
}

export async function listSessions(signal?: AbortSignal): Promise<SessionView[]> {
  return (await apiRequest(SessionList, '/api/me/sessions', { signal })).items;
}

export async function endSession(id: string): Promise<void> {
  await apiRequest(OkBody, `/api/me/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** Ends every session of the account, this one included. */
export async function signOutEverywhere(): Promise<void> {
  await apiRequest(SessionsEnded, '/api/me/sessions/sign-out-everywhere', { method: 'POST' });
}

export function changePassword(body: ChangePasswordBody): Promise<{ endedSessions: number }> {
  return apiRequest(PasswordChanged, '/api/me/password', { method: 'POST', body });
}
