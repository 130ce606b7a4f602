// User accounts: all for admins, the own centre's staff and families for managers; creating one
// (answered with its one-time invitation link), re-inviting, disabling and enabling.
import { z } from 'zod';
import { InvitationLink, InvitedAccount } from '../../../schemas/invitations.ts';
import { type CreateUserBody, User } from '../../../schemas/users.ts';
import { apiRequest } from './api-client.ts';

const UserList = z.object({ items: z.array(User) });

export async function listUsers(signal?: AbortSignal): Promise<User[]> {
  return (await apiRequest(UserList, '/api/users', { signal })).items;
}

/** A new account without a password; the answer's link is shown once. */
export function createUser(body: z.input<typeof CreateUserBody>): Promise<InvitedAccount> {
  return apiRequest(InvitedAccount, '/api/users', { method: 'POST', body });
}

const Reinvited = z.object({ invitation: InvitationLink, revoked: z.number().int() });

/** A new invitation link for the account (also for a forgotten password); older links stop working. */
export function reinvite(id: string): Promise<z.infer<typeof Reinvited>> {
  return apiRequest(Reinvited, `/api/users/${encodeURIComponent(id)}/invitations`, { method: 'POST' });
}

/** Disabling an account ends all its sessions and withdraws its open invitation links. */
export function setDisabled(id: string, disabled: boolean): Promise<User> {
  return apiRequest(User, `/api/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: { disabled } });
}
