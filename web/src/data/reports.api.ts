// Family reports, for the family and for centre staff: list, read, create (idempotent by clientRequestId),
// photos, comments, and the staff's triage and photo requests.
import { z } from 'zod';
import { ErrorBody } from '../../../schemas/common.ts';
import { type CreateReportBody, ReportComment, ReportDetail, ReportList, type ReportListQuery, ReportPhoto, TriageBody } from '../../../schemas/reports.ts';
import { apiRequest } from './api-client.ts';
import { ApiError } from './api-error.ts';

export type ReportPage = z.infer<typeof ReportList>;

export type ReportQuery = { limit?: number; offset?: number } & Partial<Omit<z.infer<typeof ReportListQuery>, 'limit' | 'offset'>>;
export type TriageInput = z.input<typeof TriageBody>;

/** An answer the caller does not need: the page reloads the report instead. */
const Anything = z.unknown();

export function listReports(query: ReportQuery, signal?: AbortSignal): Promise<ReportPage> {
  return apiRequest(ReportList, '/api/reports', { query: { ...query }, signal });
}

export function getReport(id: string, signal?: AbortSignal): Promise<ReportDetail> {
  return apiRequest(ReportDetail, `/api/reports/${encodeURIComponent(id)}`, { signal });
}

/**
 * Creates a report, or answers the one already made with the same clientRequestId (a resend).
 * `sessionRequired: false` for background sends: a lapsed session must not throw the person out.
 */
export function createReport(body: CreateReportBody, options: { sessionRequired?: boolean } = {}): Promise<ReportDetail> {
  return apiRequest(ReportDetail, '/api/reports', { method: 'POST', body, sessionRequired: options.sessionRequired });
}

export function triageReport(id: string, body: TriageInput): Promise<ReportDetail> {
  return apiRequest(ReportDetail, `/api/reports/${encodeURIComponent(id)}/triage`, { method: 'POST', body });
}

/** Asks the family for a photo of the problem (they are notified). */
export async function requestPhoto(id: string): Promise<void> {
  await apiRequest(Anything, `/api/reports/${encodeURIComponent(id)}/photo-request`, { method: 'POST', body: {} });
}

export function addComment(reportId: string, body: string): Promise<ReportComment> {
  return apiRequest(ReportComment, `/api/reports/${encodeURIComponent(reportId)}/comments`, { method: 'POST', body: { body } });
}

/** Uploads one photo as the raw image body; the server checks the type by content and re-encodes it. */
export async function uploadPhoto(reportId: string, photo: Blob): Promise<z.infer<typeof ReportPhoto>> {
  let res: Response;
  try {
    res = await fetch(`/api/reports/${encodeURIComponent(reportId)}/photos`, {
      method: 'POST',
      headers: { 'content-type': photo.type || 'application/octet-stream', accept: 'application/json' },
      body: photo,
      credentials: 'same-origin',
    });
  } catch (err) {
    throw new ApiError(0, 'network', err instanceof Error ? err.message : 'network error');
  }
  const payload: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const parsed = ErrorBody.safeParse(payload);
    if (parsed.success) throw new ApiError(res.status, parsed.data.error.code, parsed.data.error.message, parsed.data.error.issues);
    throw new ApiError(res.status, res.status >= 500 ? 'internal' : 'bad_request', `HTTP ${res.status}`);
  }
  const parsed = ReportPhoto.safeParse(payload);
  if (!parsed.success) throw new ApiError(res.status, 'invalid_response', `unexpected answer from the photo upload: ${parsed.error.message}`);
  return parsed.data;
}
