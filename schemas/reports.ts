// Family issue reports: what a family reports (by picture, a few words, photos), how the centre
// triages it (a work order or a clinical follow-up), the comment thread and every status change.
import { z } from 'zod';
import { Id, IsoDateTime, PageQuery, text } from './common.ts';
import { Relationship } from './users.ts';
import { VisitLocation, WorkOrderPriority } from './work-orders.ts';

/**
 * What families choose by picture, in the order offered. The last four are red flags (docs/architecture.md, Where each rule lives): a pressure sore, and
 * for hydrocephalus the signs of shunt failure. They alert the centre's therapists at once.
 */
export const ReportCategory = z.enum([
  'wont_move',
  'battery_drains',
  'wont_charge',
  'brakes',
  'seat_fit',
  // The commonest faults of manual chairs, and anything else (the family's words say what).
  'flat_tyre',
  'wheel_castor',
  'footrest',
  'other',
  'pain_skin',
  'headache',
  'vomiting',
  'sleepiness',
]);
export type ReportCategory = z.infer<typeof ReportCategory>;
export const redFlagCategories = ['pain_skin', 'headache', 'vomiting', 'sleepiness'] as const satisfies readonly ReportCategory[];
/** Shown only when the beneficiary has hydrocephalus (diagnosis hydrocephalus or both). */
export const hydrocephalusCategories = ['headache', 'vomiting', 'sleepiness'] as const satisfies readonly ReportCategory[];
export const isRedFlag = (c: ReportCategory) => (redFlagCategories as readonly string[]).includes(c);
/** What may be reported for a person with this diagnosis: the shunt signs only with hydrocephalus. */
export function reportCategoriesFor(diagnosis: string | null | undefined): ReportCategory[] {
  const hydro = diagnosis === 'hydrocephalus' || diagnosis === 'both';
  return ReportCategory.options.filter((c) => hydro || !(hydrocephalusCategories as readonly string[]).includes(c));
}

/**
 * new: not looked at yet; work_order / follow_up: triaged into one; scheduled: a visit is booked;
 * in_progress: being worked on; resolved: done; closed: nothing to do (with the reason).
 */
export const ReportStatus = z.enum(['new', 'work_order', 'follow_up', 'scheduled', 'in_progress', 'resolved', 'closed']);
export type ReportStatus = z.infer<typeof ReportStatus>;
export const openReportStatuses = ['new', 'work_order', 'follow_up', 'scheduled', 'in_progress'] as const satisfies readonly ReportStatus[];
export const isOpenReportStatus = (s: string) => (openReportStatuses as readonly string[]).includes(s);

export const CreateReportBody = z.strictObject({
  beneficiaryId: Id,
  category: ReportCategory,
  description: text(1000, { multiline: true }).optional(),
  /**
   * Made on the phone when the report is first saved (also offline); a resend with the same id
   * answers the first report (200) instead of making a second one (201).
   */
  clientRequestId: z.uuid(),
});
export type CreateReportBody = z.infer<typeof CreateReportBody>;

export const ReportListQuery = PageQuery.extend({
  beneficiaryId: Id.optional(),
  status: ReportStatus.optional(),
  open: z.enum(['true', 'false']).optional(),
  redFlag: z.enum(['true', 'false']).optional(),
});

const Person = z.object({ id: Id, name: z.string() });

export const ReportPhoto = z.object({
  id: Id,
  url: z.string().describe('GET it with the session cookie; only the family and centre staff may'),
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
  createdAt: z.string(),
});

export const ReportEvent = z.object({
  status: ReportStatus,
  at: z.string(),
  /** Staff see who; families see the centre's words only. */
  by: Person.nullable().optional(),
  note: z.string().nullable().describe('what the family is told (e.g. the visit date, the reason for closing)'),
});

export const ReportComment = z.object({
  id: Id,
  body: z.string().describe('plain text; clients must render it as text, never as HTML'),
  author: z.object({
    name: z.string().describe('empty for a staff author when a family reads: families see the role, not the staff member'),
    role: z.enum(['family', 'staff']),
  }),
  mine: z.boolean(),
  createdAt: z.string(),
});
export type ReportComment = z.infer<typeof ReportComment>;

export const ReportContact = z.object({
  /** The phone recorded with the beneficiary (often the household's). */
  phone: z.string().nullable(),
  family: z.array(z.object({ name: z.string(), relationship: Relationship, phone: z.string().nullable() })),
});
export type ReportContact = z.infer<typeof ReportContact>;

export const ReportSummary = z
  .object({
    id: Id,
    beneficiary: z.object({ id: Id, fullName: z.string() }),
    centreId: Id,
    deviceId: Id.nullable(),
    category: ReportCategory.nullable().describe(
      'null: withheld. Technicians see no clinical detail, so a red flag reaches them as "urgent, clinical" without its sign',
    ),
    redFlag: z.boolean(),
    status: ReportStatus,
    description: z.string().nullable(),
    photoCount: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    /** The booked visit, when a work order has one (the family sees it). */
    visit: z.object({ at: z.string(), location: VisitLocation }).nullable(),
  })
  .meta({ id: 'ReportSummary' });
export type ReportSummary = z.infer<typeof ReportSummary>;

export const ReportList = z.object({ items: z.array(ReportSummary), total: z.number().int() });

export const ReportDetail = ReportSummary.extend({
  reportedBy: Person.nullable(),
  photos: z.array(ReportPhoto),
  events: z.array(ReportEvent),
  comments: z.array(ReportComment),
  workOrderId: Id.nullable().optional().describe('staff only'),
  followUpId: Id.nullable().optional().describe('staff only'),
  /** For red flags, to the family only: what to do now, in the reader's language. */
  advice: z.string().nullable(),
  /** For red flags, to clinical staff only: what the centre does now (not the family's advice). */
  staffGuidance: z.string().nullable().optional().describe('clinical staff only'),
  /** How to reach the family at once: staff only. */
  contact: ReportContact.optional().describe('staff only'),
}).meta({ id: 'ReportDetail' });
export type ReportDetail = z.infer<typeof ReportDetail>;

/** Staff triage: into a work order for the chair, a clinical follow-up, or close with a reason. */
export const TriageBody = z.discriminatedUnion('outcome', [
  z.strictObject({
    outcome: z.literal('work_order'),
    priority: WorkOrderPriority.optional().describe('default: urgent for a red flag, else normal'),
    note: text(500, { multiline: true }).optional(),
  }),
  z.strictObject({ outcome: z.literal('follow_up'), dueAt: IsoDateTime, note: text(500, { multiline: true }).optional() }),
  z.strictObject({ outcome: z.literal('closed'), note: text(500, { multiline: true }) }),
]);
export type TriageBody = z.infer<typeof TriageBody>;

export const CommentBody = z.strictObject({ body: text(2000, { multiline: true }) });

/** Photo upload limits: checked by content, not by name or declared type. */
export const PHOTO_LIMITS = { maxBytes: 5 * 1024 * 1024, maxPixels: 40_000_000, perReport: 3 } as const;
export const photoTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
