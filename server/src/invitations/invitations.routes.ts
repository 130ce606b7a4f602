// Route declarations for invitations: re-inviting an account, and the public page of a link.
import { z } from 'zod';
import { ErrorBody, managementRoles } from '../../../schemas/common.ts';
import { AcceptInvitationBody, InvitationLink, InvitationParams, InvitationView } from '../../../schemas/invitations.ts';
import { Me } from '../../../schemas/auth.ts';
import { json, routeGroup } from '../http/route.ts';

const route = routeGroup('invitations');
const gone = json(ErrorBody, 'The invitation was used, has expired or was replaced');

export const reinvite = route.post(
  managementRoles, '/api/users/{id}/invitations',
  { 201: json(z.object({ invitation: InvitationLink, revoked: z.number().int() }), 'A new link, shown only in this answer'), 409: json(ErrorBody, 'The account is disabled') },
  'Send an account a new invitation link (also when its password is forgotten); older links stop working',
  'Managers re-invite their own centre\'s therapists, technicians and families; admins anyone.');

export const view = route.get(
  'public', '/api/invitations/{token}',
  { params: InvitationParams, 200: json(InvitationView, 'Who is invited'), 410: gone },
  'Who an invitation link is for: name, role and centre (no sign-in; rate-limited per address)');

export const accept = route.post(
  'public', '/api/invitations/{token}/accept',
  { params: InvitationParams, body: AcceptInvitationBody, 200: json(Me, 'Password set and signed in'), 410: gone },
  'Accept an invitation: set one\'s own password (same policy as a change), then be signed in');
