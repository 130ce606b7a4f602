// Family reports as centre staff handle them: the list with its filters, one report, triage into a
// work order / clinical follow-up / closing, and the comment thread.
import { z } from 'zod';
import { ReportDetail, ReportList, type ReportListQuery, TriageBody } from '../../../schemas/reports.ts';
import { apiRequest } from './api-client.ts';

export type StaffReportQuery = { limit?: number; offset?: number } & Partial<Omit<z.infer<typeof ReportListQuery>, 'limit' | 'offset'>>;
export type TriageInput = z.input<typeof TriageBody>;

/** The comment route's answer is not needed: the page reloads the report to show the thread. */
const Anything = z.unknown();

export function listReports(query: StaffReportQuery, signal?: AbortSignal): Promise<z.infer<typeof ReportList>> {
  return apiRequest(ReportList, '/api/reports', { query: { ...query }, signal });
}

export function getReport(id: string, signal?: AbortSignal): Promise<ReportDetail> {
  return apiRequest(ReportDetail, `/api/reports/${encodeURIComponent(id)}`, { signal });
}

export function triageReport(id: string, body: TriageInput): Promise<ReportDetail> {
  return apiRequest(ReportDetail, `/api/reports/${encodeURIComponent(id)}/triage`, { method: 'POST', body });
}

/** Asks the family for a photo of the problem (they are notified). */
export async function requestPhoto(id: string): Promise<void> {
  await apiRequest(Anything, `/api/reports/${encodeURIComponent(id)}/photo-request`, { method: 'POST', body: {} });
}

export async function addComment(id: string, body: string): Promise<void> {
  await apiRequest(Anything, `/api/reports/${encodeURIComponent(id)}/comments`, { method: 'POST', body: { body } });
}
