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
import { clinicalWriterRoles, IdParams, roles } from '../../../schemas/common.ts';
import { defineRoute, json, jsonBody } from '../http/route.ts';

const tags = ['beneficiaries'];
const conflictDoc = json(z.any(), 'Health-data consent missing or withdrawn (a guardian\'s for a child), or the record is anonymised');

export const list = defineRoute(roles, {
  method: 'get',
  path: '/api/beneficiaries',
  tags,
  summary: 'Beneficiaries in scope: own centre for staff, linked ones for families; diagnosis only for clinical roles',
  request: { query: BeneficiaryListQuery },
  responses: { 200: json(BeneficiaryList, 'Beneficiaries') },
});

export const get = defineRoute(roles, {
  method: 'get',
  path: '/api/beneficiaries/{id}',
  tags,
  summary: 'One beneficiary; clinical detail only for therapists, managers and admins',
  request: { params: IdParams },
  responses: { 200: json(BeneficiaryDetail, 'The beneficiary') },
});

export const create = defineRoute(clinicalWriterRoles, {
  method: 'post',
  path: '/api/beneficiaries',
  tags,
  summary: 'Register a beneficiary, with the consent given',
  request: { body: jsonBody(CreateBeneficiaryBody) },
  responses: { 201: json(BeneficiaryDetail, 'Registered') },
});

export const update = defineRoute(clinicalWriterRoles, {
  method: 'patch',
  path: '/api/beneficiaries/{id}',
  tags,
  summary: 'Change a beneficiary\'s details (diagnosis notes need active health-data consent)',
  request: { params: IdParams, body: jsonBody(UpdateBeneficiaryBody) },
  responses: { 200: json(BeneficiaryDetail, 'Updated'), 409: json(z.any(), 'Health-data consent missing or withdrawn, or the record is anonymised') },
});

export const putCp = defineRoute(clinicalWriterRoles, {
  method: 'put',
  path: '/api/beneficiaries/{id}/cp-profile',
  tags,
  summary: 'Record the cerebral palsy profile (needs active health-data consent)',
  request: { params: IdParams, body: jsonBody(CpProfileBody) },
  responses: { 200: json(BeneficiaryDetail, 'Recorded'), 409: conflictDoc },
});

export const putHydro = defineRoute(clinicalWriterRoles, {
  method: 'put',
  path: '/api/beneficiaries/{id}/hydrocephalus-profile',
  tags,
  summary: 'Record the hydrocephalus profile (needs active health-data consent)',
  request: { params: IdParams, body: jsonBody(HydrocephalusProfileBody) },
  responses: { 200: json(BeneficiaryDetail, 'Recorded'), 409: conflictDoc },
});

export const addConsent = defineRoute(clinicalWriterRoles, {
  method: 'post',
  path: '/api/beneficiaries/{id}/consents',
  tags,
  summary: 'Record consent for one or more purposes',
  request: { params: IdParams, body: jsonBody(ConsentBody) },
  responses: { 201: json(BeneficiaryDetail, 'Recorded'), 409: json(z.any(), 'The record is anonymised') },
});

export const withdrawConsent = defineRoute(clinicalWriterRoles, {
  method: 'post',
  path: '/api/beneficiaries/{id}/consents/{consentId}/withdraw',
  tags,
  summary: 'Record that a consent was withdrawn',
  request: { params: ConsentWithdrawParams },
  responses: { 200: json(BeneficiaryDetail, 'Withdrawn'), 409: json(z.any(), 'Already withdrawn') },
});
