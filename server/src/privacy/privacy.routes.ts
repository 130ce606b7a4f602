// Route declarations for one beneficiary's personal-data duties: export, anonymisation, erasure.
import { z } from 'zod';
import { ErrorBody, managementRoles } from '../../../schemas/common.ts';
import { AnonymiseResult, EraseResult, ExportQuery, RemovalBody } from '../../../schemas/privacy.ts';
import { json, routeGroup } from '../http/route.ts';

const route = routeGroup('privacy');

export const exportData = route.get(
  managementRoles, '/api/beneficiaries/{id}/export',
  {
    query: ExportQuery,
    200: { description: 'The export', content: { 'application/json': { schema: z.record(z.string(), z.unknown()) }, 'text/html': { schema: z.string() } } },
  },
  'Everything held about one beneficiary, as a JSON file or a printable HTML document (admins; managers for their own centre)',
  '`format=json` (default) answers `{ exportedAt, schemaVersion: 1, beneficiary, cpProfile, hydrocephalusProfile, headCircumferences, consents, ' +
  'familyLinks, referrals, assessments, requests, followUps, devices, reports, alerts, workOrders, notifications, audit }` as an attachment. ' +
  '`format=html&lang=id|en` answers a self-contained document (no script; a strict Content-Security-Policy). ' +
  'Electric-chair telemetry is summarised: sample count, first and last sample, daily rollups, and hourly rollups for the last 31 days. ' +
  'Recorded in the audit log as beneficiary.export.');

const removalErrors = {
  409: json(ErrorBody, 'Already anonymised'),
};

export const anonymise = route.post(
  ['admin'], '/api/beneficiaries/{id}/anonymise',
  { body: RemovalBody, 200: json(AnonymiseResult, 'Anonymised'), ...removalErrors },
  'Remove everything that identifies a beneficiary, keeping the statistics (admins)',
  'confirmName must equal the current full name exactly (else 422). The name becomes "Anonim <first 6 of id>", the birth date 1 July of the ' +
  'birth year; address, phone, city, diagnosis notes, clinical profiles, head circumferences, family links, report texts, comments and ' +
  'photos (rows and files), and the free text of assessments and pathway steps are removed; every active consent ends. Requests, chairs, ' +
  'work orders and telemetry stay. Recorded as beneficiary.anonymise with the reason.');

export const erase = route.post(['admin'], '/api/beneficiaries/{id}/erase', { body: RemovalBody, 200: json(EraseResult, 'Erased') },
  'Delete a beneficiary and everything that is theirs (admins)',
  'confirmName must equal the current full name exactly (else 422). Deletes the person with their profiles, consents, family links, ' +
  'referrals, assessments, requests and steps, follow-ups, reports (photo files too), red-flag alerts, and the notifications and webhook ' +
  'messages about them. Chairs are unassigned (a reserved one returns to stock); work orders and technical alerts stay, detached. ' +
  'The audit entry beneficiary.erase keeps only the id, the reason and the counts.');
