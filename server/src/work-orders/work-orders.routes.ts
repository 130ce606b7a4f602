// Route declarations for the work-order queue: list, one work order, opening one by hand, and the
// state machine's actions (assign, schedule the visit, start, parts used, resolve, cancel).
import { ErrorBody, IdParams, roles, staffRoles, workshopRoles } from '../../../schemas/common.ts';
import { CreateWorkOrderBody, WorkOrderAction, WorkOrderDetail, WorkOrderList, WorkOrderListQuery } from '../../../schemas/work-orders.ts';
import { defineRoute, json, jsonBody } from '../http/route.ts';

const tags = ['work-orders'];

export const list = defineRoute(roles, {
  method: 'get',
  path: '/api/work-orders',
  tags,
  summary: 'The work-order queue in scope: most urgent first, then oldest first; active ones unless `status` says otherwise',
  description: 'Families see the work on their own chairs and reports: kind, status and the scheduled visit.',
  request: { query: WorkOrderListQuery },
  responses: { 200: json(WorkOrderList, 'Work orders') },
});

export const get = defineRoute(roles, {
  method: 'get',
  path: '/api/work-orders/{id}',
  tags,
  summary: 'One work order; staff also get the alerts it answers and who it may be assigned to',
  request: { params: IdParams },
  responses: { 200: json(WorkOrderDetail, 'The work order') },
});

export const create = defineRoute(workshopRoles, {
  method: 'post',
  path: '/api/work-orders',
  tags,
  summary: 'Open a work order by hand for a chair of the own centre',
  request: { body: jsonBody(CreateWorkOrderBody) },
  responses: { 201: json(WorkOrderDetail, 'Opened') },
});

export const update = defineRoute(staffRoles, {
  method: 'patch',
  path: '/api/work-orders/{id}',
  tags,
  summary: 'Move a work order: assign, schedule (the family sees the visit), start, record parts, resolve with notes, cancel',
  description:
    'open → assigned → scheduled → in_progress → resolved, or cancelled from any active status; scheduling is optional ' +
    '(start from assigned). Resolving clears the alerts the work order answers and, for a preventive service, records the ' +
    'service date and odometer on the chair. Therapists act only on training and follow-up work orders.',
  request: { params: IdParams, body: jsonBody(WorkOrderAction) },
  responses: { 200: json(WorkOrderDetail, 'Moved'), 409: json(ErrorBody, 'Not a legal move from the current status') },
});
