// The signed-in person's own account: their sessions on other devices and their password.
import { PasswordChanged, SessionList, SessionsEnded, type SessionView } from '../../../schemas/account.ts';
import { OkBody } from '../../../schemas/common.ts';
import type { ChangePasswordBody } from '../../../schemas/password.ts';
import { apiRequest } from './api-client.ts';

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
