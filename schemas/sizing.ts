// The sizing helper's answer: the WHO target seat, catalogue sizes that fit, and warnings.
import { z } from 'zod';
import { Id } from './common.ts';
import { DeviceKind } from './devices.ts';
import { Cushion } from './requests.ts';

export const SupportName = z.enum(['pelvicBelt', 'lateralSupports', 'headSupport', 'tiltInSpace']);
const supportFlags = { pelvicBelt: z.boolean(), lateralSupports: z.boolean(), headSupport: z.boolean(), tiltInSpace: z.boolean() };

export const SizingModel = z.object({
  id: Id,
  name: z.string(),
  manufacturer: z.string(),
  kind: DeviceKind,
  ...supportFlags,
  sizes: z.array(z.object({ seatWidthMm: z.number().int(), seatDepthMm: z.number().int() })),
});

export const SizingResult = z
  .object({
    measurements: z.object({ hipWidthMm: z.number().int(), seatDepthLeftMm: z.number().int(), seatDepthRightMm: z.number().int() }),
    target: z.object({ seatWidthMm: z.number().int(), seatDepthMinMm: z.number().int(), seatDepthMaxMm: z.number().int() }),
    matches: z.array(
      z.object({
        modelId: Id,
        modelName: z.string(),
        manufacturer: z.string(),
        kind: DeviceKind,
        seatWidthMm: z.number().int(),
        seatDepthMm: z.number().int(),
        fit: z.enum(['good', 'acceptable']),
        widthDeltaMm: z.number().int(),
        kneeClearanceMm: z.number().int(),
        missingSupports: z.array(SupportName),
      }),
    ),
    warnings: z.array(z.object({ code: z.string(), message: z.string() })),
    suggested: z.object({ ...supportFlags, cushion: Cushion }),
    models: z.array(SizingModel),
  })
  .meta({ id: 'SizingResult' });
export type SizingResult = z.infer<typeof SizingResult>;
