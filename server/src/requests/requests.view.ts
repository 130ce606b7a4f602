// What each role sees of a request: state, dates and appointments for everyone who may see it;
// the therapist and priority for staff; referral, assessment, prescription and step records only
// for clinical roles, as far as healthDataView allows. Technicians and families never get clinical detail.
import type { FollowUpView, RequestDetail, RequestState, RequestSummary } from '../../../schemas/requests.ts';
import { healthDataView } from '../access/health-data.ts';
import { ageInYears, isoDate } from '../beneficiaries/beneficiaries.service.ts';
import type { Actor } from '../access/actor.ts';
import { nextStatesFor } from './state-machine.ts';
import { type DetailRow, type Names, type SummaryRow } from './request-rows.ts';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const person = (names: Names, id: string | null | undefined) => (id ? { id, name: names.get(id) ?? '' } : null);

export function toSummary(r: SummaryRow, actor: Actor, now: Date, names: Names): RequestSummary {
  const staff = actor.role !== 'family';
  return {
    id: r.id,
    state: r.state as RequestState,
    beneficiary: { id: r.beneficiary.id, fullName: r.beneficiary.fullName, ageYears: ageInYears(r.beneficiary.birthDate, now) },
    centreId: r.centreId,
    centreName: r.centre.name,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    // The detail holds every transition (oldest first), a summary only the latest.
    stateSince: (r.transitions.at(-1)?.at ?? r.createdAt).toISOString(),
    expectedAt: r.expectedAt ? isoDate(r.expectedAt) : null,
    deliveredAt: r.deliveredAt ? isoDate(r.deliveredAt) : null,
    appointmentAt: iso(r.referral?.appointmentAt),
    appointmentType: (r.referral?.appointmentType as RequestSummary['appointmentType']) ?? null,
    nextFollowUpAt: r.followUps.find((f) => !f.completedAt)?.dueAt.toISOString() ?? null,
    ...(staff ? { therapist: person(names, r.therapistId), priority: (r.referral?.priority as RequestSummary['priority']) ?? null } : {}),
  };
}

export function toDetail(r: DetailRow, actor: Actor, now: Date, names: Names): RequestDetail {
  const staff = actor.role !== 'family';
  // Clinical roles see the step records; without an active health-data consent only what keeps the
  // chair working (model, seat sizes, device, dates, states) — healthDataView decides.
  const health = healthDataView(actor, r.beneficiary, now);
  const clinical = health.level !== 'none';
  const full = health.level === 'full';
  const a = r.assessments[0];
  const p = r.prescription;
  return {
    ...toSummary(r, actor, now, names),
    device: r.device ? { id: r.device.id, serial: r.device.serial, modelName: r.device.model.name, kind: r.device.model.kind as never, status: r.device.status } : null,
    ...(staff ? { orderSource: (r.orderSource as never) ?? null, supplier: r.supplier } : {}),
    timeline: r.transitions.map((t) => ({
      from: (t.fromState as RequestState | null) ?? null,
      to: t.toState as RequestState,
      at: t.at.toISOString(),
      ...(staff ? { by: t.byUser ? { id: t.byUser.id, name: t.byUser.name } : null } : {}),
      ...(full ? { note: t.note } : {}),
    })),
    followUps: r.followUps.map((f) => followUpView(f, full)),
    allowedTransitions: nextStatesFor(r.state as RequestState, actor.role),
    ...(clinical ? { clinicalWithheld: health.withheld } : {}),
    ...(full ? { beneficiaryDiagnosis: r.beneficiary.diagnosis as never } : {}),
    ...(clinical
      ? {
          referral: r.referral
            ? {
                source: r.referral.source as never,
                ...(full ? { reason: r.referral.reason } : {}),
                priority: r.referral.priority as never,
                appointmentType: r.referral.appointmentType as never,
                appointmentAt: iso(r.referral.appointmentAt),
                createdAt: r.referral.createdAt.toISOString(),
              }
            : null,
          ...(full ? { assessment: a ? assessmentView(a, names) : null } : {}),
          prescription: p
            ? {
                model: { id: p.model.id, name: p.model.name, manufacturer: p.model.manufacturer, kind: p.model.kind as never },
                seatWidthMm: p.seatWidthMm,
                seatDepthMm: p.seatDepthMm,
                pelvicBelt: p.pelvicBelt,
                lateralSupports: p.lateralSupports,
                headSupport: p.headSupport,
                tiltInSpace: p.tiltInSpace,
                cushion: p.cushion as never,
                ...(full ? { accessories: p.accessories, notes: p.notes } : {}),
                prescribedAt: p.prescribedAt.toISOString(),
                prescribedBy: person(names, p.prescribedById),
              }
            : null,
          funding: r.funding.map((f) => ({
            decision: f.decision as never,
            fundingSource: f.fundingSource,
            ...(full ? { reason: f.reason } : {}),
            decidedAt: f.decidedAt.toISOString(),
            decidedBy: person(names, f.decidedById),
          })),
          fittings: r.fittings.map((f) => ({
            fittedAt: f.fittedAt.toISOString(),
            fittedBy: person(names, f.fittedById),
            ...(full ? { sizeOk: f.sizeOk, postureOk: f.postureOk, pressureOk: f.pressureOk, movementOk: f.movementOk, adjustments: f.adjustments, notes: f.notes } : {}),
            outcome: f.outcome as never,
          })),
          trainings: r.trainings.map((t) => ({
            trainedAt: t.trainedAt.toISOString(),
            trainedBy: person(names, t.trainedById),
            trainee: t.trainee as never,
            transfers: t.transfers,
            mobility: t.mobility,
            pressureRelief: t.pressureRelief,
            careMaintenance: t.careMaintenance,
            batteryCharging: t.batteryCharging,
            whoToContact: t.whoToContact,
            ...(full ? { notes: t.notes } : {}),
          })),
        }
      : {}),
  };
}

type FollowUpRow = DetailRow['followUps'][number];

/** A follow-up: when and what kind for everyone who may see it; its findings only with the full record. */
export function followUpView(f: FollowUpRow, full: boolean): FollowUpView {
  return {
    id: f.id,
    requestId: f.requestId,
    beneficiaryId: f.beneficiaryId,
    kind: f.kind as never,
    dueAt: f.dueAt.toISOString(),
    completedAt: iso(f.completedAt),
    ...(full ? { findings: f.findings, pressureInjuryRisk: (f.pressureInjuryRisk as never) ?? null, fitOk: f.fitOk } : {}),
  };
}

function assessmentView(a: DetailRow['assessments'][number], names: Names) {
  return {
    id: a.id,
    assessedAt: isoDate(a.assessedAt),
    assessedBy: person(names, a.assessedById),
    goals: a.goals,
    usageEnvironment: a.usageEnvironment,
    dailyUseHours: a.dailyUseHours,
    terrain: a.terrain,
    transport: a.transport,
    transfers: a.transfers,
    currentChair: a.currentChair,
    sittingPosture: a.sittingPosture,
    pelvicPosition: a.pelvicPosition,
    pressureInjuryRisk: a.pressureInjuryRisk as never,
    measurements: {
      hipWidthMm: a.hipWidthMm,
      seatDepthLeftMm: a.seatDepthLeftMm,
      seatDepthRightMm: a.seatDepthRightMm,
      calfLengthLeftMm: a.calfLengthLeftMm,
      calfLengthRightMm: a.calfLengthRightMm,
      seatToRibCageMm: a.seatToRibCageMm,
      seatToShoulderMm: a.seatToShoulderMm,
      seatToOcciputMm: a.seatToOcciputMm,
    },
    notes: a.notes,
  };
}
