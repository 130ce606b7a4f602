// Route declarations for beneficiaries, their clinical profiles and consent.
import { z } from 'zod';
import {
  BeneficiaryDetail,
  BeneficiaryList,
  BeneficiaryListQuery,
  ConsentBody,
  ConsentWithdrawParams,
  CpProfileBody,
  CreateBeneficiaryBody,
  HydrocephalusProfileBody,
  UpdateBeneficiaryBody,
} from '../../../schemas/beneficiaries.ts';
import { clinicalWriterRoles, roles } from '../../../schemas/common.ts';
import { json, routeGroup } from '../http/route.ts';

const route = routeGroup('beneficiaries');
const conflictDoc = json(z.any(), 'Health-data consent missing or withdrawn (a guardian\'s for a child), or the record is anonymised');

export const list = route.get(roles, '/api/beneficiaries', { query: BeneficiaryListQuery, 200: json(BeneficiaryList, 'Beneficiaries') },
  'Beneficiaries in scope: own centre for staff, linked ones for families; diagnosis only for clinical roles');

export const get = route.get(roles, '/api/beneficiaries/{id}', { 200: json(BeneficiaryDetail, 'The beneficiary') },
  'One beneficiary; clinical detail only for therapists, managers and admins');

export const create = route.post(clinicalWriterRoles, '/api/beneficiaries', { body: CreateBeneficiaryBody, 201: json(BeneficiaryDetail, 'Registered') },
  'Register a beneficiary, with the consent given');

export const update = route.patch(
  clinicalWriterRoles, '/api/beneficiaries/{id}',
  {
    body: UpdateBeneficiaryBody,
    200: json(BeneficiaryDetail, 'Updated'),
    409: json(z.any(), 'Health-data consent missing or withdrawn, or the record is anonymised'),
  },
  'Change a beneficiary\'s details (diagnosis notes need active health-data consent)');

export const putCp = route.put(
  clinicalWriterRoles, '/api/beneficiaries/{id}/cp-profile',
  { body: CpProfileBody, 200: json(BeneficiaryDetail, 'Recorded'), 409: conflictDoc },
  'Record the cerebral palsy profile (needs active health-data consent)');

export const putHydro = route.put(
  clinicalWriterRoles, '/api/beneficiaries/{id}/hydrocephalus-profile',
  { body: HydrocephalusProfileBody, 200: json(BeneficiaryDetail, 'Recorded'), 409: conflictDoc },
  'Record the hydrocephalus profile (needs active health-data consent)');

export const addConsent = route.post(
  clinicalWriterRoles, '/api/beneficiaries/{id}/consents',
  { body: ConsentBody, 201: json(BeneficiaryDetail, 'Recorded'), 409: json(z.any(), 'The record is anonymised') },
  'Record consent for one or more purposes');

export const withdrawConsent = route.post(
  clinicalWriterRoles, '/api/beneficiaries/{id}/consents/{consentId}/withdraw',
  { params: ConsentWithdrawParams, 200: json(BeneficiaryDetail, 'Withdrawn'), 409: json(z.any(), 'Already withdrawn') },
  'Record that a consent was withdrawn');
