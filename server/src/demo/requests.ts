// Demo device requests: walks one beneficiary's request along the WHO pathway up to its target step.
import type { Db } from '../../../core/db/client.ts';
import { firstFollowUp } from '../requests/follow-up-schedule.ts';
import { createDevice, DAY, type DemoCredentials } from './devices.ts';
import type { DemoBeneficiary } from './people.ts';

export const pathway = ['referred', 'assessed', 'prescribed', 'approved', 'ordered', 'prepared', 'fitted', 'trained', 'in_use'] as const;

export async function seedRequest(
  db: Db,
  o: {
    p: DemoBeneficiary;
    b: { id: string; centreId: string };
    therapistId: string;
    managerId: string;
    registered: Date;
    now: Date;
    models: { id: string; kind: string; sizes: { seatWidthMm: number; seatDepthMm: number }[] }[];
    serial: () => number;
    creds: DemoCredentials;
  },
) {
  const { p, b } = o;
  const rejected = p.request === 'rejected';
  const target = rejected ? 'prescribed' : p.request!;
  const steps = pathway.slice(0, pathway.indexOf(target as (typeof pathway)[number]) + 1);
  const at = (k: number) => new Date(o.registered.getTime() + (k + 1) * 12 * DAY);
  const model = o.models[p.gmfcs && p.gmfcs >= 4 && o.models.length > 2 ? 0 : o.models.length - 1]!;
  const size = model.sizes[Math.min(1, model.sizes.length - 1)]!;

  const request = await db.deviceRequest.create({
    data: { beneficiaryId: b.id, centreId: b.centreId, therapistId: o.therapistId, state: rejected ? 'rejected' : target, createdAt: at(0) },
  });
  await db.referral.create({
    data: {
      beneficiaryId: b.id,
      requestId: request.id,
      source: ['community_worker', 'health_centre', 'school', 'social_office', 'self'][p.fullName.length % 5]!,
      reason: 'Membutuhkan kursi roda dengan penyangga postur untuk di rumah, sekolah dan lingkungan.',
      priority: p.gmfcs === 5 ? 'priority' : 'routine',
      appointmentType: p.fullName.length % 3 === 0 ? 'home_visit' : 'centre',
      // Still referred: the assessment visit is in the coming days (09:00 WIB), as on a real worklist.
      appointmentAt: target === 'referred' ? new Date(Date.UTC(o.now.getUTCFullYear(), o.now.getUTCMonth(), o.now.getUTCDate() + 2 + (p.fullName.length % 4), 2)) : at(1),
      referredById: o.therapistId,
      createdAt: at(0),
    },
  });
  const transitions = steps.map((to, k) => ({ requestId: request.id, fromState: k === 0 ? null : (steps[k - 1]! as string), toState: to as string, byUserId: to === 'approved' ? o.managerId : o.therapistId, at: at(k) }));
  if (rejected) transitions.push({ requestId: request.id, fromState: 'prescribed', toState: 'rejected', byUserId: o.managerId, at: at(steps.length) });
  await db.requestTransition.createMany({ data: transitions });

  if (steps.includes('assessed')) {
    await db.assessment.create({
      data: {
        beneficiaryId: b.id,
        requestId: request.id,
        assessedById: o.therapistId,
        assessedAt: at(1),
        goals: 'Duduk tegak saat makan dan sekolah; dapat dibawa dengan aman keliling kampung.',
        usageEnvironment: 'rumah, sekolah, jalan kampung',
        dailyUseHours: 6,
        terrain: 'jalan tanah tidak rata, becek saat musim hujan',
        transport: 'angkot dan sepeda motor keluarga',
        transfers: p.gmfcs && p.gmfcs >= 4 ? 'dibantu penuh oleh satu pendamping' : 'berdiri dengan bantuan',
        currentChair: 'kursi plastik dengan bantal',
        sittingPosture: 'membungkuk, badan condong ke kiri',
        pelvicPosition: 'panggul miring ke belakang',
        pressureInjuryRisk: p.gmfcs === 5 ? 'high' : 'medium',
        hipWidthMm: size.seatWidthMm - 10,
        seatDepthLeftMm: size.seatDepthMm + 40,
        seatDepthRightMm: size.seatDepthMm + 45,
        calfLengthLeftMm: 300,
        calfLengthRightMm: 305,
        seatToRibCageMm: 260,
        seatToShoulderMm: 420,
        seatToOcciputMm: 560,
      },
    });
  }
  if (steps.includes('prescribed')) {
    await db.prescription.create({
      data: {
        requestId: request.id,
        modelId: model.id,
        seatWidthMm: size.seatWidthMm,
        seatDepthMm: size.seatDepthMm,
        pelvicBelt: true,
        lateralSupports: (p.gmfcs ?? 0) >= 4,
        headSupport: (p.gmfcs ?? 0) >= 4 || !!p.shuntSide,
        tiltInSpace: (p.gmfcs ?? 0) === 5,
        cushion: (p.gmfcs ?? 0) === 5 ? 'contoured_foam' : 'flat_foam',
        prescribedById: o.therapistId,
        prescribedAt: at(2),
      },
    });
  }
  if (rejected) {
    await db.fundingApproval.create({ data: { requestId: request.id, decision: 'rejected', reason: 'Sudah menerima kursi roda dari program lain tahun ini.', decidedById: o.managerId, decidedAt: at(3) } });
  } else if (steps.includes('approved')) {
    await db.fundingApproval.create({ data: { requestId: request.id, decision: 'approved', fundingSource: 'ATENSI', decidedById: o.managerId, decidedAt: at(3) } });
  }
  if (steps.includes('ordered')) {
    await db.deviceRequest.update({ where: { id: request.id }, data: { orderSource: 'stock', expectedAt: at(5) } });
  }
  if (steps.includes('prepared')) {
    const inUse = steps.includes('in_use');
    const device = await createDevice(db, {
      modelId: model.id,
      kind: model.kind,
      centreId: b.centreId,
      beneficiaryId: b.id,
      status: inUse ? 'in_use' : 'reserved',
      size,
      serial: o.serial(),
      creds: o.creds,
      installedAt: at(5),
    });
    await db.deviceRequest.update({ where: { id: request.id }, data: { deviceId: device.id, ...(inUse ? { deliveredAt: at(8) } : {}) } });
  }
  if (steps.includes('fitted')) {
    await db.fitting.create({ data: { requestId: request.id, fittedById: o.therapistId, fittedAt: at(6), sizeOk: true, postureOk: true, pressureOk: true, movementOk: true, outcome: 'ok', adjustments: 'Pijakan kaki dinaikkan 20 mm; bantalan lateral digeser ke dalam.' } });
  }
  if (steps.includes('trained')) {
    await db.trainingSession.create({
      data: { requestId: request.id, trainedById: o.therapistId, trainedAt: at(7), trainee: 'caregiver', transfers: true, mobility: true, pressureRelief: true, careMaintenance: true, batteryCharging: model.kind === 'electric', whoToContact: true },
    });
  }
  if (steps.includes('in_use')) {
    // Scheduled by the same rule as a real delivery (a month, as a priority, for high pressure-injury risk).
    const next = firstFollowUp({ deliveredAt: at(8), pressureInjuryRisk: p.gmfcs === 5 ? 'high' : 'medium' });
    await db.followUp.create({ data: { beneficiaryId: b.id, requestId: request.id, kind: next.kind, dueAt: next.dueAt } });
  }
}
