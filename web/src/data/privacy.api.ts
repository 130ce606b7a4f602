// One beneficiary's export, anonymisation and erasure (UU PDP 27/2022); exports are plain links, so only their addresses live here.
import type { z } from 'zod';
import type { Locale } from '../../../schemas/common.ts';
import { AnonymiseResult, EraseResult, type RemovalBody } from '../../../schemas/privacy.ts';
import { apiRequest } from './api-client.ts';

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
