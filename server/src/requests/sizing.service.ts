// Feeds the pure sizing rules from the database: the active catalogue, the latest assessment's
// measurements and the beneficiary's profiles.
import type { Prisma } from '@prisma/client';
import type { DeviceKind } from '../../../schemas/devices.ts';
import { conflict } from '../lib/errors.ts';
import { type CatalogueModel, sizeChair, type SizingMeasurements, suggestSupports } from './sizing.ts';
import { type DetailRow } from './request-rows.ts';

type Reader = Pick<Prisma.TransactionClient, 'deviceModel' | 'cpProfile' | 'hydrocephalusProfile'>;

export async function loadCatalogue(db: Reader, where: Prisma.DeviceModelWhereInput = {}): Promise<CatalogueModel[]> {
  const models = await db.deviceModel.findMany({
    where: { active: true, ...where },
    include: { sizes: { orderBy: [{ seatWidthMm: 'asc' }, { seatDepthMm: 'asc' }] } },
    orderBy: [{ kind: 'asc' }, { name: 'asc' }],
  });
  return models.map((m) => ({
    id: m.id,
    name: m.name,
    manufacturer: m.manufacturer,
    kind: m.kind as DeviceKind,
    pelvicBelt: m.pelvicBelt,
    lateralSupports: m.lateralSupports,
    headSupport: m.headSupport,
    tiltInSpace: m.tiltInSpace,
    sizes: m.sizes.map((s) => ({ seatWidthMm: s.seatWidthMm, seatDepthMm: s.seatDepthMm })),
  }));
}

/** The latest assessment's sizing measurements; 409 when the request has not been assessed. */
export function measurementsOf(r: DetailRow): SizingMeasurements {
  const a = r.assessments[0];
  if (!a || a.hipWidthMm == null || a.seatDepthLeftMm == null || a.seatDepthRightMm == null) {
    throw conflict('this request has no assessment with WHO measurements yet');
  }
  return { hipWidthMm: a.hipWidthMm, seatDepthLeftMm: a.seatDepthLeftMm, seatDepthRightMm: a.seatDepthRightMm };
}

export async function suggestionFor(db: Reader, r: DetailRow) {
  const [cp, hydro] = await Promise.all([
    db.cpProfile.findUnique({ where: { beneficiaryId: r.beneficiaryId } }),
    db.hydrocephalusProfile.findUnique({ where: { beneficiaryId: r.beneficiaryId } }),
  ]);
  return suggestSupports({
    gmfcs: cp?.gmfcs,
    sittingLevel: cp?.sittingLevel,
    hydroHeadSupport: hydro?.headSupport,
    occiputSkinRisk: hydro?.occiputSkinRisk,
    pressureInjuryRisk: r.assessments[0]?.pressureInjuryRisk ?? 'low',
  });
}

/** Everything the prescription form needs: target, ranked sizes, warnings, suggested supports and the catalogue. */
export async function sizingFor(db: Reader, r: DetailRow, kind?: DeviceKind) {
  const m = measurementsOf(r);
  const [catalogue, suggested] = await Promise.all([loadCatalogue(db), suggestionFor(db, r)]);
  const { cushion, ...needs } = suggested;
  const result = sizeChair(m, catalogue, needs, kind);
  return { measurements: m, ...result, suggested: { ...needs, cushion }, models: catalogue };
}
