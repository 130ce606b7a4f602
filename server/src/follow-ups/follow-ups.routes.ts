// Route declarations for follow-ups and the therapist's worklist.
import { z } from 'zod';
import { CompleteFollowUpBody, CompleteFollowUpResult, FollowUpList, FollowUpListQuery, Worklist } from '../../../schemas/follow-ups.ts';
import { json, routeGroup } from '../http/route.ts';
import { clinicalRoles, clinicalWriterRoles } from '../../../schemas/common.ts';

const route = routeGroup('follow-ups');

export const list = route.get(
  clinicalRoles, '/api/follow-ups',
  { query: FollowUpListQuery, 200: json(FollowUpList, 'Follow-ups') },
  'Follow-ups in scope: open (default), overdue or done; overdue first, then by due date');

export const complete = route.post(
  clinicalWriterRoles, '/api/follow-ups/{id}/complete',
  {
    body: CompleteFollowUpBody,
    200: json(CompleteFollowUpResult, 'Recorded'),
    409: json(z.any(), 'Already recorded, or no active health-data consent on file'),
  },
  'Record a follow-up\'s findings; schedules the next (children: growth review in 6 months; high risk: 1 month)');

export const worklist = route.get(clinicalRoles, '/api/worklist', { 200: json(Worklist, 'The worklist') },
  'Open requests by step, appointments in the next seven days and open follow-ups: a therapist\'s own, the whole centre for managers, everything for admins');
