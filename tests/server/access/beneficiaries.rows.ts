// Access rows for beneficiaries, their clinical profiles and consent.
import { type MatrixRow, row, type RowContext, type Target } from '../../helpers/access-matrix.ts';
import {
  adultBeneficiaryBody,
  cpProfileBody,
  guardianConsentBody,
  hydrocephalusProfileBody,
} from '../../helpers/fixtures.ts';
import { beneficiaryId } from './targets.ts';

const params = (ctx: RowContext) => ({ id: beneficiaryId(ctx) });
/** A fresh consent for each actor, so each allowed withdrawal has an active one to withdraw. */
const consentParams = async (ctx: RowContext) => {
  const id = beneficiaryId(ctx);
  const consent = await ctx.h.db.prisma.consent.create({
    data: { beneficiaryId: id, givenBy: 'guardian', guardianName: 'Wali Uji', purpose: 'photos', method: 'verbal', givenAt: new Date() },
  });
  return { id, consentId: consent.id };
};

/** Writers are admins and therapists; a therapist of centre A gets 404 for centre B's beneficiary. */
function writeRows(op: MatrixRow['op'], ok: number, options: Omit<MatrixRow, 'op' | 'target' | 'expect'>): MatrixRow[] {
  const rows: [Target, string][] = [
    // Columns: admin mgrA therA techA famA1 anon
    ['own',         `${ok}  403  ${ok}  403   403   401`],
    ['otherFamily', `${ok}  403  ${ok}  403   403   401`],
    ['otherCentre', `${ok}  403  404    403   403   401`],
  ];
  return rows.map(([target, statuses]) => row(op, target, statuses, options));
}

// Columns:                                                 admin mgrA therA techA famA1 anon
export const beneficiaryRows = [
  row('GET /api/beneficiaries', 'none',                    '200   200  200   200   200   401'),
  row('GET /api/beneficiaries/{id}', 'own',                '200   200  200   200   200   401', { params }),
  row('GET /api/beneficiaries/{id}', 'otherFamily',        '200   200  200   200   404   401', { params }),
  row('GET /api/beneficiaries/{id}', 'otherCentre',        '200   404  404   404   404   401', { params }),
  // Created in the caller's own centre (admins name centre A).
  row('POST /api/beneficiaries', 'own',                    '201   403  201   403   403   401', {
    body: ({ world, actor }) => adultBeneficiaryBody(actor === 'admin' ? { centreId: world.centreA } : {}),
  }),
  // Naming centre B: fine for an admin, not found for centre A's staff.
  row('POST /api/beneficiaries', 'otherCentre',            '201   403  404   403   403   401', {
    body: ({ world }) => adultBeneficiaryBody({ centreId: world.centreB }),
  }),
  ...writeRows('PATCH /api/beneficiaries/{id}', 200, { params, body: () => ({}) }),
  ...writeRows('PUT /api/beneficiaries/{id}/cp-profile', 200, { params, body: () => cpProfileBody() }),
  ...writeRows('PUT /api/beneficiaries/{id}/hydrocephalus-profile', 200, { params, body: () => hydrocephalusProfileBody() }),
  ...writeRows('POST /api/beneficiaries/{id}/consents', 201, {
    params,
    // The demo beneficiaries of families are children: their consent comes from a guardian.
    body: () => guardianConsentBody({ purposes: ['research'] }),
  }),
  ...writeRows('POST /api/beneficiaries/{id}/consents/{consentId}/withdraw', 200, { params: consentParams }),
];
