// Route declarations for device requests: the list, one request, a new referral, the pathway
// transitions and the sizing helper.
import { z } from 'zod';
import { clinicalRoles, clinicalWriterRoles, IdParams, roles } from '../../../schemas/common.ts';
import { TransitionBody } from '../../../schemas/pathway-steps.ts';
import { DeviceKind } from '../../../schemas/devices.ts';
import { BeneficiaryTimeline, CreateRequestBody, RequestDetail, RequestList, RequestListQuery, TransitionResult } from '../../../schemas/requests.ts';
import { SizingResult } from '../../../schemas/sizing.ts';
import { defineRoute, json, jsonBody } from '../http/route.ts';

const tags = ['requests'];

export const list = defineRoute(roles, {
  method: 'get',
  path: '/api/requests',
  tags,
  summary: 'Requests in scope (own centre for staff, linked beneficiaries for families), most recently changed first',
  request: { query: RequestListQuery },
  responses: { 200: json(RequestList, 'Requests') },
});

export const get = defineRoute(roles, {
  method: 'get',
  path: '/api/requests/{id}',
  tags,
  summary: 'One request with its timeline; step records only for therapists, managers and admins',
  request: { params: IdParams },
  responses: { 200: json(RequestDetail, 'The request') },
});

export const beneficiaryTimeline = defineRoute(roles, {
  method: 'get',
  path: '/api/beneficiaries/{id}/timeline',
  tags,
  summary: "A beneficiary's service timeline: every transition of their requests in scope, with who and when for staff",
  request: { params: IdParams },
  responses: { 200: json(BeneficiaryTimeline, 'The timeline, oldest first') },
});

export const create = defineRoute(clinicalWriterRoles, {
  method: 'post',
  path: '/api/requests',
  tags,
  summary: 'Refer a beneficiary: a new request in state referred (needs active service consent; one open request per beneficiary)',
  request: { body: jsonBody(CreateRequestBody) },
  responses: { 201: json(RequestDetail, 'Referred'), 409: json(z.any(), 'Consent missing, or an open request exists') },
});

export const transition = defineRoute(clinicalRoles, {
  method: 'post',
  path: '/api/requests/{id}/transitions',
  tags,
  summary:
    'Move a request to its next state with that step\'s data. Therapists: assessed, prescribed, ordered, prepared, fitted, trained, in_use; ' +
    'managers: approved, rejected, cancelled; admins: all. 409 for a move the pathway does not allow.',
  request: { params: IdParams, body: jsonBody(TransitionBody) },
  responses: { 200: json(TransitionResult, 'Moved'), 409: json(z.any(), 'Not a legal move from the current state, or a step precondition fails (assessed, prescribed and fitted need an active health-data consent, a guardian\'s for a child)') },
});

export const sizing = defineRoute(clinicalRoles, {
  method: 'get',
  path: '/api/requests/{id}/sizing',
  tags,
  summary: 'The WHO sizing helper for an assessed request: target seat, catalogue sizes that fit, warnings and suggested supports',
  request: { params: IdParams, query: z.object({ kind: DeviceKind.optional() }) },
  responses: { 200: json(SizingResult, 'Sizing'), 409: json(z.any(), 'Not assessed yet') },
});
