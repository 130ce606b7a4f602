// Builders for pathway tests: valid step bodies, and requests put straight into any state with the
// records that state implies (written with Prisma, so a test can start mid-pathway in milliseconds).
import type { RequestState } from '../../schemas/requests.ts';
import { localToday } from '../../schemas/centre-time.ts';
import { isoDay } from './api.ts';
import { unique } from './fixtures.ts';
import type { Harness } from './harness.ts';
import { serialKey } from '../../schemas/devices.ts';

/** A manual model and one of its sizes that fit `measurementsBody()` well (width +10 mm, 40 mm knee clearance). */
export const FIT = { model: 'Rough Terrain', seatWidthMm: 380, seatDepthMm: 400 } as const;

export function measurementsBody(overrides: Record<string, unknown> = {}) {
  return {
    hipWidthMm: 370,
    seatDepthLeftMm: 440,
    seatDepthRightMm: 445,
    calfLengthLeftMm: 420,
    calfLengthRightMm: 425,
    seatToRibCageMm: 330,
    seatToShoulderMm: 540,
    seatToOcciputMm: 760,
    ...overrides,
  };
}

export function referralBody(overrides: Record<string, unknown> = {}) {
  return { source: 'health_centre', reason: 'Tidak bisa duduk tegak tanpa sandaran; butuh kursi roda untuk sekolah.', priority: 'routine', appointmentType: 'centre', ...overrides };
}

export const cpBlock = { gmfcs: 4, type: 'spastic', distribution: 'quadriplegia', tone: 'hypertonic', sittingLevel: 'propped' };
export const hydroBlock = { shuntPresent: true, shuntSide: 'right', headSupport: 'sandaran kepala berkontur', occiputSkinRisk: 'medium' };

export function assessBody(overrides: Record<string, unknown> = {}) {
  return {
    to: 'assessed',
    goals: 'Duduk tegak saat makan dan belajar.',
    usageEnvironment: 'rumah dan sekolah',
    dailyUseHours: 6,
    terrain: 'jalan kampung tidak rata',
    transport: 'angkot',
    transfers: 'dibantu satu orang',
    currentChair: 'kursi plastik',
    sittingPosture: 'condong ke kiri',
    pelvicPosition: 'miring ke belakang',
    pressureInjuryRisk: 'medium',
    measurements: measurementsBody(),
    cp: cpBlock,
    ...overrides,
  };
}

export async function modelId(h: Harness, name: string = FIT.model): Promise<string> {
  return (await h.db.prisma.deviceModel.findFirstOrThrow({ where: { name } })).id;
}

export async function prescribeBody(h: Harness, overrides: Record<string, unknown> = {}) {
  return {
    to: 'prescribed',
    modelId: await modelId(h),
    seatWidthMm: FIT.seatWidthMm,
    seatDepthMm: FIT.seatDepthMm,
    pelvicBelt: true,
    lateralSupports: false,
    headSupport: false,
    tiltInSpace: false,
    cushion: 'contoured_foam',
    ...overrides,
  };
}

/** Today (plus offset days) in WIB, the server's default date for a step, as YYYY-MM-DD. */
export function localDay(offset = 0): string {
  return new Date(localToday(new Date()).getTime() + offset * 86_400_000).toISOString().slice(0, 10);
}

export const newSerial = () => `TEST-${unique().toUpperCase()}`;
/** A fresh serial with its national comparison key, for creating a device row directly. */
export function newSerialFields() {
  const serial = newSerial();
  return { serial, serialKey: serialKey(serial) };
}

const fitOk = { sizeOk: true, postureOk: true, pressureOk: true, movementOk: true };
const trainedAll = { trainee: 'caregiver', transfers: true, mobility: true, pressureRelief: true, careMaintenance: true, batteryCharging: false, whoToContact: true };

/** A valid body for moving into `to` from `from` (prepared differs: a device after ordering, a reason for a refit). */
export async function stepBody(h: Harness, to: string, from?: string): Promise<Record<string, unknown>> {
  switch (to) {
    case 'assessed': return assessBody();
    case 'prescribed': return prescribeBody(h);
    case 'approved': return { to, fundingSource: 'ATENSI 2026' };
    case 'rejected': return { to, reason: 'Anggaran tahun ini habis.' };
    case 'ordered': return { to, orderSource: 'stock', expectedAt: isoDay(14) };
    case 'prepared': return from === 'fitted' ? { to, note: 'Sandaran kaki terlalu tinggi.' } : { to, serial: newSerial() };
    case 'fitted': return { to, ...fitOk };
    case 'trained': return { to, ...trainedAll };
    case 'in_use': return { to };
    case 'cancelled': return { to, reason: 'Keluarga pindah ke luar kota.' };
    default: return { to };
  }
}

