// Device requests along the pathway, as the signed-in user may see them; moves and the sizing helper.
import type { z } from 'zod';
import type { TransitionBody } from '../../../schemas/pathway-steps.ts';
import { BeneficiaryTimeline, RequestDetail, RequestList, TransitionResult, type CreateRequestBody, type RequestState } from '../../../schemas/requests.ts';
import { SizingResult } from '../../../schemas/sizing.ts';
import { apiRequest } from './api-client.ts';

export type RequestPage = z.infer<typeof RequestList>;

export interface RequestQuery {
  state?: RequestState;
  open?: boolean;
  mine?: boolean;
  beneficiaryId?: string;
  limit?: number;
  offset?: number;
}

const flag = (b: boolean | undefined) => (b === undefined ? undefined : String(b));

export function listRequests(q: RequestQuery, signal?: AbortSignal): Promise<RequestPage> {
  return apiRequest(RequestList, '/api/requests', { query: { ...q, open: flag(q.open), mine: flag(q.mine) }, signal });
}

export function getRequest(id: string, signal?: AbortSignal) {
  return apiRequest(RequestDetail, `/api/requests/${encodeURIComponent(id)}`, { signal });
}

export function createRequest(body: CreateRequestBody) {
  return apiRequest(RequestDetail, '/api/requests', { method: 'POST', body });
}

/** Moves the request on; the body is the step's data (checked by the server against the same schema). */
export function moveRequest(id: string, body: TransitionBody | Record<string, unknown>) {
  return apiRequest(TransitionResult, `/api/requests/${encodeURIComponent(id)}/transitions`, { method: 'POST', body });
}

export function getSizing(id: string, signal?: AbortSignal) {
  return apiRequest(SizingResult, `/api/requests/${encodeURIComponent(id)}/sizing`, { signal });
}

/** Every move of every request of one beneficiary the signed-in user may see, oldest first. */
export function getBeneficiaryTimeline(beneficiaryId: string, signal?: AbortSignal) {
  return apiRequest(BeneficiaryTimeline, `/api/beneficiaries/${encodeURIComponent(beneficiaryId)}/timeline`, { signal });
}
