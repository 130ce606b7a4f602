// Route declarations for follow-ups and the therapist's worklist.
import { z } from 'zod';
import { clinicalRoles, clinicalWriterRoles, IdParams } from '../../../schemas/common.ts';
import { CompleteFollowUpBody, CompleteFollowUpResult, FollowUpList, FollowUpListQuery, Worklist } from '../../../schemas/follow-ups.ts';
import { defineRoute, json, jsonBody } from '../http/route.ts';

const tags = ['follow-ups'];

export const list = defineRoute(clinicalRoles, {
  method: 'get',
  path: '/api/follow-ups',
  tags,
  summary: 'Follow-ups in scope: open (default), overdue or done; overdue first, then by due date',
  request: { query: FollowUpListQuery },
  responses: { 200: json(FollowUpList, 'Follow-ups') },
});

export const complete = defineRoute(clinicalWriterRoles, {
  method: 'post',
  path: '/api/follow-ups/{id}/complete',
  tags,
  summary: 'Record a follow-up\'s findings; schedules the next (children: growth review in 6 months; high risk: 1 month)',
  request: { params: IdParams, body: jsonBody(CompleteFollowUpBody) },
  responses: { 200: json(CompleteFollowUpResult, 'Recorded'), 409: json(z.any(), 'Already recorded, or no active health-data consent on file') },
});

export const worklist = defineRoute(clinicalRoles, {
  method: 'get',
  path: '/api/worklist',
  tags,
  summary: 'Open requests by step, appointments in the next seven days and open follow-ups: a therapist\'s own, the whole centre for managers, everything for admins',
  responses: { 200: json(Worklist, 'The worklist') },
});
