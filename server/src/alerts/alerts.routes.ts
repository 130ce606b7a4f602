// Route declarations for alerts: the open list (by default) and acknowledging one.
import { ErrorBody, IdParams, staffRoles } from '../../../schemas/common.ts';
import { Alert, AlertList, AlertListQuery } from '../../../schemas/work-orders.ts';
import { defineRoute, json } from '../http/route.ts';

const tags = ['alerts'];

export const list = defineRoute(staffRoles, {
  method: 'get',
  path: '/api/alerts',
  tags,
  summary: 'Alerts in scope, most severe then newest first; open ones unless `status` says otherwise',
  description: 'Technicians do not see alerts with clinical meaning (a family\'s red-flag report).',
  request: { query: AlertListQuery },
  responses: { 200: json(AlertList, 'Alerts') },
});

export const acknowledge = defineRoute(staffRoles, {
  method: 'post',
  path: '/api/alerts/{id}/acknowledge',
  tags,
  summary: 'Record that someone has seen an open alert (it stays open until its cause clears)',
  request: { params: IdParams },
  responses: { 200: json(Alert, 'Acknowledged'), 409: json(ErrorBody, 'Already acknowledged, or already cleared') },
});
