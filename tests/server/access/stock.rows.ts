// Access rows for stock: receiving and correcting chairs, the stock view, and the chairs register import.
// own: family A1's chair (centre A); otherFamily: family A2's chair (centre A); otherCentre: family B1's chair.
import { row, type RowContext } from '../../helpers/access-matrix.ts';
import { unique } from '../../helpers/fixtures.ts';
import { beneficiaryId } from './targets.ts';

const deviceParams = async (ctx: RowContext) => ({ id: (await ctx.h.db.prisma.device.findFirstOrThrow({ where: { beneficiaryId: beneficiaryId(ctx) } })).id });

/** A new chair of a demo model for centre A (the only centre a centre-A actor may name). */
export const receiveBody = async ({ h, world }: RowContext) => {
  const model = await h.db.prisma.deviceModel.findFirstOrThrow({ where: { name: 'Moti-Care' }, include: { sizes: true } });
  const size = model.sizes[0]!;
  return { serial: `ACC-${unique()}`, modelId: model.id, centreId: world.centreA, seatWidthMm: size.seatWidthMm, seatDepthMm: size.seatDepthMm, receivedAt: '2026-01-05' };
};

// Columns:                                                            admin mgrA therA techA famA1 anon
export const stockRows = [
  row('POST /api/devices', 'none',                                     '201   201  403   201   403   401', { body: receiveBody }),
  row('PATCH /api/devices/{id}', 'own',                                '200   200  403   200   403   401', { params: deviceParams, body: () => ({ fundingSource: 'APBN' }) }),
  row('PATCH /api/devices/{id}', 'otherFamily',                        '200   200  403   200   403   401', { params: deviceParams, body: () => ({ fundingSource: 'APBN' }) }),
  row('PATCH /api/devices/{id}', 'otherCentre',                        '200   404  403   404   403   401', { params: deviceParams, body: () => ({ fundingSource: 'APBN' }) }),
  row('GET /api/stock', 'none',                                        '200   200  200   200   403   401'),
  // The matrix sends JSON: roles allowed to import get 415 (the file must be text/csv); real imports: imports-devices.test.ts.
  row('POST /api/imports/devices', 'none',                             '415   415  403   415   403   401', { query: 'dryRun=true' }),
  row('GET /api/imports/devices/template', 'none',                     '200   200  403   200   403   401', { query: 'lang=en' }),
];
