// Access rows for the personal-data duties: the audit log (admins all, managers their centre),
// one beneficiary's export (admins; managers of the beneficiary's centre), and anonymisation and
// erasure (admins only). Removal rows act on a fresh beneficiary per actor, never on the demo world.
import { row, type RowContext } from '../../helpers/access-matrix.ts';
import { beneficiaryId } from './targets.ts';

const params = (ctx: RowContext) => ({ id: beneficiaryId(ctx) });

const FRESH_NAME = 'Penerima Uji Matriks';
/**
 * A new beneficiary in the target's centre (own and otherFamily: centre A; otherCentre: centre B).
 * Only admins may remove anyone, whoever the family, so the role decides every status here; a fresh
 * record keeps the demo world intact for the rows that follow.
 */
const freshBeneficiary = async (ctx: RowContext) => {
  const b = await ctx.h.db.prisma.beneficiary.create({
    data: {
      centreId: ctx.target === 'otherCentre' ? ctx.world.centreB : ctx.world.centreA,
      fullName: FRESH_NAME, birthDate: new Date('2015-03-09T00:00:00Z'), sex: 'female', address: 'Jl. Matriks No. 3', diagnosis: 'cp',
    },
  });
  return { id: b.id };
};
const removal = () => ({ reason: 'Permintaan keluarga melalui surat resmi.', confirmName: FRESH_NAME });

// Columns:                                                          admin mgrA therA techA famA1 anon
export const privacyRows = [
  row('GET /api/audit', 'none',                                     '200   200  403   403   403   401'),
  row('GET /api/beneficiaries/{id}/export', 'own',                  '200   200  403   403   403   401', { params }),
  row('GET /api/beneficiaries/{id}/export', 'otherFamily',          '200   200  403   403   403   401', { params }),
  row('GET /api/beneficiaries/{id}/export', 'otherCentre',          '200   404  403   403   403   401', { params }),
  row('POST /api/beneficiaries/{id}/anonymise', 'own',              '200   403  403   403   403   401', { params: freshBeneficiary, body: removal }),
  row('POST /api/beneficiaries/{id}/anonymise', 'otherFamily',      '200   403  403   403   403   401', { params: freshBeneficiary, body: removal }),
  row('POST /api/beneficiaries/{id}/anonymise', 'otherCentre',      '200   403  403   403   403   401', { params: freshBeneficiary, body: removal }),
  row('POST /api/beneficiaries/{id}/erase', 'own',                  '200   403  403   403   403   401', { params: freshBeneficiary, body: removal }),
  row('POST /api/beneficiaries/{id}/erase', 'otherFamily',          '200   403  403   403   403   401', { params: freshBeneficiary, body: removal }),
  row('POST /api/beneficiaries/{id}/erase', 'otherCentre',          '200   403  403   403   403   401', { params: freshBeneficiary, body: removal }),
];
