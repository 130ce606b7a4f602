// Device requests along the WHO 8-step pathway: states, the referral, and the views each role gets.
import { z } from 'zod';
import { Id, IsoDateTime, text } from './common.ts';
import { RiskLevel } from './beneficiaries.ts';
import { DeviceKind } from './devices.ts';

export const requestStates = [
  'referred',
  'assessed',
  'prescribed',
  'approved',
  'ordered',
  'prepared',
  'fitted',
  'trained',
  'in_use',
  'rejected',
  'cancelled',
] as const;
export const RequestState = z.enum(requestStates);
export type RequestState = z.infer<typeof RequestState>;

export const ReferralSource = z.enum(['self', 'community_worker', 'health_centre', 'social_office', 'school', 'other']);
export const Priority = z.enum(['routine', 'priority', 'urgent']);
export const AppointmentType = z.enum(['centre', 'outreach', 'home_visit']);
export const Cushion = z.enum(['flat_foam', 'contoured_foam', 'air', 'gel', 'none']);
export const OrderSource = z.enum(['stock', 'supplier']);
export const FundingDecision = z.enum(['approved', 'rejected']);
export const FittingOutcome = z.enum(['ok', 'refit_needed']);
export const Trainee = z.enum(['user', 'caregiver', 'both']);
/** report: made by triage of a family's report (a clinical sign to look at). */
export const FollowUpKind = z.enum(['first', 'routine', 'growth_review', 'priority', 'report']);
export type FollowUpKind = z.infer<typeof FollowUpKind>;

export const ReferralBody = z.strictObject({
  source: ReferralSource,
  reason: text(1000, { multiline: true }),
  priority: Priority.default('routine'),
  appointmentType: AppointmentType.default('centre'),
  appointmentAt: IsoDateTime.nullable().optional().describe('not in the past, at most a year ahead'),
});
export type ReferralBody = z.infer<typeof ReferralBody>;

export const CreateRequestBody = z.strictObject({
  beneficiaryId: Id,
  referral: ReferralBody,
  therapistId: Id.optional().describe('the therapist in charge; a therapist creating the request is the default'),
});
export type CreateRequestBody = z.infer<typeof CreateRequestBody>;