const order: RequestState[] = ['referred', 'assessed', 'prescribed', 'approved', 'ordered', 'prepared', 'fitted', 'trained', 'in_use'];
const DAY = 86_400_000;

export interface MadeRequest {
  id: string;
  beneficiaryId: string;
  deviceId: string | null;
}

/**
 * A new CP beneficiary (an adult, with service and health-data consent) in the centre, and a request
 * in `state` with every record the steps before it would have written.
 */
export async function requestInState(
  h: Harness,
  centreId: string,
  state: RequestState,
  o: { therapistId?: string; birthDate?: Date; beneficiaryId?: string } = {},
): Promise<MadeRequest> {
  const db = h.db.prisma;
  const now = Date.now();
  const at = (k: number) => new Date(now - (20 - k) * DAY);
  // An existing beneficiary (e.g. a demo family's) may get another request here: the one-open-request
  // rule belongs to the API, and access tests need requests of particular beneficiaries.
  const b = o.beneficiaryId
    ? await db.beneficiary.findUniqueOrThrow({ where: { id: o.beneficiaryId } })
    : await db.beneficiary.create({
        data: {
          centreId, fullName: `Uji Jalur ${unique()}`, birthDate: o.birthDate ?? new Date('1995-05-05T00:00:00Z'), sex: 'female', address: 'Jl. Uji No. 1', diagnosis: 'cp',
          consents: { create: ['service', 'health_data'].map((purpose) => ({ purpose, givenBy: 'beneficiary', method: 'written', givenAt: at(0) })) },
        },
      });
  const reached = state === 'rejected' ? order.slice(0, 3) : state === 'cancelled' ? order.slice(0, 1) : order.slice(0, order.indexOf(state) + 1);
  const r = await db.deviceRequest.create({ data: { beneficiaryId: b.id, centreId, state, therapistId: o.therapistId ?? null, createdAt: at(0) } });
  await db.referral.create({ data: { beneficiaryId: b.id, requestId: r.id, source: 'self', reason: 'uji', priority: 'routine', appointmentType: 'centre', createdAt: at(0) } });
  const moves = reached.map((to, k) => ({ requestId: r.id, fromState: k === 0 ? null : reached[k - 1]!, toState: to, at: at(k) }));
  if (state === 'rejected' || state === 'cancelled') moves.push({ requestId: r.id, fromState: reached.at(-1)!, toState: state, at: at(reached.length) });
  await db.requestTransition.createMany({ data: moves });
  const has = (s: RequestState) => reached.includes(s);
  const m = measurementsBody();
  if (has('assessed')) {
    await db.assessment.create({ data: { beneficiaryId: b.id, requestId: r.id, assessedAt: at(1), pressureInjuryRisk: 'medium', ...m } });
    if (b.diagnosis === 'cp' || b.diagnosis === 'both') await db.cpProfile.upsert({ where: { beneficiaryId: b.id }, create: { beneficiaryId: b.id, ...cpBlock }, update: {} });
  }
  const model = await db.deviceModel.findFirstOrThrow({ where: { name: FIT.model } });
  if (has('prescribed')) await db.prescription.create({ data: { requestId: r.id, modelId: model.id, seatWidthMm: FIT.seatWidthMm, seatDepthMm: FIT.seatDepthMm, cushion: 'flat_foam', prescribedAt: at(2) } });
  if (state === 'rejected') await db.fundingApproval.create({ data: { requestId: r.id, decision: 'rejected', reason: 'uji', decidedAt: at(3) } });
  if (has('approved')) await db.fundingApproval.create({ data: { requestId: r.id, decision: 'approved', fundingSource: 'ATENSI', decidedAt: at(3) } });
  let deviceId: string | null = null;
  if (has('ordered')) await db.deviceRequest.update({ where: { id: r.id }, data: { orderSource: 'stock', expectedAt: at(5) } });
  if (has('prepared')) {
    const d = await db.device.create({ data: { ...newSerialFields(), modelId: model.id, centreId, beneficiaryId: b.id, status: has('in_use') ? 'in_use' : 'reserved', seatWidthMm: FIT.seatWidthMm, seatDepthMm: FIT.seatDepthMm } });
    deviceId = d.id;
    await db.deviceRequest.update({ where: { id: r.id }, data: { deviceId, ...(has('in_use') ? { deliveredAt: at(8) } : {}) } });
  }
  if (has('fitted')) await db.fitting.create({ data: { requestId: r.id, fittedAt: at(6), ...fitOk, outcome: 'ok' } });
  if (has('trained')) await db.trainingSession.create({ data: { requestId: r.id, trainedAt: at(7), ...trainedAll } });
  if (has('in_use')) await db.followUp.create({ data: { beneficiaryId: b.id, requestId: r.id, kind: 'first', dueAt: new Date(now + 60 * DAY) } });
  return { id: r.id, beneficiaryId: b.id, deviceId };
}
