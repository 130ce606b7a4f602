// Route declarations for family issue reports: reporting, the scoped list and one report, photos,
// triage by centre staff and the comment thread between the family and the centre.
import { z } from 'zod';
import { ErrorBody, Id, roles, staffRoles } from '../../../schemas/common.ts';
import {
  CommentBody,
  CreateReportBody,
  PHOTO_LIMITS,
  ReportComment,
  ReportDetail,
  ReportList,
  ReportListQuery,
  ReportPhoto,
  TriageBody,
} from '../../../schemas/reports.ts';
import { json, routeGroup } from '../http/route.ts';

const route = routeGroup('reports');
const binary = z.string().meta({ format: 'binary' });
const mb = PHOTO_LIMITS.maxBytes / (1024 * 1024);

export const create = route.post(
  roles, '/api/reports',
  {
    body: CreateReportBody,
    201: json(ReportDetail, 'Reported'),
    200: json(ReportDetail, 'Already reported with this clientRequestId: the first report'),
    409: json(ErrorBody, 'The clientRequestId belongs to someone else\'s report'),
  },
  'Report a problem with a chair (families for their own beneficiary; staff on a family\'s behalf)',
  'Idempotent on `clientRequestId`: the same id sent again by the same person answers the first report with 200 and ' +
  'changes nothing; the same id from someone else is a 409. Red flags (a skin sore; headache, vomiting or unusual ' +
  'sleepiness with hydrocephalus) raise a critical alert and urgent notifications to the centre\'s therapists, and the ' +
  'answer carries `advice` for the family. Technicians record chair problems only (no red flags).');

export const list = route.get(roles, '/api/reports', { query: ReportListQuery, 200: json(ReportList, 'Reports') },
  'Reports in scope, most recent first: families their own, staff their centre\'s, admins all',
  'Technicians do not see red-flag reports (clinical signs).');

export const get = route.get(roles, '/api/reports/{id}', { 200: json(ReportDetail, 'The report') },
  'One report with its photos, status history and comments; staff also see who did what');

export const PhotoParams = z.object({ id: Id, photoId: Id });

export const uploadPhoto = route.post(
  roles, '/api/reports/{id}/photos',
  {
    rawBody: { required: true, content: Object.fromEntries(['image/jpeg', 'image/png', 'image/webp'].map((t) => [t, { schema: binary }])) },
    201: json(ReportPhoto, 'Stored'),
    409: json(ErrorBody, 'The report already has the most photos allowed, or (staff) no photos consent on file'),
    413: json(ErrorBody, `Larger than ${mb} MB`),
    415: json(ErrorBody, 'Not a JPEG, PNG or WebP image (by content)'),
  },
  `Add a photo (the raw image as the body: JPEG, PNG or WebP, at most ${mb} MB, ${PHOTO_LIMITS.perReport} per report)`,
  'The type is checked by content, not by name or declared type. The image is turned upright, scaled to at most ' +
  '1600 px and re-encoded as JPEG without any metadata (no GPS, no camera details). A family member sending a photo for ' +
  'their own report consents to it by sending it; staff need an active photos consent on file (a guardian\'s for a child), else 409.');

export const getPhoto = route.get(
  roles, '/api/reports/{id}/photos/{photoId}',
  { params: PhotoParams, 200: { description: 'The photo', content: { 'image/jpeg': { schema: binary } } } },
  'A report\'s photo (JPEG), only for the beneficiary\'s family and the centre\'s staff');

export const triage = route.post(
  staffRoles, '/api/reports/{id}/triage',
  { body: TriageBody, 200: json(ReportDetail, 'Triaged'), 409: json(ErrorBody, 'Already triaged') },
  'Triage a new report: into a work order for the chair, a clinical follow-up, or close it with a reason',
  'Only from status new. Technicians cannot make a clinical follow-up. The family is told of the change.');

export const photoRequest = route.post(
  staffRoles, '/api/reports/{id}/photo-request',
  { 200: json(z.object({ notified: z.number().int() }), 'The family was asked'), 409: json(ErrorBody, 'Closed, or no room for a photo') },
  'Ask the family for a photo of the problem: the family is notified and adds it from its report page',
  `409 when the report is resolved or closed, or already has ${PHOTO_LIMITS.perReport} photos.`);

export const comment = route.post(roles, '/api/reports/{id}/comments', { body: CommentBody, 201: json(ReportComment, 'Written') },
  'Write in the report\'s thread (plain text); the other side is notified');
