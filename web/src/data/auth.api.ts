// Sign-in, sign-out and the signed-in user's own record.
import { Me, type UpdateMeBody } from '../../../schemas/auth.ts';
import { OkBody } from '../../../schemas/common.ts';
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
