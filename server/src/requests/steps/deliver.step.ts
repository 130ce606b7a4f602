// Delivery puts the chair in use and schedules the first follow-up; cancelling returns a prepared
// chair to stock.
import type { z } from 'zod';
import type { CancelStep, DeliverStep } from '../../../../schemas/pathway-steps.ts';
import { firstFollowUp } from '../follow-up-schedule.ts';
import { conflict } from '../../lib/errors.ts';
import { checkDateOrder, type StepContext, type StepOutcome } from './step-context.ts';
import { day, localToday } from '../../../../schemas/centre-time.ts';

export async function deliver(ctx: StepContext, body: DeliverStep): Promise<StepOutcome> {
  const { tx, request, now } = ctx;
  if (!request.deviceId) throw conflict('no device is assigned to this request');
  const deliveredAt = body.deliveredAt ? day(body.deliveredAt) : localToday(now);
  checkDateOrder('deliveredAt', deliveredAt, request.trainings.at(-1)?.trainedAt ?? null, now, 'the training');
  await tx.device.update({ where: { id: request.deviceId }, data: { status: 'in_use', beneficiaryId: request.beneficiaryId } });
  const next = firstFollowUp({ deliveredAt, pressureInjuryRisk: request.assessments[0]?.pressureInjuryRisk });
  await tx.followUp.create({ data: { beneficiaryId: request.beneficiaryId, requestId: request.id, kind: next.kind, dueAt: next.dueAt, createdAt: now } });
  return { requestData: { deliveredAt }, note: body.note ?? null };
}

export async function cancel(ctx: StepContext, body: z.infer<typeof CancelStep>): Promise<StepOutcome> {
  const { tx, request } = ctx;
  if (request.deviceId) {
    await tx.device.updateMany({ where: { id: request.deviceId, status: 'reserved' }, data: { status: 'in_stock', beneficiaryId: null } });
  }
  return { requestData: { deviceId: null }, note: body.reason };
}
