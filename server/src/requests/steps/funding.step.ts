// Step 4a, funding: the centre manager approves (naming the source) or rejects (with the reason).
import type { z } from 'zod';
import type { ApproveStep, RejectStep } from '../../../../schemas/pathway-steps.ts';
import { centreStaff, notify } from '../../../../core/notifications/notify.ts';
import type { StepContext, StepOutcome } from './step-context.ts';

export async function approve(ctx: StepContext, body: z.infer<typeof ApproveStep>): Promise<StepOutcome> {
  await ctx.tx.fundingApproval.create({
    data: { requestId: ctx.request.id, decision: 'approved', fundingSource: body.fundingSource, reason: body.note ?? null, decidedById: ctx.actor.id, decidedAt: ctx.now },
  });
  // The therapist in charge orders next: told at once (the centre's therapists when none is named).
  const r = ctx.request;
  const therapists = r.therapistId ? [r.therapistId] : await centreStaff(ctx.tx, r.centreId, ['therapist']);
  await notify(ctx.tx, {
    userIds: therapists.filter((u) => u !== ctx.actor.id), kind: 'request_approved',
    params: { requestId: r.id, beneficiary: r.beneficiary.fullName }, link: `/requests/${r.id}`, now: ctx.now,
  });
  return { note: body.note ?? null };
}

export async function reject(ctx: StepContext, body: z.infer<typeof RejectStep>): Promise<StepOutcome> {
  await ctx.tx.fundingApproval.create({
    data: { requestId: ctx.request.id, decision: 'rejected', reason: body.reason, decidedById: ctx.actor.id, decidedAt: ctx.now },
  });
  return { note: body.reason };
}
