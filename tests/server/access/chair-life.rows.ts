// Access rows for a chair's life: history, loans, return, transfer, receive, battery, retire.
// Each write gets a fresh chair per actor in the state the step needs, at the target's centre:
// own: centre A with family A1's person; otherFamily: centre A with family A2's; otherCentre: centre B.
import type { Prisma } from '@prisma/client';
import { isoDay } from '../../helpers/api.ts';
import { row, type RowContext } from '../../helpers/access-matrix.ts';
import { centreBody, unique } from '../../helpers/fixtures.ts';
import { serialKey } from '../../../schemas/devices.ts';
import { beneficiaryId, centreId } from './targets.ts';

/** A new electric chair at the target's centre, in `status`, with the target's person when it has a user. */
export async function freshChair(ctx: RowContext, status: string, extra: Partial<Prisma.DeviceUncheckedCreateInput> = {}) {
  const db = ctx.h.db.prisma;
  const model = await db.deviceModel.findFirstOrThrow({ where: { kind: 'electric' }, orderBy: { name: 'asc' } });
  const serial = `LIFE-${unique().toUpperCase()}`;
  const withUser = status === 'in_use' || status === 'on_loan';
  return db.device.create({
    data: {
      serial, serialKey: serialKey(serial), modelId: model.id, centreId: centreId(ctx), status,
      beneficiaryId: withUser ? beneficiaryId(ctx) : null, batteryInstalledAt: new Date('2025-01-01T00:00:00Z'), ...extra,
    },
  });
}

const chairIn = (status: string) => async (ctx: RowContext) => ({ id: (await freshChair(ctx, status)).id });

/** A chair in transit to the target's centre (own: to A; otherFamily: from A to B, so A's staff see it but do not receive it). */
const inTransit = async (ctx: RowContext) => {
  const db = ctx.h.db.prisma;
  const { world, target } = ctx;
  const [from, to] =
    target === 'own' ? [world.centreB, world.centreA]
    : target === 'otherFamily' ? [world.centreA, world.centreB]
    : [(await db.centre.create({ data: centreBody() })).id, world.centreB];
  const d = await freshChair(ctx, 'in_transit', { centreId: from });
  await db.transfer.create({ data: { deviceId: d.id, fromCentreId: from, toCentreId: to } });
  return { id: d.id };
};

const familyChair = async ({ h, ...ctx }: RowContext) => ({
  id: (await h.db.prisma.device.findFirstOrThrow({ where: { beneficiaryId: beneficiaryId({ h, ...ctx }) } })).id,
});

const loanBody = (ctx: RowContext) => ({ beneficiaryId: beneficiaryId(ctx), dueAt: isoDay(30), note: 'Sementara kursi pesanan dibuat.' });
const returnBody = () => ({ reason: 'outgrown', condition: 'good', notes: 'Anak sudah besar.' });
const transferBody = ({ world, target }: RowContext) => ({ toCentreId: target === 'otherCentre' ? world.centreA : world.centreB, note: 'Kelebihan stok.' });
const batteryBody = () => ({ installedAt: isoDay(0), notes: 'Baterai baru 24 V.' });
const retireBody = () => ({ reason: 'beyond_repair', notes: 'Rangka retak.' });

// Columns:                                                            admin mgrA therA techA famA1 anon
export const chairLifeRows = [
  row('GET /api/devices/{id}/history', 'own',                          '200   200  200   200   200   401', { params: familyChair }),
  row('GET /api/devices/{id}/history', 'otherFamily',                  '200   200  200   200   404   401', { params: familyChair }),
  row('GET /api/devices/{id}/history', 'otherCentre',                  '200   404  404   404   404   401', { params: familyChair }),
  row('GET /api/transfer-targets', 'none',                             '200   200  403   200   403   401'),
  row('GET /api/loans', 'none',                                        '200   200  200   200   403   401', { query: 'overdue=true' }),

  // Therapists lend and take chairs back (they work with the families); families never act.
  row('POST /api/devices/{id}/loan', 'own',                            '200   200  200   200   403   401', { params: chairIn('in_stock'), body: loanBody }),
  row('POST /api/devices/{id}/loan', 'otherFamily',                    '200   200  200   200   403   401', { params: chairIn('in_stock'), body: loanBody }),
  row('POST /api/devices/{id}/loan', 'otherCentre',                    '200   404  404   404   403   401', { params: chairIn('in_stock'), body: loanBody }),
  row('POST /api/devices/{id}/return', 'own',                          '200   200  200   200   403   401', { params: chairIn('in_use'), body: returnBody }),
  row('POST /api/devices/{id}/return', 'otherFamily',                  '200   200  200   200   403   401', { params: chairIn('on_loan'), body: returnBody }),
  row('POST /api/devices/{id}/return', 'otherCentre',                  '200   404  404   404   403   401', { params: chairIn('in_use'), body: returnBody }),

  row('POST /api/devices/{id}/transfer', 'own',                        '200   200  403   200   403   401', { params: chairIn('in_stock'), body: transferBody }),
  row('POST /api/devices/{id}/transfer', 'otherFamily',                '200   200  403   200   403   401', { params: chairIn('in_stock'), body: transferBody }),
  row('POST /api/devices/{id}/transfer', 'otherCentre',                '200   404  403   404   403   401', { params: chairIn('in_stock'), body: transferBody }),
  row('POST /api/devices/{id}/receive', 'own',                         '200   200  403   200   403   401', { params: inTransit, body: () => ({}) }),
  row('POST /api/devices/{id}/receive', 'otherFamily',                 '200   403  403   403   403   401', { params: inTransit, body: () => ({}) }),
  row('POST /api/devices/{id}/receive', 'otherCentre',                 '200   404  403   404   403   401', { params: inTransit, body: () => ({}) }),

  row('POST /api/devices/{id}/battery', 'own',                         '200   200  403   200   403   401', { params: chairIn('in_use'), body: batteryBody }),
  row('POST /api/devices/{id}/battery', 'otherFamily',                 '200   200  403   200   403   401', { params: chairIn('in_use'), body: batteryBody }),
  row('POST /api/devices/{id}/battery', 'otherCentre',                 '200   404  403   404   403   401', { params: chairIn('in_use'), body: batteryBody }),
  row('POST /api/devices/{id}/retire', 'own',                          '200   200  403   200   403   401', { params: chairIn('in_stock'), body: retireBody }),
  row('POST /api/devices/{id}/retire', 'otherFamily',                  '200   200  403   200   403   401', { params: chairIn('refurbishing'), body: retireBody }),
  row('POST /api/devices/{id}/retire', 'otherCentre',                  '200   404  403   404   403   401', { params: chairIn('in_repair'), body: retireBody }),
];
