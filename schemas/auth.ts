// Login, the signed-in user and their preferences.
import { z } from 'zod';
import { Email, Id, Locale, Role, text } from './common.ts';

export const LoginBody = z.strictObject({
  email: Email,
  password: z.string().min(1).max(200),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const Me = z
  .object({
    id: Id,
    email: z.string(),
    name: z.string(),
    role: Role,
    locale: Locale,
    centre: z.object({ id: Id, code: z.string(), name: z.string() }).nullable(),
    beneficiaryIds: z.array(Id).describe('for a family: the beneficiaries linked to them'),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;

export const UpdateMeBody = z.strictObject({
  locale: Locale.optional(),
  name: text(120).optional(),
});
export type UpdateMeBody = z.infer<typeof UpdateMeBody>;
