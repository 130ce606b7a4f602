// Moves a request along the pathway: checks the move against the transition table and the role,
// runs the step (which records its data), and keeps who moved it and when — all in one
// transaction, so a refused step changes nothing.
import type { TransitionBody } from '../../../schemas/pathway-steps.ts';
import type { RequestState } from '../../../schemas/requests.ts';
import { requireActiveConsent } from '../beneficiaries/beneficiaries.service.ts';
import type { Db } from '../../../core/db/client.ts';
import type { Actor } from '../access/actor.ts';
import { conflict, forbidden } from '../lib/errors.ts';
import { checkTransition } from './state-machine.ts';
import { assess } from './steps/assess.step.ts';
import { cancel, deliver } from './steps/deliver.step.ts';
import { fit, train } from './steps/fit-train.step.ts';
import { approve, reject } from './steps/funding.step.ts';
import { order, prepare } from './steps/logistics.step.ts';
import { prescribe } from './steps/prescribe.step.ts';
import type { StepContext, StepOutcome } from './steps/step-context.ts';
import { type DetailRow } from './request-rows.ts';

/**
 * The steps that record health data: the assessment (interview, measurements, CP and hydrocephalus
 * details), the prescription made from it, and the fitting's posture and pressure checks. Each needs
 * the health-data consent (a guardian's, for a child) on file when it is written.
 */
export const clinicalSteps: readonly RequestState[] = ['assessed', 'prescribed', 'fitted'];

type Handler<B> = (ctx: StepContext, body: B) => Promise<StepOutcome> | StepOutcome;
type Handlers = { [K in TransitionBody['to']]: Handler<Extract<TransitionBody, { to: K }>> };

const handlers: Handlers = {
  assessed: assess,
  prescribed: prescribe,
  approved: approve,
  rejected: reject,
  ordered: order,
  prepared: prepare,
  fitted: fit,
  trained: train,
  in_use: deliver,
  cancelled: cancel,
};

export interface TransitionOptions {
  db: Db;
  actor: Actor;
  now: Date;
  request: DetailRow;
  body: TransitionBody;
}

export async function transition({ db, actor, now, request, body }: TransitionOptions): Promise<StepOutcome> {
  const from = request.state as RequestState;
  const check = checkTransition(from, body.to, actor.role);
  if (!check.ok) throw check.reason === 'forbidden' ? forbidden(check.message) : conflict(check.message);
  return db.$transaction(async (tx) => {
    // Checked inside the transaction, so a withdrawal recorded meanwhile cannot be overtaken.
    if (clinicalSteps.includes(body.to)) await requireActiveConsent(tx, request.beneficiaryId, 'health_data', now);
    const ctx: StepContext = { tx, actor, now, request, from };
    const handler = handlers[body.to] as Handler<TransitionBody>;
    const outcome = await handler(ctx, body);
    // Guarded on the state we read: if someone else moved the request meanwhile, nothing is written.
    const moved = await tx.deviceRequest.updateMany({
      where: { id: request.id, state: from },
      data: { ...outcome.requestData, state: body.to, updatedAt: now },
    });
    if (moved.count !== 1) throw conflict('the request changed while you were working on it; reload and try again', { reason: 'request_changed' });
    await tx.requestTransition.create({
      data: { requestId: request.id, fromState: from, toState: body.to, byUserId: actor.id, at: now, note: outcome.note ?? null },
    });
    return outcome;
  });
}
