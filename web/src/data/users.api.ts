// User accounts: all for admins, the own centre's staff for managers; an admin's reset and disable.
import { z } from 'zod';
import { User } from '../../../schemas/users.ts';
import { apiRequest } from './api-client.ts';

const UserList = z.object({ items: z.array(User) });

export async function listUsers(signal?: AbortSignal): Promise<User[]> {
  return (await apiRequest(UserList, '/api/users', { signal })).items;
}

const ResetResult = z.object({ password: z.string(), endedSessions: z.number().int() });

/** A new generated password for the account, shown once; all its sessions end. */
export function resetPassword(id: string): Promise<z.infer<typeof ResetResult>> {
  return apiRequest(ResetResult, `/api/users/${encodeURIComponent(id)}/reset-password`, { method: 'POST' });
}

/** Disabling an account ends all its sessions. */
export function setDisabled(id: string, disabled: boolean): Promise<User> {
  return apiRequest(User, `/api/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: { disabled } });
}
