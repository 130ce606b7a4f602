// Access rows for device requests, the pathway transitions, sizing, follow-ups, the worklist and the
// indicators. Technicians and families may read requests in their scope (no clinical detail) and
// nothing else here; managers decide funding; therapists do the clinical steps.
import { row, type RowContext } from '../../helpers/access-matrix.ts';
import { assessBody, hydroBlock, referralBody, requestInState, stepBody } from '../../helpers/pathway.ts';
import { unique } from '../../helpers/fixtures.ts';
import { beneficiaryId } from './targets.ts';
import type { RequestState } from '../../../schemas/requests.ts';

/** The centre of the row's target beneficiary (family A1 and A2 are in centre A, B1 in centre B). */
const centreOf = (ctx: RowContext) => (ctx.target === 'otherCentre' ? ctx.world.centreB : ctx.world.centreA);

/** A fresh request of the target's beneficiary in `state`, once per actor. */
const requestIn = (state: RequestState) => async (ctx: RowContext) => ({
  id: (await requestInState(ctx.h, centreOf(ctx), state, { beneficiaryId: beneficiaryId(ctx) })).id,
});

/** The demo request of the target's beneficiary (every demo family's child has one). */
const demoRequest = async (ctx: RowContext) => ({
  id: (await ctx.h.db.prisma.deviceRequest.findFirstOrThrow({ where: { beneficiaryId: beneficiaryId(ctx) } })).id,
});

/** A beneficiary with consent and no request yet, in the target's centre, for each actor. */
const newReferral = async (ctx: RowContext) => {
  const b = await ctx.h.db.prisma.beneficiary.create({
    data: {
      centreId: centreOf(ctx), fullName: `Rujukan ${unique()}`, birthDate: new Date('1990-01-01T00:00:00Z'), sex: 'male', address: 'Jl. Uji', diagnosis: 'cp',
      consents: { create: { purpose: 'service', givenBy: 'beneficiary', method: 'verbal', givenAt: new Date() } },
    },
  });
  return { beneficiaryId: b.id, referral: referralBody() };
};

/** An open follow-up of the target's beneficiary, once per actor. */
const openFollowUp = async (ctx: RowContext) => {
  const r = await requestInState(ctx.h, centreOf(ctx), 'in_use', { beneficiaryId: beneficiaryId(ctx) });
  const f = await ctx.h.db.prisma.followUp.findFirstOrThrow({ where: { requestId: r.id } });
  return { id: f.id };
};
const followUpBody = () => ({ findings: 'Kursi masih pas, kulit baik.', pressureInjuryRisk: 'low', fitOk: true });

// Columns:                                                          admin mgrA therA techA famA1 anon
export const requestRows = [
  row('GET /api/requests', 'none',                                  '200   200  200   200   200   401'),
  row('GET /api/requests/{id}', 'own',                              '200   200  200   200   200   401', { params: demoRequest }),
  row('GET /api/requests/{id}', 'otherFamily',                      '200   200  200   200   404   401', { params: demoRequest }),
  row('GET /api/requests/{id}', 'otherCentre',                      '200   404  404   404   404   401', { params: demoRequest }),
  row('GET /api/beneficiaries/{id}/timeline', 'own',              '200   200  200   200   200   401', { params: (ctx) => ({ id: beneficiaryId(ctx) }) }),
  row('GET /api/beneficiaries/{id}/timeline', 'otherFamily',      '200   200  200   200   404   401', { params: (ctx) => ({ id: beneficiaryId(ctx) }) }),
  row('GET /api/beneficiaries/{id}/timeline', 'otherCentre',      '200   404  404   404   404   401', { params: (ctx) => ({ id: beneficiaryId(ctx) }) }),
  // Referral by a therapist (their centre) or an admin; centre A's therapist cannot refer centre B's beneficiary.
  row('POST /api/requests', 'own',                                  '201   403  201   403   403   401', { body: newReferral }),
  row('POST /api/requests', 'otherCentre',                          '201   403  404   403   403   401', { body: newReferral }),
  // Funding is the manager's move; therapists get 403 for it even in their own centre.
  row('POST /api/requests/{id}/transitions', 'own',                 '200   200  403   403   403   401', {
    params: requestIn('prescribed'), body: (ctx) => stepBody(ctx.h, 'approved'),
  }),
  // The assessment is the therapist's move; the manager gets 403 for it. (Family A2's child has CP and hydrocephalus.)
  row('POST /api/requests/{id}/transitions', 'otherFamily',         '200   403  200   403   403   401', {
    params: requestIn('referred'), body: () => assessBody({ hydrocephalus: hydroBlock }),
  }),
  row('POST /api/requests/{id}/transitions', 'otherCentre',         '200   404  404   403   403   401', {
    params: requestIn('prescribed'), body: (ctx) => stepBody(ctx.h, 'approved'),
  }),
  row('GET /api/requests/{id}/sizing', 'own',                       '200   200  200   403   403   401', { params: requestIn('assessed') }),
  row('GET /api/requests/{id}/sizing', 'otherFamily',               '200   200  200   403   403   401', { params: requestIn('assessed') }),
  row('GET /api/requests/{id}/sizing', 'otherCentre',               '200   404  404   403   403   401', { params: requestIn('assessed') }),
  row('GET /api/follow-ups', 'none',                                '200   200  200   403   403   401'),
  row('POST /api/follow-ups/{id}/complete', 'own',                  '200   403  200   403   403   401', { params: openFollowUp, body: followUpBody }),
  row('POST /api/follow-ups/{id}/complete', 'otherFamily',          '200   403  200   403   403   401', { params: openFollowUp, body: followUpBody }),
  row('POST /api/follow-ups/{id}/complete', 'otherCentre',          '200   403  404   403   403   401', { params: openFollowUp, body: followUpBody }),
  row('GET /api/worklist', 'none',                                  '200   200  200   403   403   401'),
  row('GET /api/indicators', 'none',                                '200   200  403   403   403   401'),
  row('GET /api/indicators/csv', 'none',                            '200   200  403   403   403   401'),
];
