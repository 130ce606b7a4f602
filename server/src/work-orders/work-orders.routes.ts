// Route declarations for the work-order queue: list, one work order, opening one by hand, and the
// state machine's actions (assign, schedule the visit, start, parts used, resolve, cancel).
import { ErrorBody, roles, staffRoles, workshopRoles } from '../../../schemas/common.ts';
import { CreateWorkOrderBody, WorkOrderAction, WorkOrderDetail, WorkOrderList, WorkOrderListQuery } from '../../../schemas/work-orders.ts';
import { json, routeGroup } from '../http/route.ts';

const route = routeGroup('work-orders');

export const list = route.get(roles, '/api/work-orders', { query: WorkOrderListQuery, 200: json(WorkOrderList, 'Work orders') },
  'The work-order queue in scope: most urgent first, then oldest first; active ones unless `status` says otherwise',
  'Families see the work on their own chairs and reports: kind, status and the scheduled visit.');

export const get = route.get(roles, '/api/work-orders/{id}', { 200: json(WorkOrderDetail, 'The work order') },
  'One work order; staff also get the alerts it answers and who it may be assigned to');

export const create = route.post(
  workshopRoles, '/api/work-orders',
  { body: CreateWorkOrderBody, 201: json(WorkOrderDetail, 'Opened') },
  'Open a work order by hand for a chair of the own centre');

export const update = route.patch(
  staffRoles, '/api/work-orders/{id}',
  { body: WorkOrderAction, 200: json(WorkOrderDetail, 'Moved'), 409: json(ErrorBody, 'Not a legal move from the current status') },
  'Move a work order: assign, schedule (the family sees the visit), start, record parts, resolve with notes, cancel',
  'open → assigned → scheduled → in_progress → resolved, or cancelled from any active status; scheduling is optional ' +
  '(start from assigned). Resolving clears the alerts the work order answers and, for a preventive service, records the ' +
  'service date and odometer on the chair. Therapists act only on training and follow-up work orders.');
