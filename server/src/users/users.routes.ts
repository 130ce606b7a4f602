// Route declarations for user accounts and family links.
import { z } from 'zod';
import { managementRoles, OkBody } from '../../../schemas/common.ts';
import { CreateFamilyLinkBody, CreateUserBody, FamilyLinkParams, UpdateUserBody, User, UserListQuery } from '../../../schemas/users.ts';
import { json, routeGroup } from '../http/route.ts';

const route = routeGroup('users');

export const list = route.get(managementRoles, '/api/users', { query: UserListQuery, 200: json(z.object({ items: z.array(User) }), 'Users') },
  'User accounts: all for admins, the own centre\'s staff for managers');

export const get = route.get(managementRoles, '/api/users/{id}', { 200: json(User, 'The user') },
  'One user account');

export const create = route.post(
  ['admin'], '/api/users',
  { body: CreateUserBody, 201: json(User, 'Created'), 409: json(z.any(), 'Email already used') },
  'Create an account');

export const update = route.patch(['admin'], '/api/users/{id}', { body: UpdateUserBody, 200: json(User, 'Updated') },
  'Change an account; disabling it or setting a password ends its sessions');

export const resetPassword = route.post(
  ['admin'], '/api/users/{id}/reset-password',
  { 200: json(z.object({ password: z.string().describe('shown only in this answer'), endedSessions: z.number().int() }), 'Reset') },
  'Give the account a new generated password, shown once, and end all its sessions');

export const link = route.post(
  ['admin'], '/api/users/{id}/family-links',
  { body: CreateFamilyLinkBody, 201: json(User, 'Linked'), 409: json(z.any(), 'Already linked, or not a family account') },
  'Link a family account to a beneficiary');

export const unlink = route.delete(
  ['admin'], '/api/users/{id}/family-links/{beneficiaryId}',
  { params: FamilyLinkParams, 200: json(OkBody, 'Unlinked') },
  'Remove a family link');
