// Step 5, fitting and training: the WHO fitting checklist (a failed item means a refit), and the
// user-training checklist, which must be complete before the chair is handed over.
import type { FitStep, TrainStep } from '../../../../schemas/pathway-steps.ts';
import { trainingTopics } from '../../../../schemas/pathway-steps.ts';
import { ApiError, conflict } from '../../lib/errors.ts';
import type { StepContext, StepOutcome } from './step-context.ts';

export async function fit(ctx: StepContext, body: FitStep): Promise<StepOutcome> {
  const ok = body.sizeOk && body.postureOk && body.pressureOk && body.movementOk;
  await ctx.tx.fitting.create({
    data: {
      requestId: ctx.request.id,
      fittedById: ctx.actor.id,
      fittedAt: ctx.now,
      sizeOk: body.sizeOk,
      postureOk: body.postureOk,
      pressureOk: body.pressureOk,
      movementOk: body.movementOk,
      adjustments: body.adjustments ?? null,
      outcome: ok ? 'ok' : 'refit_needed',
      notes: body.notes ?? null,
    },
  });
  return {};
}

export async function train(ctx: StepContext, body: TrainStep): Promise<StepOutcome> {
  const { request } = ctx;
  const lastFitting = request.fittings.at(-1);
  if (!lastFitting || lastFitting.outcome !== 'ok') {
    throw conflict('the last fitting found a problem (size, posture, pressure or movement): send the chair for a refit first', { reason: 'refit_needed' });
  }
  const electric = request.prescription?.model.kind === 'electric';
  const needed = trainingTopics.filter((topic) => topic !== 'batteryCharging' || electric);
  const missing = needed.filter((topic) => !body[topic]);
  if (missing.length > 0) {
    throw new ApiError(
      422,
      'invalid_input',
      `training is not complete: ${missing.join(', ')}`,
      missing.map((topic) => ({ path: [topic], message: 'this topic must be covered before delivery', code: 'training_incomplete' })),
    );
  }
  await ctx.tx.trainingSession.create({
    data: {
      requestId: request.id,
      trainedById: ctx.actor.id,
      trainedAt: ctx.now,
      trainee: body.trainee,
      transfers: body.transfers,
      mobility: body.mobility,
      pressureRelief: body.pressureRelief,
      careMaintenance: body.careMaintenance,
      batteryCharging: body.batteryCharging,
      whoToContact: body.whoToContact,
      notes: body.notes ?? null,
    },
  });
  return {};
}
