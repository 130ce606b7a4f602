// How a row's target resolves to the ids of the demo world, shared by the feature rows.
import type { RowContext } from '../../helpers/access-matrix.ts';
import { randomBytes } from 'node:crypto';
import { hashToken } from '../../../server/src/sessions/sessions.service.ts';
import { unique } from '../../helpers/fixtures.ts';

/** own: family A1's beneficiary; otherFamily: family A2's (same centre); otherCentre: family B1's. */
export function beneficiaryId({ world, target }: RowContext): string {
  if (target === 'own') return world.beneficiaryOf.familyA1;
  if (target === 'otherFamily') return world.beneficiaryOf.familyA2;
  if (target === 'otherCentre') return world.beneficiaryOf.familyB1;
  throw new Error('a beneficiary row needs a target');
}

/**
 * own: centre A. otherFamily: the centre of another family's beneficiary (family A2's, also centre A):
 * a centre belongs to no family, so this row shows that what a family reaches of a centre does not
 * hinge on whose link it is. otherCentre: centre B.
 */
export function centreId({ world, target }: RowContext): string {
  if (target === 'own' || target === 'otherFamily') return world.centreA;
  if (target === 'otherCentre') return world.centreB;
  throw new Error(`no centre for target ${target}`);
}

/** own: a centre-A therapist's account; otherFamily: family A2's account; otherCentre: a centre-B therapist's. */
export function userId({ world, target }: RowContext): string {
  if (target === 'own') return world.user.therapistA2;
  if (target === 'otherFamily') return world.user.familyA2;
  if (target === 'otherCentre') return world.user.therapistB;
  throw new Error(`no user for target ${target}`);
}

/** A family account that cannot sign in (its hash is not a valid hash), for link tests. */
export async function freshFamilyUser({ h }: RowContext): Promise<string> {
  const u = await h.db.prisma.user.create({
    data: { email: `family.${unique()}@test.atensi.id`, name: 'Keluarga Uji', role: 'family', passwordHash: 'not-a-hash' },
  });
  return u.id;
}

/** A family account without a password and its open invitation; the token the link holds. */
export async function freshInvitation({ h }: RowContext): Promise<{ token: string }> {
  const u = await h.db.prisma.user.create({ data: { email: `invited.${unique()}@test.atensi.id`, name: 'Keluarga Diundang', role: 'family' } });
  const token = randomBytes(32).toString('base64url');
  await h.db.prisma.invitation.create({ data: { userId: u.id, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + 86_400_000) } });
  return { token };
}
