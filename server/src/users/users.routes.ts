// Route declarations for user accounts and family links.
import { z } from 'zod';
import { IdParams, managementRoles, OkBody } from '../../../schemas/common.ts';
import { CreateFamilyLinkBody, CreateUserBody, FamilyLinkParams, UpdateUserBody, User, UserListQuery } from '../../../schemas/users.ts';
import { defineRoute, json, jsonBody } from '../http/route.ts';

export const list = defineRoute(managementRoles, {
  method: 'get',
  path: '/api/users',
  tags: ['users'],
  summary: 'User accounts: all for admins, the own centre\'s staff for managers',
  request: { query: UserListQuery },
  responses: { 200: json(z.object({ items: z.array(User) }), 'Users') },
});

export const get = defineRoute(managementRoles, {
  method: 'get',
  path: '/api/users/{id}',
  tags: ['users'],
  summary: 'One user account',
  request: { params: IdParams },
  responses: { 200: json(User, 'The user') },
});

export const create = defineRoute(['admin'], {
  method: 'post',
  path: '/api/users',
  tags: ['users'],
  summary: 'Create an account',
  request: { body: jsonBody(CreateUserBody) },
  responses: { 201: json(User, 'Created'), 409: json(z.any(), 'Email already used') },
});

export const update = defineRoute(['admin'], {
  method: 'patch',
  path: '/api/users/{id}',
  tags: ['users'],
  summary: 'Change an account; disabling it or setting a password ends its sessions',
  request: { params: IdParams, body: jsonBody(UpdateUserBody) },
  responses: { 200: json(User, 'Updated') },
});

export const resetPassword = defineRoute(['admin'], {
  method: 'post',
  path: '/api/users/{id}/reset-password',
  tags: ['users'],
  summary: 'Give the account a new generated password, shown once, and end all its sessions',
  request: { params: IdParams },
  responses: {
    200: json(z.object({ password: z.string().describe('shown only in this answer'), endedSessions: z.number().int() }), 'Reset'),
  },
});

export const link = defineRoute(['admin'], {
  method: 'post',
  path: '/api/users/{id}/family-links',
  tags: ['users'],
  summary: 'Link a family account to a beneficiary',
  request: { params: IdParams, body: jsonBody(CreateFamilyLinkBody) },
  responses: { 201: json(User, 'Linked'), 409: json(z.any(), 'Already linked, or not a family account') },
});

export const unlink = defineRoute(['admin'], {
  method: 'delete',
  path: '/api/users/{id}/family-links/{beneficiaryId}',
  tags: ['users'],
  summary: 'Remove a family link',
  request: { params: FamilyLinkParams },
  responses: { 200: json(OkBody, 'Unlinked') },
});
