// The public invitation page's calls: who a link is for, and accepting it with one's own password.
import { Me } from '../../../schemas/auth.ts';
import { InvitationView } from '../../../schemas/invitations.ts';
import { apiRequest } from './api-client.ts';

export function viewInvitation(token: string, signal?: AbortSignal): Promise<InvitationView> {
  return apiRequest(InvitationView, `/api/invitations/${encodeURIComponent(token)}`, { signal });
}

/** Sets the password and signs the person in (the server sets the session cookie). */
export function acceptInvitation(token: string, password: string): Promise<Me> {
  return apiRequest(Me, `/api/invitations/${encodeURIComponent(token)}/accept`, { method: 'POST', body: { password } });
}
