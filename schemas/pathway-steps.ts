// The data each pathway step records, sent as `POST /api/requests/{id}/transitions {to, ...}`.
// Measurement ranges live here so the server and the web's form check the same limits.
import { z } from 'zod';
import { CpDistribution, CpType, RiskLevel, Side, SittingLevel, Tone } from './beneficiaries.ts';
import { Id, IsoDate, text } from './common.ts';
import { Cushion, OrderSource, Trainee } from './requests.ts';
import { SeatMm } from './devices.ts';

/**
 * Physiological ranges in millimetres for children (from about two years) and adults, seated.
 * Wide enough for the smallest child and the largest adult a centre serves; a value outside is
 * almost always a typing error (centimetres entered as millimetres, a digit missing).
 */
export const measurementRanges = {
  hipWidthMm: [150, 600],
  seatDepthLeftMm: [150, 600],
  seatDepthRightMm: [150, 600],
  calfLengthLeftMm: [150, 600],
  calfLengthRightMm: [150, 600],
  seatToRibCageMm: [100, 600],
  seatToShoulderMm: [200, 900],
  seatToOcciputMm: [250, 1100],
} as const satisfies Record<string, readonly [number, number]>;
export type MeasurementKey = keyof typeof measurementRanges;

const mm = (key: MeasurementKey) => z.number().int().min(measurementRanges[key][0]).max(measurementRanges[key][1]);

export const MeasurementsBody = z
  .strictObject({
    hipWidthMm: mm('hipWidthMm'),
    seatDepthLeftMm: mm('seatDepthLeftMm'),
    seatDepthRightMm: mm('seatDepthRightMm'),
    calfLengthLeftMm: mm('calfLengthLeftMm'),
    calfLengthRightMm: mm('calfLengthRightMm'),
    seatToRibCageMm: mm('seatToRibCageMm').nullable().optional(),
    seatToShoulderMm: mm('seatToShoulderMm').nullable().optional(),
    seatToOcciputMm: mm('seatToOcciputMm').nullable().optional(),
  })
  .superRefine((m, ctx) => {
    // Rib cage, shoulder and occiput are measured from the same seat: each is higher than the last.
    if (m.seatToRibCageMm && m.seatToShoulderMm && m.seatToShoulderMm <= m.seatToRibCageMm) {
      ctx.addIssue({ code: 'custom', path: ['seatToShoulderMm'], message: 'seat to shoulder must be more than seat to rib cage' });
    }
    if (m.seatToShoulderMm && m.seatToOcciputMm && m.seatToOcciputMm <= m.seatToShoulderMm) {
      ctx.addIssue({ code: 'custom', path: ['seatToOcciputMm'], message: 'seat to occiput must be more than seat to shoulder' });
    }
  });
export type MeasurementsBody = z.infer<typeof MeasurementsBody>;

/** CP details recorded at assessment; they update the beneficiary's CP profile. */
export const AssessmentCpBody = z.strictObject({
  gmfcs: z.number().int().min(1).max(5),
  type: CpType,
  distribution: CpDistribution,
  tone: Tone,
  sittingLevel: SittingLevel,
});

/** Hydrocephalus details recorded at assessment; they update the beneficiary's hydrocephalus profile. */
export const AssessmentHydroBody = z.strictObject({
  shuntPresent: z.boolean(),
  shuntSide: Side.nullable().optional(),
  headSupport: text(200).nullable().optional().describe('the head support needed'),
  occiputSkinRisk: RiskLevel,
}).superRefine((p, ctx) => {
  if (!p.shuntPresent && p.shuntSide) ctx.addIssue({ code: 'custom', path: ['shuntSide'], message: 'a shunt side is given but no shunt is present' });
});

const note = text(1000, { multiline: true }).nullable().optional();

export const AssessStep = z.strictObject({
  to: z.literal('assessed'),
  assessedAt: IsoDate.optional().describe('defaults to today; not before the referral, not in the future'),
  goals: text(1000, { multiline: true }),
  diagnosisSummary: text(1000, { multiline: true }).nullable().optional().describe('kept as the beneficiary\'s diagnosis notes'),
  usageEnvironment: text(300),
  dailyUseHours: z.number().min(0).max(24),
  terrain: text(300).nullable().optional(),
  transport: text(300).nullable().optional(),
  transfers: text(300).nullable().optional(),
  currentChair: text(300).nullable().optional(),
  sittingPosture: text(500, { multiline: true }),
  pelvicPosition: text(300).nullable().optional(),
  pressureInjuryRisk: RiskLevel,
  measurements: MeasurementsBody,
  cp: AssessmentCpBody.nullable().optional(),
  hydrocephalus: AssessmentHydroBody.nullable().optional(),
  notes: note,
});
export type AssessStep = z.infer<typeof AssessStep>;

