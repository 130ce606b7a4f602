// Follow-ups after a fitting: a therapist's or technician's worklist, and completing one.
import { CompleteFollowUpResult, Worklist, type CompleteFollowUpBody } from '../../../schemas/follow-ups.ts';
import { apiRequest } from './api-client.ts';

export function getWorklist(signal?: AbortSignal) {
  return apiRequest(Worklist, '/api/worklist', { signal });
}

export function completeFollowUp(id: string, body: CompleteFollowUpBody | Record<string, unknown>) {
  return apiRequest(CompleteFollowUpResult, `/api/follow-ups/${encodeURIComponent(id)}/complete`, { method: 'POST', body });
}
