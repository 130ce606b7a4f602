// Route declarations for centres.
import { z } from 'zod';
import { Centre, CreateCentreBody, UpdateCentreBody } from '../../../schemas/centres.ts';
import { IdParams, roles } from '../../../schemas/common.ts';
import { defineRoute, json, jsonBody } from '../http/route.ts';

export const list = defineRoute(roles, {
  method: 'get',
  path: '/api/centres',
  tags: ['centres'],
  summary: 'Centres: all for admins, one\'s own centre for staff, the linked beneficiaries\' centres for families',
  responses: { 200: json(z.object({ items: z.array(Centre) }), 'Centres') },
});

export const get = defineRoute(roles, {
  method: 'get',
  path: '/api/centres/{id}',
  tags: ['centres'],
  summary: 'One centre',
  request: { params: IdParams },
  responses: { 200: json(Centre, 'The centre') },
});

export const create = defineRoute(['admin'], {
  method: 'post',
  path: '/api/centres',
  tags: ['centres'],
  summary: 'Add a centre',
  request: { body: jsonBody(CreateCentreBody) },
  responses: { 201: json(Centre, 'Created'), 409: json(z.any(), 'Code already used') },
});

export const update = defineRoute(['admin'], {
  method: 'patch',
  path: '/api/centres/{id}',
  tags: ['centres'],
  summary: 'Change a centre',
  request: { params: IdParams, body: jsonBody(UpdateCentreBody) },
  responses: { 200: json(Centre, 'Updated') },
});
