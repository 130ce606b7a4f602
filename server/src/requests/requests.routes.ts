// Route declarations for device requests: the list, one request, a new referral, the pathway
// transitions and the sizing helper.
import { z } from 'zod';
import { clinicalRoles, clinicalWriterRoles, roles } from '../../../schemas/common.ts';
import { TransitionBody } from '../../../schemas/pathway-steps.ts';
import { DeviceKind } from '../../../schemas/devices.ts';
import { BeneficiaryTimeline, CreateRequestBody, RequestDetail, RequestList, RequestListQuery, TransitionResult } from '../../../schemas/requests.ts';
import { SizingResult } from '../../../schemas/sizing.ts';
import { json, routeGroup } from '../http/route.ts';

const route = routeGroup('requests');

export const list = route.get(roles, '/api/requests', { query: RequestListQuery, 200: json(RequestList, 'Requests') },
  'Requests in scope (own centre for staff, linked beneficiaries for families), most recently changed first');

export const get = route.get(roles, '/api/requests/{id}', { 200: json(RequestDetail, 'The request') },
  'One request with its timeline; step records only for therapists, managers and admins');

export const beneficiaryTimeline = route.get(
  roles, '/api/beneficiaries/{id}/timeline',
  { 200: json(BeneficiaryTimeline, 'The timeline, oldest first') },
  "A beneficiary's service timeline: every transition of their requests in scope, with who and when for staff");

export const create = route.post(
  clinicalWriterRoles, '/api/requests',
  { body: CreateRequestBody, 201: json(RequestDetail, 'Referred'), 409: json(z.any(), 'Consent missing, or an open request exists') },
  'Refer a beneficiary: a new request in state referred (needs active service consent; one open request per beneficiary)');

export const transition = route.post(
  clinicalRoles, '/api/requests/{id}/transitions',
  {
    body: TransitionBody,
    200: json(TransitionResult, 'Moved'),
    409: json(z.any(), 'Not a legal move from the current state, or a step precondition fails (assessed, prescribed and fitted ' +
      'need an active health-data consent, a guardian\'s for a child)'),
  },
  'Move a request to its next state with that step\'s data. Therapists: assessed, prescribed, ordered, prepared, fitted, trained, in_use; ' +
  'managers: approved, rejected, cancelled; admins: all. 409 for a move the pathway does not allow.');

export const sizing = route.get(
  clinicalRoles, '/api/requests/{id}/sizing',
  { query: z.object({ kind: DeviceKind.optional() }), 200: json(SizingResult, 'Sizing'), 409: json(z.any(), 'Not assessed yet') },
  'The WHO sizing helper for an assessed request: target seat, catalogue sizes that fit, warnings and suggested supports');
