// Beneficiaries as the signed-in user may see them (the server trims clinical data by role), and the writes of clinical staff.
import type { z } from 'zod';
import {
  BeneficiaryDetail,
  BeneficiaryList,
  type ConsentBody,
  type CpProfileBody,
  type CreateBeneficiaryBody,
  type HydrocephalusProfileBody,
  type UpdateBeneficiaryBody,
} from '../../../schemas/beneficiaries.ts';
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

const path = (id: string, rest = '') => `/api/beneficiaries/${encodeURIComponent(id)}${rest}`;

/** Registers a person with the consent given; a 409 names a duplicate (possible_duplicate, duplicate_nik). */
export function createBeneficiary(body: CreateBeneficiaryBody): Promise<BeneficiaryDetail> {
  return apiRequest(BeneficiaryDetail, '/api/beneficiaries', { method: 'POST', body });
}

export function updateBeneficiary(id: string, body: UpdateBeneficiaryBody): Promise<BeneficiaryDetail> {
  return apiRequest(BeneficiaryDetail, path(id), { method: 'PATCH', body });
}

export function putCpProfile(id: string, body: CpProfileBody): Promise<BeneficiaryDetail> {
  return apiRequest(BeneficiaryDetail, path(id, '/cp-profile'), { method: 'PUT', body });
}

export function putHydrocephalusProfile(id: string, body: HydrocephalusProfileBody): Promise<BeneficiaryDetail> {
  return apiRequest(BeneficiaryDetail, path(id, '/hydrocephalus-profile'), { method: 'PUT', body });
}

export function recordConsent(id: string, body: ConsentBody): Promise<BeneficiaryDetail> {
  return apiRequest(BeneficiaryDetail, path(id, '/consents'), { method: 'POST', body });
}

export function withdrawConsent(id: string, consentId: string): Promise<BeneficiaryDetail> {
  return apiRequest(BeneficiaryDetail, path(id, `/consents/${encodeURIComponent(consentId)}/withdraw`), { method: 'POST' });
}
