// The catalogue's rules: a model as the API shows it, one name per manufacturer (compared without
// case), and what a used model may not lose (its kind, the sizes its chairs and prescriptions have).
import type { Prisma } from '@prisma/client';
import { type DeviceModel, type ModelSize, sizeKey } from '../../../schemas/device-models.ts';
import type { BatteryChemistry, DeviceKind } from '../../../schemas/devices.ts';
import { parseModelThresholds } from '../../../core/maintenance/model-thresholds.ts';
import type { Tx } from '../../../core/db/client.ts';
import { conflict } from '../lib/errors.ts';

export const modelInclude = {
  sizes: { orderBy: [{ seatWidthMm: 'asc' }, { seatDepthMm: 'asc' }] },
  _count: { select: { devices: true, prescriptions: true } },
} as const satisfies Prisma.DeviceModelInclude;

export type ModelRow = Prisma.DeviceModelGetPayload<{ include: typeof modelInclude }>;

export function toDeviceModel(m: ModelRow): DeviceModel {
  return {
    id: m.id,
    name: m.name,
    manufacturer: m.manufacturer,
    kind: m.kind as DeviceKind,
    isoCode: m.isoCode,
    sizes: m.sizes.map((s) => ({ seatWidthMm: s.seatWidthMm, seatDepthMm: s.seatDepthMm })),
    pelvicBelt: m.pelvicBelt,
    lateralSupports: m.lateralSupports,
    headSupport: m.headSupport,
    tiltInSpace: m.tiltInSpace,
    batteryChemistry: m.batteryChemistry as BatteryChemistry | null,
    ratedAh: m.ratedAh,
    ratedCycles: m.ratedCycles,
    serviceIntervalMonths: m.serviceIntervalMonths,
    serviceIntervalKm: m.serviceIntervalKm,
    thresholds: parseModelThresholds(m.thresholds) as Record<string, number> | null,
    active: m.active,
    devices: m._count.devices,
    used: m._count.devices + m._count.prescriptions > 0,
    updatedAt: m.updatedAt.toISOString(),
  };
}

const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase('id');

/** 409 when the manufacturer already has another model of this name (case and accents as typed aside). */
export async function assertNameFree(tx: Tx, manufacturer: string, name: string, exceptId?: string) {
  // The catalogue is tens of models: comparing folded names here works on every engine.
  const rows = await tx.deviceModel.findMany({ select: { id: true, name: true, manufacturer: true } });
  const taken = rows.some((r) => r.id !== exceptId && fold(r.manufacturer) === fold(manufacturer) && fold(r.name) === fold(name));
  if (taken) throw conflict(`${manufacturer} already has a model named ${name}`);
}

/** The sizes the model's chairs and prescriptions have: a used model keeps every one of them. */
export async function sizesInUse(tx: Tx, modelId: string): Promise<ModelSize[]> {
  const [devices, prescriptions] = await Promise.all([
    tx.device.findMany({ where: { modelId, seatWidthMm: { not: null }, seatDepthMm: { not: null } }, select: { seatWidthMm: true, seatDepthMm: true }, distinct: ['seatWidthMm', 'seatDepthMm'] }),
    tx.prescription.findMany({ where: { modelId }, select: { seatWidthMm: true, seatDepthMm: true }, distinct: ['seatWidthMm', 'seatDepthMm'] }),
  ]);
  const all = [...devices, ...prescriptions].map((s) => ({ seatWidthMm: s.seatWidthMm!, seatDepthMm: s.seatDepthMm! }));
  return [...new Map(all.map((s) => [sizeKey(s), s])).values()];
}

/** 409 naming the sizes a new list would drop although chairs or prescriptions have them. */
export async function assertKeepsUsedSizes(tx: Tx, modelId: string, next: readonly ModelSize[]) {
  const keep = new Set(next.map(sizeKey));
  const lost = (await sizesInUse(tx, modelId)).filter((s) => !keep.has(sizeKey(s)));
  if (lost.length) throw conflict(`chairs or prescriptions of this model have size ${lost.map((s) => `${s.seatWidthMm} × ${s.seatDepthMm} mm`).join(', ')}; keep it`);
}
