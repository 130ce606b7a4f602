// Follow-ups after delivery, the therapist's worklist, and the centre indicators.
import { z } from 'zod';
import { RiskLevel } from './beneficiaries.ts';
import { Id, IsoDate, Locale, text } from './common.ts';
import { FollowUpView, RequestState, RequestSummary } from './requests.ts';

export const FollowUpItem = FollowUpView.extend({
  beneficiary: z.object({ id: Id, fullName: z.string(), ageYears: z.number().int() }),
  overdue: z.boolean(),
}).meta({ id: 'FollowUpItem' });
export type FollowUpItem = z.infer<typeof FollowUpItem>;

export const FollowUpListQuery = z.object({
  status: z.enum(['open', 'overdue', 'done']).default('open'),
  beneficiaryId: Id.optional(),
  requestId: Id.optional(),
  mine: z.enum(['true', 'false']).optional().describe('true: only follow-ups of requests the signed-in therapist is in charge of'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const FollowUpList = z.object({ items: z.array(FollowUpItem), total: z.number().int() });

export const CompleteFollowUpBody = z.strictObject({
  completedAt: IsoDate.optional().describe('defaults to today; not before the delivery, not in the future'),
  findings: text(2000, { multiline: true }),
  pressureInjuryRisk: RiskLevel,
  fitOk: z.boolean().describe('the chair still fits (for a child: the growth review)'),
});
export type CompleteFollowUpBody = z.infer<typeof CompleteFollowUpBody>;

export const CompleteFollowUpResult = z.object({ followUp: FollowUpItem, next: FollowUpItem.nullable() });

export const Appointment = z.object({
  kind: z.enum(['referral', 'follow_up']),
  at: z.string(),
  requestId: Id.nullable(),
  followUpId: Id.nullable(),
  beneficiary: z.object({ id: Id, fullName: z.string() }),
  appointmentType: z.string().nullable(),
});

export const Worklist = z
  .object({
    /** Open requests by step, in pathway order (steps with none left out). */
    byStep: z.array(z.object({ state: RequestState, items: z.array(RequestSummary) })),
    appointments: z.array(Appointment).describe('from the start of today to seven days ahead'),
    followUps: z.array(FollowUpItem).describe('open follow-ups, overdue first, then by due date'),
  })
  .meta({ id: 'Worklist' });
export type Worklist = z.infer<typeof Worklist>;

export const IndicatorsQuery = z.object({ centreId: Id.optional().describe('admins: one centre, or all when absent') });
export const IndicatorsCsvQuery = IndicatorsQuery.extend({ lang: Locale.default('id').describe('column headers: Bahasa Indonesia (default) or English') });

const Share = z.number().min(0).max(1).nullable();

export const CentreIndicators = z
  .object({
    centreId: Id.nullable().describe('null: every centre'),
    centreName: z.string().nullable(),
    requests: z.number().int(),
    requestsByState: z.record(RequestState, z.number().int()),
    approvalsWaiting: z.number().int(),
    deliveries: z.number().int(),
    referralToDeliveryDays: z.object({ n: z.number().int(), median: z.number().nullable(), p90: z.number().nullable() }),
    shares: z.object({
      fitted: Share.describe('deliveries with a fitting that found no problem'),
      trained: Share.describe('deliveries with a training session'),
      followedUpWithin6Months: Share.describe('of deliveries at least six months old or already followed up: a follow-up completed within six months'),
      complete: Share.describe('of the same deliveries: fitted, trained and followed up within six months'),
    }),
    followUpsOpen: z.number().int(),
    followUpsOverdue: z.number().int(),
  })
  .meta({ id: 'CentreIndicators' });
export type CentreIndicators = z.infer<typeof CentreIndicators>;