export const RequestListQuery = z.object({
  state: RequestState.optional(),
  open: z.enum(['true', 'false']).optional().describe('true: only requests still on the pathway'),
  beneficiaryId: Id.optional(),
  mine: z.enum(['true', 'false']).optional().describe('true: only requests the signed-in therapist is in charge of'),
  centreId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

const Person = z.object({ id: Id, name: z.string() });

/** What every role that may see a request gets: its state and dates, never clinical detail. */
export const RequestSummary = z
  .object({
    id: Id,
    state: RequestState,
    beneficiary: z.object({ id: Id, fullName: z.string(), ageYears: z.number().int() }),
    centreId: Id,
    centreName: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    stateSince: z.string().describe('when the request entered its current state'),
    expectedAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    appointmentAt: z.string().nullable().describe('the referral appointment'),
    appointmentType: AppointmentType.nullable(),
    nextFollowUpAt: z.string().nullable(),
    therapist: Person.nullable().optional().describe('absent for families'),
    priority: Priority.nullable().optional().describe('absent for families'),
  })
  .meta({ id: 'RequestSummary' });
export type RequestSummary = z.infer<typeof RequestSummary>;

export const RequestList = z.object({ items: z.array(RequestSummary), total: z.number().int() });

export const TimelineEntry = z.object({
  from: RequestState.nullable(),
  to: RequestState,
  at: z.string(),
  by: Person.nullable().optional().describe('absent for families'),
  note: z.string().nullable().optional().describe('staff only: reasons can be clinical'),
});

/** A beneficiary's service history: every move of every request in scope, oldest first. */
export const BeneficiaryTimeline = z
  .object({
    items: z.array(
      TimelineEntry.extend({
        requestId: Id,
        refit: z.boolean().describe('a fitted chair sent back to preparation'),
      }),
    ),
  })
  .meta({ id: 'BeneficiaryTimeline' });
export type BeneficiaryTimeline = z.infer<typeof BeneficiaryTimeline>;

export const WhoMeasurements = z.object({
  hipWidthMm: z.number().int().nullable(),
  seatDepthLeftMm: z.number().int().nullable(),
  seatDepthRightMm: z.number().int().nullable(),
  calfLengthLeftMm: z.number().int().nullable(),
  calfLengthRightMm: z.number().int().nullable(),
  seatToRibCageMm: z.number().int().nullable(),
  seatToShoulderMm: z.number().int().nullable(),
  seatToOcciputMm: z.number().int().nullable(),
});
export type WhoMeasurements = z.infer<typeof WhoMeasurements>;

export const AssessmentView = z.object({
  id: Id,
  assessedAt: z.string(),
  assessedBy: Person.nullable(),
  goals: z.string().nullable(),
  usageEnvironment: z.string().nullable(),
  dailyUseHours: z.number().nullable(),
  terrain: z.string().nullable(),
  transport: z.string().nullable(),
  transfers: z.string().nullable(),
  currentChair: z.string().nullable(),
  sittingPosture: z.string().nullable(),
  pelvicPosition: z.string().nullable(),
  pressureInjuryRisk: RiskLevel,
  measurements: WhoMeasurements,
  notes: z.string().nullable(),
});

export const PrescriptionView = z.object({
  model: z.object({ id: Id, name: z.string(), manufacturer: z.string(), kind: DeviceKind }),
  seatWidthMm: z.number().int(),
  seatDepthMm: z.number().int(),
  pelvicBelt: z.boolean(),
  lateralSupports: z.boolean(),
  headSupport: z.boolean(),
  tiltInSpace: z.boolean(),
  cushion: Cushion,
  accessories: z.string().nullable(),
  notes: z.string().nullable(),
  prescribedAt: z.string(),
  prescribedBy: Person.nullable(),
});

export const FundingView = z.object({
  decision: FundingDecision,
  fundingSource: z.string().nullable(),
  reason: z.string().nullable(),
  decidedAt: z.string(),
  decidedBy: Person.nullable(),
});

export const FittingView = z.object({
  fittedAt: z.string(),
  fittedBy: Person.nullable(),
  sizeOk: z.boolean(),
  postureOk: z.boolean(),
  pressureOk: z.boolean(),
  movementOk: z.boolean(),
  adjustments: z.string().nullable(),
  outcome: FittingOutcome,
  notes: z.string().nullable(),
});

export const TrainingView = z.object({
  trainedAt: z.string(),
  trainedBy: Person.nullable(),
  trainee: Trainee,
  transfers: z.boolean(),
  mobility: z.boolean(),
  pressureRelief: z.boolean(),
  careMaintenance: z.boolean(),
  batteryCharging: z.boolean(),
  whoToContact: z.boolean(),
  notes: z.string().nullable(),
});

export const FollowUpView = z
  .object({
    id: Id,
    requestId: Id.nullable(),
    beneficiaryId: Id,
    kind: FollowUpKind,
    dueAt: z.string(),
    completedAt: z.string().nullable(),
    findings: z.string().nullable().optional().describe('staff with clinical access only'),
    pressureInjuryRisk: RiskLevel.nullable().optional(),
    fitOk: z.boolean().nullable().optional(),
  })
  .meta({ id: 'FollowUp' });
export type FollowUpView = z.infer<typeof FollowUpView>;

export const RequestDevice = z.object({ id: Id, serial: z.string(), modelName: z.string(), kind: DeviceKind, status: z.string() });

export const RequestDetail = RequestSummary.extend({
  device: RequestDevice.nullable(),
  orderSource: OrderSource.nullable().optional(),
  supplier: z.string().nullable().optional(),
  timeline: z.array(TimelineEntry),
  followUps: z.array(FollowUpView),
  /** The states the signed-in user may move this request to next. */
  allowedTransitions: z.array(RequestState),
  referral: z
    .object({ source: ReferralSource, reason: z.string(), priority: Priority, appointmentType: AppointmentType, appointmentAt: z.string().nullable(), createdAt: z.string() })
    .nullable()
    .optional(),
  beneficiaryDiagnosis: z.enum(['cp', 'hydrocephalus', 'both', 'other']).optional(),
  assessment: AssessmentView.nullable().optional().describe('the latest; clinical roles only'),
  prescription: PrescriptionView.nullable().optional(),
  funding: z.array(FundingView).optional(),
  fittings: z.array(FittingView).optional(),
  trainings: z.array(TrainingView).optional(),
  stockDevices: z
    .array(z.object({ id: Id, serial: z.string() }))
    .optional()
    .describe('while ordered, for clinical roles: devices in stock at the centre of the prescribed model and size'),
}).meta({ id: 'RequestDetail' });
export type RequestDetail = z.infer<typeof RequestDetail>;

/** A transition's answer: the request, sizing warnings, and an electric chair's MQTT secret (shown once). */
export const TransitionResult = z.object({
  request: RequestDetail,
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
  credentials: z
    .object({ deviceId: Id, username: z.string(), secret: z.string() })
    .optional()
    .describe('only in the answer that prepared an electric chair; never stored or shown again'),
});
export type TransitionResult = z.infer<typeof TransitionResult>;
