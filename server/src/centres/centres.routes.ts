// Route declarations for centres.
import { z } from 'zod';
import { Centre, CreateCentreBody, UpdateCentreBody } from '../../../schemas/centres.ts';
import { roles } from '../../../schemas/common.ts';
import { json, routeGroup } from '../http/route.ts';

const route = routeGroup('centres');

export const list = route.get(roles, '/api/centres', { 200: json(z.object({ items: z.array(Centre) }), 'Centres') },
  'Centres: all for admins, one\'s own centre for staff, the linked beneficiaries\' centres for families');

export const get = route.get(roles, '/api/centres/{id}', { 200: json(Centre, 'The centre') },
  'One centre');

export const create = route.post(
  ['admin'], '/api/centres',
  { body: CreateCentreBody, 201: json(Centre, 'Created'), 409: json(z.any(), 'Code already used') },
  'Add a centre');

export const update = route.patch(['admin'], '/api/centres/{id}', { body: UpdateCentreBody, 200: json(Centre, 'Updated') },
  'Change a centre');

export const loadProgramme = route.post(
  ['admin'], '/api/centres/load-programme',
  { 200: json(z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), items: z.array(Centre) }), 'Loaded') },
  'Load the ATENSI programme\'s centre list: adds the missing centres and updates the others by code; loading again changes nothing');
