// Access rows for family issue reports: families reach only their own beneficiary's reports (by id,
// list, photo URL or comment), staff their centre's, admins all. Triage is for staff.
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { row, type RowContext } from '../../helpers/access-matrix.ts';
import { storePhoto } from '../../../server/src/reports/photos.ts';
import { beneficiaryId } from './targets.ts';

/** A fresh chair report (not a red flag, so technicians see it too) of the target's beneficiary. */
async function freshReport(ctx: RowContext) {
  const r = await ctx.h.db.prisma.issueReport.create({
    data: { beneficiaryId: beneficiaryId(ctx), category: 'wont_charge', description: 'Lampu pengisi daya tidak menyala', events: { create: { status: 'new' } } },
  });
  return { id: r.id };
}

let jpeg: Buffer | undefined;
/** A fresh report with one stored photo. */
async function reportWithPhoto(ctx: RowContext) {
  const { id } = await freshReport(ctx);
  jpeg ??= await sharp({ create: { width: 32, height: 24, channels: 3, background: '#3a6' } }).jpeg().toBuffer();
  const p = await ctx.h.db.prisma.reportPhoto.create({ data: { reportId: id, sha256: 'x', width: 32, height: 24, bytes: jpeg.length } });
  await storePhoto(ctx.h.config.dataDir, p.id, jpeg);
  return { id, photoId: p.id };
}

const newReport = (ctx: RowContext) => ({ beneficiaryId: beneficiaryId(ctx), category: 'brakes', clientRequestId: randomUUID() });
const closeIt = () => ({ outcome: 'closed', note: 'Sudah diperbaiki sendiri oleh keluarga.' });
const commentBody = () => ({ body: 'Kapan teknisi bisa datang?' });

// Columns:                                                          admin mgrA therA techA famA1 anon
export const reportRows = [
  row('POST /api/reports', 'own',                                   '201   201  201   201   201   401', { body: newReport }),
  row('POST /api/reports', 'otherFamily',                           '201   201  201   201   404   401', { body: newReport }),
  row('POST /api/reports', 'otherCentre',                           '201   404  404   404   404   401', { body: newReport }),
  row('GET /api/reports', 'none',                                   '200   200  200   200   200   401'),
  row('GET /api/reports/{id}', 'own',                               '200   200  200   200   200   401', { params: freshReport }),
  row('GET /api/reports/{id}', 'otherFamily',                       '200   200  200   200   404   401', { params: freshReport }),
  row('GET /api/reports/{id}', 'otherCentre',                       '200   404  404   404   404   401', { params: freshReport }),
  // The matrix sends JSON; a photo must be the raw image, so whoever may reach the report gets 415
  // and everyone else 404: scope is decided before the body is read. Real uploads: reports-photos.test.ts.
  row('POST /api/reports/{id}/photos', 'own',                       '415   415  415   415   415   401', { params: freshReport }),
  row('POST /api/reports/{id}/photos', 'otherFamily',               '415   415  415   415   404   401', { params: freshReport }),
  row('POST /api/reports/{id}/photos', 'otherCentre',               '415   404  404   404   404   401', { params: freshReport }),
  row('GET /api/reports/{id}/photos/{photoId}', 'own',              '200   200  200   200   200   401', { params: reportWithPhoto }),
  row('GET /api/reports/{id}/photos/{photoId}', 'otherFamily',      '200   200  200   200   404   401', { params: reportWithPhoto }),
  row('GET /api/reports/{id}/photos/{photoId}', 'otherCentre',      '200   404  404   404   404   401', { params: reportWithPhoto }),
  row('POST /api/reports/{id}/triage', 'own',                       '200   200  200   200   403   401', { params: freshReport, body: closeIt }),
  row('POST /api/reports/{id}/triage', 'otherFamily',               '200   200  200   200   403   401', { params: freshReport, body: closeIt }),
  row('POST /api/reports/{id}/triage', 'otherCentre',               '200   404  404   404   403   401', { params: freshReport, body: closeIt }),
  row('POST /api/reports/{id}/photo-request', 'own',                '200   200  200   200   403   401', { params: freshReport }),
  row('POST /api/reports/{id}/photo-request', 'otherFamily',        '200   200  200   200   403   401', { params: freshReport }),
  row('POST /api/reports/{id}/photo-request', 'otherCentre',        '200   404  404   404   403   401', { params: freshReport }),
  row('POST /api/reports/{id}/comments', 'own',                     '201   201  201   201   201   401', { params: freshReport, body: commentBody }),
  row('POST /api/reports/{id}/comments', 'otherFamily',             '201   201  201   201   404   401', { params: freshReport, body: commentBody }),
  row('POST /api/reports/{id}/comments', 'otherCentre',             '201   404  404   404   404   401', { params: freshReport, body: commentBody }),
];
