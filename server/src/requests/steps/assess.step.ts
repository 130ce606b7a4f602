// Step 2, assessment: the WHO interview, physical assessment and measurements; CP and
// hydrocephalus details update the beneficiary's profiles.
import type { AssessStep } from '../../../../schemas/pathway-steps.ts';
import { checkDateOrder, invalidAt, type StepContext, type StepOutcome } from './step-context.ts';
import { day, localToday } from '../../../../schemas/centre-time.ts';

const hasCp = (d: string) => d === 'cp' || d === 'both';
const hasHydro = (d: string) => d === 'hydrocephalus' || d === 'both';

export async function assess(ctx: StepContext, body: AssessStep): Promise<StepOutcome> {
  const { tx, request, actor, now } = ctx;
  const b = request.beneficiary;
  const assessedAt = body.assessedAt ? day(body.assessedAt) : localToday(now);
  checkDateOrder('assessedAt', assessedAt, request.referral?.createdAt ?? request.createdAt, now, 'the referral');

  // The diagnosis decides which details belong in the assessment.
  if (hasCp(b.diagnosis) && !body.cp) throw invalidAt(['cp'], 'required_for_diagnosis', 'record the CP details (GMFCS, type, distribution, tone) for a beneficiary with CP');
  if (!hasCp(b.diagnosis) && body.cp) throw invalidAt(['cp'], 'not_for_diagnosis', 'CP details given for a beneficiary without CP');
  if (hasHydro(b.diagnosis) && !body.hydrocephalus) throw invalidAt(['hydrocephalus'], 'required_for_diagnosis', 'record the hydrocephalus details for a beneficiary with hydrocephalus');
  if (!hasHydro(b.diagnosis) && body.hydrocephalus) throw invalidAt(['hydrocephalus'], 'not_for_diagnosis', 'hydrocephalus details given for a beneficiary without hydrocephalus');

  if (body.cp) {
    const cp = { ...body.cp, pelvicPosition: body.pelvicPosition ?? null };
    await tx.cpProfile.upsert({ where: { beneficiaryId: b.id }, create: { ...cp, beneficiaryId: b.id }, update: cp });
  }
  if (body.hydrocephalus) {
    const h = body.hydrocephalus;
    const data = {
      shuntPresent: h.shuntPresent,
      shuntSide: h.shuntPresent ? (h.shuntSide ?? null) : null,
      headSupport: h.headSupport ?? null,
      occiputSkinRisk: h.occiputSkinRisk,
      ...(h.shuntPresent ? {} : { shuntType: null }),
    };
    await tx.hydrocephalusProfile.upsert({ where: { beneficiaryId: b.id }, create: { ...data, beneficiaryId: b.id }, update: data });
  }
  if (body.diagnosisSummary) await tx.beneficiary.update({ where: { id: b.id }, data: { diagnosisNotes: body.diagnosisSummary } });

  const m = body.measurements;
  await tx.assessment.create({
    data: {
      beneficiaryId: b.id,
      requestId: request.id,
      assessedById: actor.id,
      assessedAt,
      goals: body.goals,
      usageEnvironment: body.usageEnvironment,
      dailyUseHours: body.dailyUseHours,
      terrain: body.terrain ?? null,
      transport: body.transport ?? null,
      transfers: body.transfers ?? null,
      currentChair: body.currentChair ?? null,
      sittingPosture: body.sittingPosture,
      pelvicPosition: body.pelvicPosition ?? null,
      pressureInjuryRisk: body.pressureInjuryRisk,
      hipWidthMm: m.hipWidthMm,
      seatDepthLeftMm: m.seatDepthLeftMm,
      seatDepthRightMm: m.seatDepthRightMm,
      calfLengthLeftMm: m.calfLengthLeftMm,
      calfLengthRightMm: m.calfLengthRightMm,
      seatToRibCageMm: m.seatToRibCageMm ?? null,
      seatToShoulderMm: m.seatToShoulderMm ?? null,
      seatToOcciputMm: m.seatToOcciputMm ?? null,
      notes: body.notes ?? null,
    },
  });
  return {};
}
