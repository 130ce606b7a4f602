// Step 3, prescription: a model and one of its catalogue sizes, postural supports and cushion.
// A size or support the model does not offer is refused; a size off the WHO target only warns.
import type { PrescribeStep } from '../../../../schemas/pathway-steps.ts';
import { loadCatalogue, measurementsOf, suggestionFor } from '../sizing.service.ts';
import { checkPrescription, type Support } from '../sizing.ts';
import { invalidAt, type StepContext, type StepOutcome } from './step-context.ts';

const supports: Support[] = ['pelvicBelt', 'lateralSupports', 'headSupport', 'tiltInSpace'];

export async function prescribe(ctx: StepContext, body: PrescribeStep): Promise<StepOutcome> {
  const { tx, request, actor, now } = ctx;
  const m = measurementsOf(request);
  const [model] = await loadCatalogue(tx, { id: body.modelId });
  if (!model) throw invalidAt(['modelId'], 'not_in_catalogue', 'no active model with this id in the catalogue');
  const size = model.sizes.find((s) => s.seatWidthMm === body.seatWidthMm && s.seatDepthMm === body.seatDepthMm);
  if (!size) {
    const offered = model.sizes.map((s) => `${s.seatWidthMm}×${s.seatDepthMm}`).join(', ');
    throw invalidAt(['seatWidthMm'], 'size_not_in_catalogue', `${model.name} comes in ${offered} mm, not ${body.seatWidthMm}×${body.seatDepthMm}`);
  }
  for (const s of supports) {
    if (body[s] && !model[s]) throw invalidAt([s], 'feature_unavailable', `${model.name} cannot take ${s}`);
  }
  const { cushion: _cushion, ...needs } = await suggestionFor(tx, request);
  await tx.prescription.create({
    data: {
      requestId: request.id,
      modelId: model.id,
      seatWidthMm: body.seatWidthMm,
      seatDepthMm: body.seatDepthMm,
      pelvicBelt: body.pelvicBelt,
      lateralSupports: body.lateralSupports,
      headSupport: body.headSupport,
      tiltInSpace: body.tiltInSpace,
      cushion: body.cushion,
      accessories: body.accessories ?? null,
      notes: body.notes ?? null,
      prescribedById: actor.id,
      prescribedAt: now,
    },
  });
  // Warn about supports the assessment suggests but the prescription leaves out or the model lacks.
  const chosen = { pelvicBelt: body.pelvicBelt, lateralSupports: body.lateralSupports, headSupport: body.headSupport, tiltInSpace: body.tiltInSpace };
  const warnings = checkPrescription(m, model, size, needs);
  const left = supports.filter((s) => needs[s] && !chosen[s] && model[s]);
  if (left.length > 0) warnings.push({ code: 'supports_not_prescribed', message: `the assessment suggests supports not prescribed: ${left.join(', ')}` });
  return { warnings };
}
