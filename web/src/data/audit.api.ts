// The audit log (UU PDP 27/2022): who read or changed what, filtered and paged.
import { AuditList, type AuditListQuery } from '../../../schemas/privacy.ts';
import { apiRequest } from './api-client.ts';

export type AuditQuery = Partial<Record<keyof AuditListQuery, string | number>>;

export function listAudit(query: AuditQuery, signal?: AbortSignal): Promise<AuditList> {
  return apiRequest(AuditList, '/api/audit', { query, signal });
}
