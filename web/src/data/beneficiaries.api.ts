// Beneficiaries as the signed-in user may see them (the server trims clinical data by role).
import type { z } from 'zod';
import { BeneficiaryDetail, BeneficiaryList } from '../../../schemas/beneficiaries.ts';
import { apiRequest } from './api-client.ts';

export type BeneficiaryPage = z.infer<typeof BeneficiaryList>;

export interface BeneficiaryQuery {
  q?: string;
  limit?: number;
  offset?: number;
}

export function listBeneficiaries(query: BeneficiaryQuery, signal?: AbortSignal): Promise<BeneficiaryPage> {
  return apiRequest(BeneficiaryList, '/api/beneficiaries', { query: { ...query }, signal });
}

export function getBeneficiary(id: string, signal?: AbortSignal): Promise<BeneficiaryDetail> {
  return apiRequest(BeneficiaryDetail, `/api/beneficiaries/${encodeURIComponent(id)}`, { signal });
}
