// Staff and family accounts, and the links between family users and beneficiaries.
import { z } from 'zod';
import { Email, Id, Locale, Phone, Role, text } from './common.ts';
import { Password } from './password.ts';

export const Relationship = z.enum(['parent', 'guardian', 'sibling', 'self', 'other']);
export type Relationship = z.infer<typeof Relationship>;

export const FamilyLink = z.object({
  beneficiaryId: Id,
  beneficiaryName: z.string(),
  relationship: Relationship,
});

export const User = z
  .object({
    id: Id,
    email: z.string(),
    name: z.string(),
    role: Role,
    centreId: Id.nullable(),
    locale: Locale,
    phone: z.string().nullable(),
    disabled: z.boolean(),
    lastLoginAt: z.string().nullable(),
    familyLinks: z.array(FamilyLink),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof User>;

export { Password };

export const CreateUserBody = z
  .strictObject({
    email: Email,
    name: text(120),
    role: Role,
    centreId: Id.nullable().optional(),
    locale: Locale.default('id'),
    phone: Phone.optional(),
    /** A family account may be linked to its beneficiary in the same step. */
    familyLink: z.strictObject({ beneficiaryId: Id, relationship: Relationship }).optional(),
  })
  .superRefine((u, ctx) => {
    const needsCentre = u.role === 'manager' || u.role === 'therapist' || u.role === 'technician';
    if (needsCentre && !u.centreId) {
      ctx.addIssue({ code: 'custom', path: ['centreId'], message: 'staff accounts belong to a centre' });
    }
    if (u.role === 'admin' && u.centreId) {
      ctx.addIssue({ code: 'custom', path: ['centreId'], message: 'admins are national, not of a centre' });
    }
    if (u.familyLink && u.role !== 'family') {
      ctx.addIssue({ code: 'custom', path: ['familyLink'], message: 'only family accounts are linked to beneficiaries' });
    }
  });
export type CreateUserBody = z.infer<typeof CreateUserBody>;

export const UpdateUserBody = z.strictObject({
  name: text(120).optional(),
  locale: Locale.optional(),
  phone: Phone.nullable().optional(),
  disabled: z.boolean().optional(),
});
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;

export const CreateFamilyLinkBody = z.strictObject({
  beneficiaryId: Id,
  relationship: Relationship,
});

/** The roles a centre's manager may invite, always into their own centre; admins invite any role. */
export const managerInvitableRoles = ['therapist', 'technician', 'family'] as const satisfies readonly Role[];
export const FamilyLinkParams = z.object({ id: Id, beneficiaryId: Id });

export const UserListQuery = z.object({
  centreId: Id.optional(),
  role: Role.optional(),
});
