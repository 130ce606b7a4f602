// Route declarations for user accounts and family links.
import { z } from 'zod';
import { managementRoles, OkBody } from '../../../schemas/common.ts';
import { CreateFamilyLinkBody, CreateUserBody, FamilyLinkParams, UpdateUserBody, User, UserListQuery } from '../../../schemas/users.ts';
import { InvitedAccount } from '../../../schemas/invitations.ts';
import { json, routeGroup } from '../http/route.ts';

const route = routeGroup('users');

export const list = route.get(managementRoles, '/api/users', { query: UserListQuery, 200: json(z.object({ items: z.array(User) }), 'Users') },
  'User accounts: all for admins, the own centre\'s staff for managers');

export const get = route.get(managementRoles, '/api/users/{id}', { 200: json(User, 'The user') },
  'One user account');

export const create = route.post(
  managementRoles, '/api/users',
  { body: CreateUserBody, 201: json(InvitedAccount, 'Created, with its invitation link'), 409: json(z.any(), 'Email already used') },
  'Create an account without a password: the answer holds a one-time invitation link, shown once',
  'Admins create any account; managers create therapists, technicians and families of their own centre. A family account may be linked to its beneficiary at once.');

export const update = route.patch(managementRoles, '/api/users/{id}', { body: UpdateUserBody, 200: json(User, 'Updated') },
  'Change an account; disabling it ends its sessions and withdraws its open invitations (managers: their centre\'s therapists, technicians and families)');

export const link = route.post(
  ['admin'], '/api/users/{id}/family-links',
  { body: CreateFamilyLinkBody, 201: json(User, 'Linked'), 409: json(z.any(), 'Already linked, or not a family account') },
  'Link a family account to a beneficiary');

export const unlink = route.delete(
  ['admin'], '/api/users/{id}/family-links/{beneficiaryId}',
  { params: FamilyLinkParams, 200: json(OkBody, 'Unlinked') },
  'Remove a family link');
