// Shared primitives: ids, roles, locales, paging and the one error shape of the API.
import { z } from 'zod';
import { ReadinessChecks } from './health.ts';

export const roles = ['admin', 'manager', 'therapist', 'technician', 'family'] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

// The role groups, defined once: route access on the server and in the web, and the policy's checks.
/** The staff of one centre. */
export const centreStaffRoles = ['manager', 'therapist', 'technician'] as const satisfies readonly Role[];
/** Everyone but families: the national admin and centre staff. */
export const staffRoles = ['admin', ...centreStaffRoles] as const satisfies readonly Role[];
/** Who sees clinical detail (diagnosis, profiles, assessments): technicians and families do not. */
export const clinicalRoles = ['admin', 'manager', 'therapist'] as const satisfies readonly Role[];
/** Who writes clinical records (referrals, steps, follow-ups done). */
export const clinicalWriterRoles = ['admin', 'therapist'] as const satisfies readonly Role[];
/** The fleet and its maintenance work. */
export const workshopRoles = ['admin', 'manager', 'technician'] as const satisfies readonly Role[];
/** Management: approvals, users, indicators, audit, webhooks, exports. */
export const managementRoles = ['admin', 'manager'] as const satisfies readonly Role[];
/** Whether a role is in a group. */
export const inRoles = (group: readonly Role[], role: Role) => group.includes(role);

export const locales = ['id', 'en'] as const;
export const Locale = z.enum(locales);
export type Locale = z.infer<typeof Locale>;

/** Server-generated ids (cuid): letters and digits only, which also keeps them safe in MQTT topics. */
export const Id = z.string().regex(/^[a-z0-9]{8,40}$/, 'not a valid id');
export const IdParams = z.object({ id: Id });

export interface TextOptions {
  /** Notes, descriptions, comments: line breaks and tabs are kept (CR LF becomes LF). */
  multiline?: boolean;
  /** Fewest characters after trimming; 1 unless a field may be empty (a search box). */
  min?: number;
}

// With the u flag a surrogate range matches only unpaired halves (pairs are read as one code point).
const loneSurrogate = /[\uD800-\uDFFF]/u;
/** True when a string holds an unpaired UTF-16 surrogate (not well-formed Unicode). */
export const hasLoneSurrogate = (s: string) => loneSurrogate.test(s);
// C0 controls, DEL and C1 controls; a multi-line field keeps tab and line feed.
const controlsSingleLine = /^[^\u0000-\u001F\u007F-\u009F]*$/;
const controlsMultiLine = /^[^\u0000-\u0008\u000B-\u001F\u007F-\u009F]*$/;
/** The `pattern` a text field carries in the OpenAPI document (how tests recognise one). */
export const textPatterns = [controlsSingleLine.source, controlsMultiLine.source] as const;

/**
 * The one schema for free text from people. A lone UTF-16 surrogate (which a JSON `\ud800` escape can
 * carry, but no UTF-8 byte sequence can) is refused before anything else: the database engine's own
 * JSON protocol cannot carry one, and it would otherwise surface as a 500. Text is stored in NFC, so
 * "é" typed as e + combining accent and as one character compares, searches and sorts as one.
 */
export function text(max: number, { multiline = false, min = 1 }: TextOptions = {}) {
  return z
    .string()
    .refine((s) => !hasLoneSurrogate(s), { message: 'contains a lone UTF-16 surrogate', abort: true })
    .overwrite((s) => (multiline ? s.replace(/\r\n?/g, '\n') : s).normalize('NFC').trim())
    .regex(multiline ? controlsMultiLine : controlsSingleLine, multiline ? 'contains control characters' : 'contains control characters or line breaks')
    .min(min)
    .max(max);
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
  'gone',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'internal',
  /** 503: the service runs but cannot do its work now (a readiness check failed). */
  'unavailable',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** The error code the API pairs with each HTTP status: the server answers with it, clients fall back on it. */
export const errorCodeByStatus: Readonly<Partial<Record<number, ErrorCode>>> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  410: 'gone',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'invalid_input',
  429: 'rate_limited',
  503: 'unavailable',
};
/** The code for a status, any 5xx being `internal` and any other unlisted status `bad_request`. */
export const errorCodeFor = (status: number): ErrorCode => errorCodeByStatus[status] ?? (status >= 500 ? 'internal' : 'bad_request');

/**
 * Why a request conflicts with the data, for clients to explain it in the reader's language and
 * offer the way forward: a refit before training, the open request to continue, a reload.
 */
export const errorReasons = [
  'refit_needed',
  'open_request_exists',
  'request_changed',
  /** Someone with the same name and birth date is at the centre: send again with confirmDuplicate. */
  'possible_duplicate',
  /** The NIK belongs to a person the caller may open (beneficiaryId names them). */
  'duplicate_nik',
  /** The NIK belongs to a person at another centre, whom the caller may not see. */
  'duplicate_nik_elsewhere',
  /** 503 from a readiness probe: `checks` says which check failed. */
  'not_ready',
] as const;
export const ErrorReason = z.enum(errorReasons);
export type ErrorReason = z.infer<typeof ErrorReason>;

export const ErrorDetails = z.object({
  reason: ErrorReason,
  /** With open_request_exists: the request to continue instead of making a second one. */
  openRequestId: Id.optional(),
  /** With possible_duplicate and duplicate_nik: the existing record to open instead. */
  beneficiaryId: Id.optional(),
  /** With not_ready: each readiness check and whether it passed. */
  checks: ReadinessChecks.optional(),
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
