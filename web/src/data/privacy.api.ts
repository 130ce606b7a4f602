// Personal-data duties (UU PDP 27/2022): the audit log, and one beneficiary's export, anonymisation
// and erasure. Exports are plain links (the browser downloads or opens them), so only their addresses live here.
import type { z } from 'zod';
import type { Locale } from '../../../schemas/common.ts';
import { AnonymiseResult, AuditList, EraseResult, type AuditListQuery, type RemovalBody } from '../../../schemas/privacy.ts';
import { apiRequest } from './api-client.ts';

export type AuditQuery = Partial<Record<keyof AuditListQuery, string | number>>;

export function listAudit(query: AuditQuery, signal?: AbortSignal): Promise<AuditList> {
  return apiRequest(AuditList, '/api/audit', { query, signal });
}

const beneficiaryPath = (id: string) => `/api/beneficiaries/${encodeURIComponent(id)}`;

export function exportJsonUrl(id: string): string {
  return `${beneficiaryPath(id)}/export?format=json`;
}

export function exportHtmlUrl(id: string, lang: Locale): string {
  return `${beneficiaryPath(id)}/export?format=html&lang=${lang}`;
}

export function anonymiseBeneficiary(id: string, body: RemovalBody): Promise<z.infer<typeof AnonymiseResult>> {
  return apiRequest(AnonymiseResult, `${beneficiaryPath(id)}/anonymise`, { method: 'POST', body });
}

export function eraseBeneficiary(id: string, body: RemovalBody): Promise<z.infer<typeof EraseResult>> {
  return apiRequest(EraseResult, `${beneficiaryPath(id)}/erase`, { method: 'POST', body });
}
