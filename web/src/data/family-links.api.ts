// Family accounts linked to a beneficiary (admins): the accounts to choose from, link and unlink.
import { z } from 'zod';
import { OkBody } from '../../../schemas/common.ts';
import { User, type Relationship } from '../../../schemas/users.ts';
import { apiRequest } from './api-client.ts';

const UserList = z.object({ items: z.array(User) });

export async function listFamilyAccounts(signal?: AbortSignal): Promise<User[]> {
  return (await apiRequest(UserList, '/api/users', { query: { role: 'family' }, signal })).items;
}

export function linkFamily(userId: string, beneficiaryId: string, relationship: Relationship): Promise<User> {
  return apiRequest(User, `/api/users/${encodeURIComponent(userId)}/family-links`, { method: 'POST', body: { beneficiaryId, relationship } });
}

export function unlinkFamily(userId: string, beneficiaryId: string): Promise<unknown> {
  return apiRequest(OkBody, `/api/users/${encodeURIComponent(userId)}/family-links/${encodeURIComponent(beneficiaryId)}`, { method: 'DELETE' });
}
