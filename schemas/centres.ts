// Centres (UPT/Balai) of the ATENSI programme.
import { z } from 'zod';
import { Id, text } from './common.ts';

export const CentreCode = z
  .string()
  .trim()
  .regex(/^[A-Z0-9-]{2,40}$/, 'use capital letters, digits and dashes');

export const Centre = z
  .object({ id: Id, code: z.string(), name: z.string(), city: z.string(), province: z.string() })
  .meta({ id: 'Centre' });
export type Centre = z.infer<typeof Centre>;

export const CreateCentreBody = z.strictObject({
  code: CentreCode,
  name: text(160),
  city: text(80),
  province: text(80),
});
export const UpdateCentreBody = CreateCentreBody.partial().strict();
