// Personal-data duties under UU PDP 27/2022: the audit-log viewer, one beneficiary's data export,
// anonymisation and erasure.
import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, Locale, text } from './common.ts';

/** A calendar date (YYYY-MM-DD, taken as a UTC day) or an instant with a time zone. */
export const DateOrDateTime = z.union([IsoDate, IsoDateTime]);

/**
 * An audit action: exact (`beneficiary.read`), or a prefix when it ends with `.` or `*`
 * (`beneficiary.` and `beneficiary.*` both match every `beneficiary.…` action).
 */
export const AuditActionFilter = z.string().regex(/^[a-z_]+(\.[a-z_]+)*(\.|\.\*|\*)?$/, 'an action such as beneficiary.read, or a prefix such as beneficiary.').max(64);

export const AuditListQuery = z
  .object({
    actorId: Id.optional(),
    entityType: z.string().regex(/^[A-Za-z]{1,40}$/, 'a record type such as Beneficiary').optional(),
    entityId: Id.optional(),
    action: AuditActionFilter.optional(),
    centreId: Id.optional(),
    from: DateOrDateTime.optional().describe('inclusive; a date means from the start of that UTC day'),
    to: DateOrDateTime.optional().describe('inclusive; a date means to the end of that UTC day'),
    cursor: z.string().regex(/^[A-Za-z0-9_-]{1,200}$/, 'not a cursor from this API').optional().describe('nextCursor of the previous page'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .superRefine((q, ctx) => {
    if (q.entityId && !q.entityType) ctx.addIssue({ code: 'custom', path: ['entityType'], message: 'name the record type of entityId' });
  });
export type AuditListQuery = z.infer<typeof AuditListQuery>;

export const AuditItem = z
  .object({
    id: z.string(),
    at: z.string().describe('ISO instant'),
    actorId: z.string().nullable(),
    actorName: z.string().nullable(),
    actorRole: z.string().nullable(),
    action: z.string(),
    entityType: z.string().nullable(),
    entityId: z.string().nullable(),
    entityName: z.string().nullable().describe("the object's name for people: a beneficiary's or user's name, a centre's, a chair's serial"),
    centreId: z.string().nullable(),
    requestId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()).nullable().describe('ids and field names, never personal data'),
    count: z.number().int().describe('events this entry stands for: refused sign-ins are counted per key and window'),
    lastAt: z.string().nullable().describe('ISO instant of the last counted event; null for a single event'),
  })
  .meta({ id: 'AuditItem' });
export type AuditItem = z.infer<typeof AuditItem>;

export const AuditList = z.object({
  items: z.array(AuditItem).describe('newest first'),
  nextCursor: z.string().nullable().describe('pass as cursor for the next (older) page; null on the last page'),
});
export type AuditList = z.infer<typeof AuditList>;

export const ExportFormat = z.enum(['json', 'html']);
export const ExportQuery = z.object({
  format: ExportFormat.default('json'),
  lang: Locale.default('id').describe('language of the HTML document'),
});
export type ExportQuery = z.infer<typeof ExportQuery>;

/** Version of the JSON export's layout; raised when a field is renamed or removed. */
export const EXPORT_SCHEMA_VERSION = 1;

/**
 * Anonymising or erasing a beneficiary: the reason is kept in the audit log, and the person's
 * current full name must be typed again, exactly, so the wrong record cannot be removed by a slip.
 */
export const RemovalBody = z.strictObject({
  reason: text(500, { multiline: true }).min(10, 'say why, in at least 10 characters'),
  // Not stored: compared exactly with the recorded name (a trailing space is a mismatch, on purpose).
  confirmName: z.string().min(1).max(200),
});
export type RemovalBody = z.infer<typeof RemovalBody>;

export const AnonymiseResult = z.object({ id: Id, anonymisedAt: z.string() }).meta({ id: 'AnonymiseResult' });
export type AnonymiseResult = z.infer<typeof AnonymiseResult>;
export const EraseResult = z
  .object({
    id: Id,
    erasedAt: z.string(),
    counts: z.record(z.string(), z.number().int()).optional().describe('how many records of each kind were deleted or detached'),
  })
  .meta({ id: 'EraseResult' });
export type EraseResult = z.infer<typeof EraseResult>;
