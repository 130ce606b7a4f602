// Route declarations for alerts: the open list (by default) and acknowledging one.
import { ErrorBody, staffRoles } from '../../../schemas/common.ts';
import { Alert, AlertList, AlertListQuery } from '../../../schemas/work-orders.ts';
import { json, routeGroup } from '../http/route.ts';

const route = routeGroup('alerts');

export const list = route.get(staffRoles, '/api/alerts', { query: AlertListQuery, 200: json(AlertList, 'Alerts') },
  'Alerts in scope, most severe then newest first; open ones unless `status` says otherwise',
  'Technicians do not see alerts with clinical meaning (a family\'s red-flag report).');

export const acknowledge = route.post(
  staffRoles, '/api/alerts/{id}/acknowledge',
  { 200: json(Alert, 'Acknowledged'), 409: json(ErrorBody, 'Already acknowledged, or already cleared') },
  'Record that someone has seen an open alert (it stays open until its cause clears)');