export const PrescribeStep = z.strictObject({
  to: z.literal('prescribed'),
  modelId: Id,
  seatWidthMm: SeatMm,
  seatDepthMm: SeatMm,
  pelvicBelt: z.boolean(),
  lateralSupports: z.boolean(),
  headSupport: z.boolean(),
  tiltInSpace: z.boolean(),
  cushion: Cushion,
  accessories: text(500, { multiline: true }).nullable().optional(),
  notes: note,
});
export type PrescribeStep = z.infer<typeof PrescribeStep>;

export const ApproveStep = z.strictObject({
  to: z.literal('approved'),
  fundingSource: text(120),
  note,
});
export const RejectStep = z.strictObject({ to: z.literal('rejected'), reason: text(1000, { multiline: true }) });

export const OrderStep = z
  .strictObject({
    to: z.literal('ordered'),
    orderSource: OrderSource,
    supplier: text(200).nullable().optional(),
    expectedAt: IsoDate.describe('not before the funding approval'),
    note,
  })
  .superRefine((o, ctx) => {
    if (o.orderSource === 'supplier' && !o.supplier) ctx.addIssue({ code: 'custom', path: ['supplier'], message: 'name the supplier' });
  });
export type OrderStep = z.infer<typeof OrderStep>;

export const NewDeviceSerial = z.string().trim().toUpperCase().regex(/^[A-Z0-9][A-Z0-9-]{2,39}$/, 'letters, digits and dashes (3–40)');

/**
 * To `prepared`: from `ordered`, the device (one in stock, or a new one by serial); from `fitted`
 * (a refit), the reason, and the same device stays.
 */
export const PrepareStep = z
  .strictObject({
    to: z.literal('prepared'),
    deviceId: Id.optional().describe('a device in stock at the centre, of the prescribed model and size'),
    serial: NewDeviceSerial.optional().describe('registers a new device of the prescribed model and size'),
    note,
  })
  .superRefine((p, ctx) => {
    if (p.deviceId && p.serial) ctx.addIssue({ code: 'custom', path: ['serial'], message: 'give either a device in stock or a new serial, not both' });
  });
export type PrepareStep = z.infer<typeof PrepareStep>;

export const FitStep = z.strictObject({
  to: z.literal('fitted'),
  sizeOk: z.boolean(),
  postureOk: z.boolean(),
  pressureOk: z.boolean(),
  movementOk: z.boolean(),
  adjustments: text(1000, { multiline: true }).nullable().optional(),
  notes: note,
});
export type FitStep = z.infer<typeof FitStep>;

export const trainingTopics = ['transfers', 'mobility', 'pressureRelief', 'careMaintenance', 'batteryCharging', 'whoToContact'] as const;

export const TrainStep = z.strictObject({
  to: z.literal('trained'),
  trainee: Trainee,
  transfers: z.boolean(),
  mobility: z.boolean(),
  pressureRelief: z.boolean(),
  careMaintenance: z.boolean(),
  batteryCharging: z.boolean().default(false).describe('required for electric chairs'),
  whoToContact: z.boolean(),
  notes: note,
});
export type TrainStep = z.infer<typeof TrainStep>;

export const DeliverStep = z.strictObject({
  to: z.literal('in_use'),
  deliveredAt: IsoDate.optional().describe('defaults to today; not before the training, not in the future'),
  note,
});
export type DeliverStep = z.infer<typeof DeliverStep>;

export const CancelStep = z.strictObject({ to: z.literal('cancelled'), reason: text(1000, { multiline: true }) });

export const TransitionBody = z
  .discriminatedUnion('to', [AssessStep, PrescribeStep, ApproveStep, RejectStep, OrderStep, PrepareStep, FitStep, TrainStep, DeliverStep, CancelStep])
  .meta({ id: 'TransitionBody' });
export type TransitionBody = z.infer<typeof TransitionBody>;
