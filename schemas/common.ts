// Shared primitives: ids, roles, locales, paging and the one error shape of the API.
import { z } from 'zod';

export const roles = ['admin', 'manager', 'therapist', 'technician', 'family'] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;
export const staffRoles = ['manager', 'therapist', 'technician'] as const satisfies readonly Role[];

export const locales = ['id', 'en'] as const;
export const Locale = z.enum(locales);
export type Locale = z.infer<typeof Locale>;

/** Server-generated ids (cuid): letters and digits only, which also keeps them safe in MQTT topics. */
export const Id = z.string().regex(/^[a-z0-9]{8,40}$/, 'not a valid id');
export const IdParams = z.object({ id: Id });

/** Free text from people: trimmed, bounded, no control characters other than newlines and tabs. */
export function text(max: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/, 'contains control characters');
}

/** A calendar date as YYYY-MM-DD, checked to be a real date. */
export const IsoDate = z.iso.date();
/** An instant with a time zone, e.g. 2026-11-23T08:00:00Z or +07:00. */
export const IsoDateTime = z.iso.datetime({ offset: true });

export const Email = z.string().trim().toLowerCase().max(254).pipe(z.email());
export const Phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{6,20}$/, 'not a phone number');

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const ErrorCode = z.enum([
  'bad_request',
  'invalid_input',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/**
 * Why a request conflicts with the data, for clients to explain it in the reader's language and
 * offer the way forward: a refit before training, the open request to continue, a reload.
 */
export const errorReasons = ['refit_needed', 'open_request_exists', 'request_changed'] as const;
export const ErrorReason = z.enum(errorReasons);
export type ErrorReason = z.infer<typeof ErrorReason>;

export const ErrorDetails = z.object({
  reason: ErrorReason,
  /** With open_request_exists: the request to continue instead of making a second one. */
  openRequestId: Id.optional(),
});
export type ErrorDetails = z.infer<typeof ErrorDetails>;

export const ErrorBody = z
  .object({
    error: z.object({
      code: ErrorCode,
      message: z.string(),
      requestId: z.string().optional(),
      details: ErrorDetails.optional(),
      issues: z
        .array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string(), code: z.string() }))
        .optional(),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof ErrorBody>;

export const OkBody = z.object({ ok: z.literal(true) });
