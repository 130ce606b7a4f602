// User accounts: scoped reads, creation with hashed passwords, and the public view of a user.
import type { Prisma } from '@prisma/client';
import type { Locale, Role } from '../../../schemas/common.ts';
import type { CreateUserBody, Relationship, User } from '../../../schemas/users.ts';
import type { Db } from '../../../core/db/client.ts';
import type { Actor } from '../access/actor.ts';
import { hashPassword } from '../auth/password.ts';

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

export async function createUser(db: Db, body: CreateUserBody) {
  const { password, centreId, ...rest } = body;
  return db.user.create({
    data: { ...rest, centreId: centreId ?? null, passwordHash: await hashPassword(password) },
    include: userInclude,
  });
}
