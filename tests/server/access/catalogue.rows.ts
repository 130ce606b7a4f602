// Access rows for the device catalogue and chair credentials. A model belongs to no centre or
// family, so each target gets a fresh model; credentials act on a fresh electric chair of the
// target's beneficiary (own: family A1's, otherFamily: family A2's, otherCentre: family B1's).
import { row, type RowContext } from '../../helpers/access-matrix.ts';
import { unique } from '../../helpers/fixtures.ts';
import { beneficiaryId, centreId } from './targets.ts';

const modelBody = () => ({ name: `Model ${unique()}`, manufacturer: 'Matriks', kind: 'manual_adaptive', isoCode: '12 22 03', sizes: [{ seatWidthMm: 380, seatDepthMm: 400 }] });

const modelParams = async ({ h }: RowContext) => {
  const m = await h.db.prisma.deviceModel.create({ data: { ...modelBody(), sizes: { create: modelBody().sizes } } });
  return { id: m.id };
};

/** A fresh electric chair in use by the target's beneficiary, so each allowed call has one to rotate. */
const electricChair = async (ctx: RowContext) => {
  const db = ctx.h.db.prisma;
  const model = await db.deviceModel.findFirstOrThrow({ where: { kind: 'electric' } });
  const serial = `ACC-${unique()}`.toUpperCase();
  const d = await db.device.create({
    data: { serial, serialKey: serial, modelId: model.id, centreId: centreId(ctx), beneficiaryId: beneficiaryId(ctx), status: 'in_use' },
  });
  return { id: d.id };
};
const credentialBody = () => ({ reason: 'secret_leaked' });

// Columns:                                                            admin mgrA therA techA famA1 anon
export const catalogueRows = [
  row('GET /api/device-models', 'none',                                '200   200  200   200   403   401'),
  row('POST /api/device-models', 'none',                               '201   403  403   403   403   401', { body: modelBody }),
  row('GET /api/device-models/{id}', 'own',                            '200   200  200   200   403   401', { params: modelParams }),
  row('GET /api/device-models/{id}', 'otherFamily',                    '200   200  200   200   403   401', { params: modelParams }),
  row('GET /api/device-models/{id}', 'otherCentre',                    '200   200  200   200   403   401', { params: modelParams }),
  row('PATCH /api/device-models/{id}', 'own',                          '200   403  403   403   403   401', { params: modelParams, body: () => ({ serviceIntervalMonths: 6 }) }),
  row('PATCH /api/device-models/{id}', 'otherFamily',                  '200   403  403   403   403   401', { params: modelParams, body: () => ({ active: false }) }),
  row('PATCH /api/device-models/{id}', 'otherCentre',                  '200   403  403   403   403   401', { params: modelParams, body: () => ({ headSupport: true }) }),
  row('POST /api/devices/{id}/credentials', 'own',                     '201   201  403   201   403   401', { params: electricChair, body: credentialBody }),
  row('POST /api/devices/{id}/credentials', 'otherFamily',             '201   201  403   201   403   401', { params: electricChair, body: credentialBody }),
  row('POST /api/devices/{id}/credentials', 'otherCentre',             '201   404  403   404   403   401', { params: electricChair, body: credentialBody }),
];
