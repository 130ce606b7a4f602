// User accounts: all for admins, the own centre's staff for managers.
import { z } from 'zod';
import { User } from '../../../schemas/users.ts';
import { apiRequest } from './api-client.ts';

const UserList = z.object({ items: z.array(User) });

export async function listUsers(signal?: AbortSignal): Promise<User[]> {
  return (await apiRequest(UserList, '/api/users', { signal })).items;
}
