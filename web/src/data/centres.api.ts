// Centres (UPT/Balai): all for admins, one's own for staff.
import { z } from 'zod';
import { Centre } from '../../../schemas/centres.ts';
import { apiRequest } from './api-client.ts';

const CentreList = z.object({ items: z.array(Centre) });

export async function listCentres(signal?: AbortSignal): Promise<Centre[]> {
  return (await apiRequest(CentreList, '/api/centres', { signal })).items;
}
