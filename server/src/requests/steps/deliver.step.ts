// Delivery puts the chair in use and schedules the first follow-up; cancelling returns a prepared
// chair to stock.
import type { z } from 'zod';
import type { CancelStep, DeliverStep } from '../../../../schemas/pathway-steps.ts';
import { firstFollowUp } from '../follow-up-schedule.ts';
import { conflict } from '../../lib/errors.ts';
import { checkDateOrder, life, type StepContext, type StepOutcome } from './step-context.ts';
import { moveChair } from '../../../../core/chair-life/chair-life.service.ts';
import { day, localToday } from '../../../../schemas/centre-time.ts';

export async function deliver(ctx: StepContext, body: DeliverStep): Promise<StepOutcome> {
  const { tx, request, now } = ctx;
  if (!request.deviceId) throw conflict('no device is assigned to this request');
  const deliveredAt = body.deliveredAt ? day(body.deliveredAt) : localToday(now);
  checkDateOrder('deliveredAt', deliveredAt, request.trainings.at(-1)?.trainedAt ?? null, now, 'the training');
  const chair = await tx.device.findUniqueOrThrow({ where: { id: request.deviceId }, select: { id: true, status: true, centreId: true, beneficiaryId: true } });
  await moveChair(life(ctx), chair, { step: 'issue', data: { beneficiaryId: request.beneficiaryId }, beneficiaryId: request.beneficiaryId, details: { requestId: request.id } });
  const next = firstFollowUp({ deliveredAt, pressureInjuryRisk: request.assessments[0]?.pressureInjuryRisk });
  await tx.followUp.create({ data: { beneficiaryId: request.beneficiaryId, requestId: request.id, kind: next.kind, dueAt: next.dueAt, createdAt: now } });
  return { requestData: { deliveredAt }, note: body.note ?? null };
}

export async function cancel(ctx: StepContext, body: z.infer<typeof CancelStep>): Promise<StepOutcome> {
  const { tx, request } = ctx;
  const chair = request.deviceId
    ? await tx.device.findUnique({ where: { id: request.deviceId }, select: { id: true, status: true, centreId: true, beneficiaryId: true } })
    : null;
  // A prepared chair goes back to stock; one already delivered stays with its user.
  if (chair?.status === 'reserved') {
    await moveChair(life(ctx), chair, { step: 'unreserve', data: { beneficiaryId: null }, reason: 'request_cancelled', details: { requestId: request.id } });
  }
  return { requestData: { deviceId: null }, note: body.reason };
}
