// The device catalogue: a model's kind, ISO 9999 code, maker, sizes, supports, battery, service
// interval and the maintenance thresholds where it differs from the defaults. Admins write it,
// staff read it; inactive models stay readable but are offered for nothing new.
import { z } from 'zod';
import { Id, text } from './common.ts';
import { BatteryChemistry, DeviceKind, SeatMm } from './devices.ts';
import { ModelThresholds } from './maintenance-rules.ts';

/** An ISO 9999 code: three pairs of digits ("12 23 06" or "122306"), kept as "12 23 06". */
export const IsoCode = z
  .string()
  .trim()
  .regex(/^\d{2} ?\d{2} ?\d{2}$/, 'an ISO 9999 code is three pairs of digits, e.g. 12 23 06')
  .transform((s) => {
    const d = s.replace(/ /g, '');
    return `${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4)}`;
  });

export const ModelSize = z.object({ seatWidthMm: SeatMm, seatDepthMm: SeatMm }).strict();
export type ModelSize = z.infer<typeof ModelSize>;
export const sizeKey = (s: ModelSize) => `${s.seatWidthMm}x${s.seatDepthMm}`;

export const ModelSizes = z
  .array(ModelSize)
  .min(1)
  .max(24)
  .superRefine((sizes, ctx) => {
    const seen = new Set<string>();
    sizes.forEach((s, i) => {
      if (seen.has(sizeKey(s))) ctx.addIssue({ code: 'custom', path: [i], message: `size ${s.seatWidthMm} × ${s.seatDepthMm} mm is listed twice` });
      seen.add(sizeKey(s));
    });
  });

/** The fields a model has, as written by admins (create: all required but the optional ones; update: any). */
const modelFields = {
  name: text(80),
  manufacturer: text(80),
  kind: DeviceKind,
  isoCode: IsoCode,
  sizes: ModelSizes,
  pelvicBelt: z.boolean(),
  lateralSupports: z.boolean(),
  headSupport: z.boolean(),
  tiltInSpace: z.boolean(),
  batteryChemistry: BatteryChemistry.nullable(),
  ratedAh: z.number().min(1).max(400).nullable().describe('electric only'),
  ratedCycles: z.number().int().min(50).max(10_000).nullable().describe('electric only'),
  serviceIntervalMonths: z.number().int().min(1).max(60),
  serviceIntervalKm: z.number().int().min(10).max(20_000).nullable().describe('electric only: manual chairs report no distance'),
  thresholds: ModelThresholds.nullable().describe('electric only: the maintenance thresholds where this model differs from the defaults'),
};

/** The fields that only an electric chair has; a manual model leaves them out (or null). */
export const electricOnlyFields = ['batteryChemistry', 'ratedAh', 'ratedCycles', 'serviceIntervalKm', 'thresholds'] as const;
/** The fields an electric model must have. */
export const electricRequiredFields = ['batteryChemistry', 'ratedAh', 'ratedCycles'] as const;

type KindFields = { kind: DeviceKind } & Partial<Record<(typeof electricOnlyFields)[number], unknown>>;

/** What is wrong with a model's kind-dependent fields (applied to a new model, and to a model as an update leaves it). */
export function kindProblems(m: KindFields): { path: string[]; message: string }[] {
  if (m.kind === 'electric') {
    return electricRequiredFields.filter((f) => m[f] === null || m[f] === undefined).map((f) => ({ path: [f], message: 'required for an electric model' }));
  }
  return electricOnlyFields.filter((f) => m[f] !== null && m[f] !== undefined).map((f) => ({ path: [f], message: 'only electric models have this' }));
}

export const CreateDeviceModelBody = z
  .object({
    ...modelFields,
    pelvicBelt: modelFields.pelvicBelt.default(true),
    lateralSupports: modelFields.lateralSupports.default(false),
    headSupport: modelFields.headSupport.default(false),
    tiltInSpace: modelFields.tiltInSpace.default(false),
    batteryChemistry: modelFields.batteryChemistry.optional(),
    ratedAh: modelFields.ratedAh.optional(),
    ratedCycles: modelFields.ratedCycles.optional(),
    serviceIntervalMonths: modelFields.serviceIntervalMonths.default(12),
    serviceIntervalKm: modelFields.serviceIntervalKm.optional(),
    thresholds: modelFields.thresholds.optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    for (const p of kindProblems(m)) ctx.addIssue({ code: 'custom', ...p });
  });
export type CreateDeviceModelBody = z.infer<typeof CreateDeviceModelBody>;

export const UpdateDeviceModelBody = z
  .object({
    ...Object.fromEntries(Object.entries(modelFields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof modelFields]: z.ZodOptional<(typeof modelFields)[K]> },
    active: z.boolean().optional().describe('false: offered for no new prescription or intake; its chairs and history stay'),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'change at least one field' });
export type UpdateDeviceModelBody = z.infer<typeof UpdateDeviceModelBody>;

export const DeviceModel = z
  .object({
    id: Id,
    name: z.string(),
    manufacturer: z.string(),
    kind: DeviceKind,
    isoCode: z.string(),
    sizes: z.array(z.object({ seatWidthMm: z.number().int(), seatDepthMm: z.number().int() })),
    pelvicBelt: z.boolean(),
    lateralSupports: z.boolean(),
    headSupport: z.boolean(),
    tiltInSpace: z.boolean(),
    batteryChemistry: BatteryChemistry.nullable(),
    ratedAh: z.number().nullable(),
    ratedCycles: z.number().int().nullable(),
    serviceIntervalMonths: z.number().int(),
    serviceIntervalKm: z.number().int().nullable(),
    thresholds: z.record(z.string(), z.number()).nullable().describe('this model\'s own thresholds (ModelThresholds); null: the defaults'),
    active: z.boolean(),
    devices: z.number().int().describe('chairs of this model in the registry (any centre)'),
    used: z.boolean().describe('has chairs or prescriptions: it can be deactivated, not removed, and keeps the sizes its chairs have'),
    updatedAt: z.string(),
  })
  .meta({ id: 'DeviceModel' });
export type DeviceModel = z.infer<typeof DeviceModel>;

export const DeviceModelListQuery = z.object({
  active: z.enum(['true', 'false']).transform((v) => v === 'true').optional().describe('only active (true) or inactive (false) models'),
  kind: DeviceKind.optional(),
});

export const DeviceModelList = z.object({ items: z.array(DeviceModel) }).meta({ id: 'DeviceModelList' });
export type DeviceModelList = z.infer<typeof DeviceModelList>;
