// Access rows for the signed-in person's own sessions and password.
import { randomBytes } from 'node:crypto';
import { hashToken } from '../../../server/src/sessions/sessions.service.ts';
import { ACTOR_ROLE, row, type RowContext } from '../../helpers/access-matrix.ts';
import { cheapAccount, quickSession } from '../../helpers/api.ts';
import { unique } from '../../helpers/fixtures.ts';
import type { WorldUser } from '../../helpers/world.ts';

/** A session row (not the actor's current one) of this demo user. */
async function sessionOf(ctx: RowContext, who: WorldUser): Promise<string> {
  const now = new Date();
  const s = await ctx.h.db.prisma.session.create({
    data: { tokenHash: hashToken(randomBytes(32).toString('base64url')), userId: ctx.world.user[who], createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + 3_600_000) },
  });
  return s.id;
}

/** own: another session of the actor's own account; otherFamily: family A2's; otherCentre: therapist B's. Never another's, whatever the role. */
const sessionParams = async (ctx: RowContext) => ({
  id: await sessionOf(ctx, ctx.target === 'own' ? (ctx.actor === 'anonymous' ? 'familyA1' : ctx.actor) : ctx.target === 'otherFamily' ? 'familyA2' : 'therapistB'),
});

/** A signed-in stand-in of the actor's role and centre, so signing out everywhere leaves the matrix's clients alone. */
const standIn = async (ctx: RowContext) => {
  const role = ACTOR_ROLE[ctx.actor]!;
  const { email } = await cheapAccount(ctx.h, { email: `standin.${unique()}@test.atensi.id`, role, centreId: role === 'admin' || role === 'family' ? null : ctx.world.centreA });
  return quickSession(ctx.h, email);
};

// Columns:                                                      admin mgrA therA techA famA1 anon
export const accountRows = [
  row('GET /api/me/sessions', 'none',                             '200   200  200   200   200   401'),
  row('DELETE /api/me/sessions/{id}', 'own',                      '200   200  200   200   200   401', { params: sessionParams }),
  row('DELETE /api/me/sessions/{id}', 'otherFamily',              '404   404  404   404   404   401', { params: sessionParams }),
  row('DELETE /api/me/sessions/{id}', 'otherCentre',              '404   404  404   404   404   401', { params: sessionParams }),
  row('POST /api/me/sessions/sign-out-everywhere', 'none',        '200   200  200   200   200   401', { standIn }),
  // A wrong current password: the route is reached (422), and the demo accounts keep theirs.
  row('POST /api/me/password', 'none',                            '422   422  422   422   422   401', {
    body: () => ({ currentPassword: 'not-the-password', newPassword: 'kuda lumping menari di pasar malam' }),
  }),
];
