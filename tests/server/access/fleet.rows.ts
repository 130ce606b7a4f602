// Access rows for the fleet: devices, their telemetry and refused messages, alerts and work orders.
// own: family A1's chair (centre A); otherFamily: family A2's chair (centre A); otherCentre: family B1's chair.
import { row, type RowContext } from '../../helpers/access-matrix.ts';
import { beneficiaryId } from './targets.ts';

async function deviceFor(ctx: RowContext) {
  return ctx.h.db.prisma.device.findFirstOrThrow({ where: { beneficiaryId: beneficiaryId(ctx) } });
}

const deviceParams = async (ctx: RowContext) => ({ id: (await deviceFor(ctx)).id });

/** A fresh open alert on the target's chair for each actor, so each allowed acknowledgement has one to acknowledge. */
const alertParams = async (ctx: RowContext) => {
  const d = await deviceFor(ctx);
  const a = await ctx.h.db.prisma.alert.create({ data: { centreId: d.centreId, deviceId: d.id, kind: 'silent_chair', severity: 'info' } });
  return { id: a.id };
};

/** A fresh open repair work order on the target's chair for each actor. */
const workOrderParams = async (ctx: RowContext) => {
  const d = await deviceFor(ctx);
  const w = await ctx.h.db.prisma.workOrder.create({ data: { centreId: d.centreId, deviceId: d.id, kind: 'repair' } });
  return { id: w.id };
};

/** Assign to the technician of the work order's own centre, so the status reflects access only. */
const assignBody = ({ world, target }: RowContext) => ({
  action: 'assign',
  assigneeId: target === 'otherCentre' ? world.user.technicianB : world.user.technicianA,
});

const createBody = async (ctx: RowContext) => ({ deviceId: (await deviceFor(ctx)).id, kind: 'repair', description: 'Roda berdecit.' });

// Columns:                                                            admin mgrA therA techA famA1 anon
export const fleetRows = [
  row('GET /api/devices', 'none',                                      '200   200  200   200   200   401'),
  row('GET /api/devices/{id}', 'own',                                  '200   200  200   200   200   401', { params: deviceParams }),
  row('GET /api/devices/{id}', 'otherFamily',                          '200   200  200   200   404   401', { params: deviceParams }),
  row('GET /api/devices/{id}', 'otherCentre',                          '200   404  404   404   404   401', { params: deviceParams }),
  row('GET /api/devices/{id}/telemetry', 'own',                        '200   200  200   200   403   401', { params: deviceParams }),
  row('GET /api/devices/{id}/telemetry', 'otherFamily',                '200   200  200   200   403   401', { params: deviceParams }),
  row('GET /api/devices/{id}/telemetry', 'otherCentre',                '200   404  404   404   403   401', { params: deviceParams }),
  row('GET /api/devices/{id}/rejected-messages', 'own',                '200   200  200   200   403   401', { params: deviceParams }),
  row('GET /api/devices/{id}/rejected-messages', 'otherFamily',        '200   200  200   200   403   401', { params: deviceParams }),
  row('GET /api/devices/{id}/rejected-messages', 'otherCentre',        '200   404  404   404   403   401', { params: deviceParams }),

  row('GET /api/alerts', 'none',                                       '200   200  200   200   403   401'),
  row('POST /api/alerts/{id}/acknowledge', 'own',                      '200   200  200   200   403   401', { params: alertParams }),
  row('POST /api/alerts/{id}/acknowledge', 'otherFamily',              '200   200  200   200   403   401', { params: alertParams }),
  row('POST /api/alerts/{id}/acknowledge', 'otherCentre',              '200   404  404   404   403   401', { params: alertParams }),

  row('GET /api/work-orders', 'none',                                  '200   200  200   200   200   401'),
  row('GET /api/work-orders/{id}', 'own',                              '200   200  200   200   200   401', { params: workOrderParams }),
  row('GET /api/work-orders/{id}', 'otherFamily',                      '200   200  200   200   404   401', { params: workOrderParams }),
  row('GET /api/work-orders/{id}', 'otherCentre',                      '200   404  404   404   404   401', { params: workOrderParams }),
  row('POST /api/work-orders', 'own',                                  '201   201  403   201   403   401', { body: createBody }),
  row('POST /api/work-orders', 'otherFamily',                          '201   201  403   201   403   401', { body: createBody }),
  row('POST /api/work-orders', 'otherCentre',                          '201   404  403   404   403   401', { body: createBody }),
  // Therapists work training and follow-up work orders only, so a repair is forbidden to them.
  row('PATCH /api/work-orders/{id}', 'own',                            '200   200  403   200   403   401', { params: workOrderParams, body: assignBody }),
  row('PATCH /api/work-orders/{id}', 'otherFamily',                    '200   200  403   200   403   401', { params: workOrderParams, body: assignBody }),
  row('PATCH /api/work-orders/{id}', 'otherCentre',                    '200   404  404   404   403   401', { params: workOrderParams, body: assignBody }),
];
