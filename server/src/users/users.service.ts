// User accounts: creation (invited, without a password), and the public view of a user.
import type { Prisma } from '@prisma/client';
import { centreStaffRoles, type Locale, type Role } from '../../../schemas/common.ts';
import type { CreateUserBody, Relationship, User } from '../../../schemas/users.ts';
import type { Tx } from '../../../core/db/client.ts';
import type { Actor } from '../access/actor.ts';

export const userInclude = {
  familyLinks: { include: { beneficiary: { select: { fullName: true } } } },
} satisfies Prisma.UserInclude;

type UserRow = Prisma.UserGetPayload<{ include: typeof userInclude }>;

export function toUser(u: UserRow): User {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role as Role,
    centreId: u.centreId,
    locale: u.locale as Locale,
    phone: u.phone,
    disabled: u.disabled,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    familyLinks: u.familyLinks.map((l) => ({
      beneficiaryId: l.beneficiaryId,
      beneficiaryName: l.beneficiary.fullName,
      relationship: l.relationship as Relationship,
    })),
  };
}

/**
 * Creates the account, optionally linked to its beneficiary. Invited accounts have no password
 * (null) until the person sets one; only `admin:create` passes a hash, made beforehand (hashing is
 * slow: keep it out of the transaction).
 */
export async function createUser(tx: Tx, body: Omit<CreateUserBody, 'familyLink'>, passwordHash: string | null, familyLink?: CreateUserBody['familyLink']) {
  const { centreId, ...rest } = body;
  return tx.user.create({
    data: { ...rest, centreId: centreId ?? null, passwordHash, ...(familyLink ? { familyLinks: { create: familyLink } } : {}) },
    include: userInclude,
  });
}
