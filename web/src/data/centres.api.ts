// Centres (UPT/Balai): all for admins, one's own for staff; admins add, edit and load the programme's list.
import { z } from 'zod';
import { Centre } from '../../../schemas/centres.ts';
import { apiRequest } from './api-client.ts';

const CentreList = z.object({ items: z.array(Centre) });

export async function listCentres(signal?: AbortSignal): Promise<Centre[]> {
  return (await apiRequest(CentreList, '/api/centres', { signal })).items;
}

type CentreFields = Omit<Centre, 'id'>;

export function createCentre(body: CentreFields): Promise<Centre> {
  return apiRequest(Centre, '/api/centres', { method: 'POST', body });
}

export function updateCentre(id: string, body: Partial<CentreFields>): Promise<Centre> {
  return apiRequest(Centre, `/api/centres/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

const Loaded = z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), items: z.array(Centre) });

/** Adds the programme's centres that are missing and updates the others by code. */
export function loadProgrammeCentres(): Promise<z.infer<typeof Loaded>> {
  return apiRequest(Loaded, '/api/centres/load-programme', { method: 'POST' });
}
