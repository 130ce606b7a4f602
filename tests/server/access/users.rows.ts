// Access rows for user accounts, invitations and family links.
import { row, type RowContext } from '../../helpers/access-matrix.ts';
import { userBody } from '../../helpers/fixtures.ts';
import { beneficiaryId, freshFamilyUser, freshInvitation, userId } from './targets.ts';

const params = (ctx: RowContext) => ({ id: userId(ctx) });
const linkParams = async (ctx: RowContext) => ({ id: await freshFamilyUser(ctx) });
const linkBody = (ctx: RowContext) => ({ beneficiaryId: beneficiaryId(ctx), relationship: 'guardian' });
/** A fresh link for each actor, so the admin's deletion always has one to delete. */
const existingLink = async (ctx: RowContext) => {
  const id = await freshFamilyUser(ctx);
  const b = beneficiaryId(ctx);
  await ctx.h.db.prisma.familyLink.create({ data: { userId: id, beneficiaryId: b, relationship: 'parent' } });
  return { id, beneficiaryId: b };
};

// Columns:                                                          admin mgrA therA techA famA1 anon
export const userRows = [
  row('GET /api/users', 'none',                                     '200   200  403   403   403   401'),
  row('GET /api/users/{id}', 'own',                                 '200   200  403   403   403   401', { params }),
  row('GET /api/users/{id}', 'otherFamily',                         '200   200  403   403   403   401', { params }),
  row('GET /api/users/{id}', 'otherCentre',                         '200   404  403   403   403   401', { params }),
  row('POST /api/users', 'none',                                    '201   201  403   403   403   401', {
    body: ({ world }) => userBody('technician', world.centreA),
  }),
  row('PATCH /api/users/{id}', 'own',                               '200   200  403   403   403   401', { params, body: () => ({ phone: '+62 811 2000 3000' }) }),
  row('PATCH /api/users/{id}', 'otherFamily',                       '200   200  403   403   403   401', { params, body: () => ({ phone: '+62 811 2000 3002' }) }),
  row('PATCH /api/users/{id}', 'otherCentre',                       '200   404  403   403   403   401', { params, body: () => ({ phone: '+62 811 2000 3001' }) }),
  // Re-inviting only replaces open links: the demo accounts keep their passwords and sessions.
  row('POST /api/users/{id}/invitations', 'own',                    '201   201  403   403   403   401', { params }),
  row('POST /api/users/{id}/invitations', 'otherFamily',            '201   201  403   403   403   401', { params }),
  row('POST /api/users/{id}/invitations', 'otherCentre',            '201   404  403   403   403   401', { params }),
  // The public link page: anyone holding a fresh link (signed in or not) reaches it.
  row('GET /api/invitations/{token}', 'none',                       '200   200  200   200   200   200', { params: freshInvitation }),
  row('POST /api/invitations/{token}/accept', 'none',               '200   200  200   200   200   200', {
    params: freshInvitation,
    body: () => ({ password: 'kuda lumping menari di pasar malam' }),
  }),
  row('POST /api/users/{id}/family-links', 'own',                   '201   403  403   403   403   401', { params: linkParams, body: linkBody }),
  row('POST /api/users/{id}/family-links', 'otherFamily',           '201   403  403   403   403   401', { params: linkParams, body: linkBody }),
  row('POST /api/users/{id}/family-links', 'otherCentre',           '201   403  403   403   403   401', { params: linkParams, body: linkBody }),
  row('DELETE /api/users/{id}/family-links/{beneficiaryId}', 'own', '200   403  403   403   403   401', { params: existingLink }),
  row('DELETE /api/users/{id}/family-links/{beneficiaryId}', 'otherFamily', '200 403 403 403 403 401', { params: existingLink }),
  row('DELETE /api/users/{id}/family-links/{beneficiaryId}', 'otherCentre', '200 403 403   403   403   401', { params: existingLink }),
];
