// The HTTP side of a chair's life: each step's input checked against the chair and the world
// (same-centre beneficiary, dates, another centre), then applied through the one lifecycle in
// core/chair-life (status table, history entry, audit row) in one transaction.
import type { z } from 'zod';
import { refurbChecklist, type BatteryBody, type LoanBody, type ReceiveBody, type RetireBody, type ReturnBody, type TransferBody } from '../../../schemas/chair-life.ts';
import { activeStatuses } from '../../../schemas/work-orders.ts';
import { day, localToday } from '../../../schemas/centre-time.ts';
import { type ChairLifecycle, checkChairMove, moveChair, MoveRefused } from '../../../core/chair-life/chair-life.service.ts';
import type { Db, Tx } from '../../../core/db/client.ts';
import { type AuditWriter, moveWorkOrder, openWorkOrder } from '../../../core/maintenance/maintenance.service.ts';
import type { Actor } from '../access/actor.ts';
import { deviceScope } from '../access/scopes.ts';
import { conflict, forbidden, invalid, notFound } from '../lib/errors.ts';

export interface StepContext {
  db: Db;
  actor: Actor;
  audit: AuditWriter;
  now: Date;
}

const chairSelect = { id: true, status: true, centreId: true, beneficiaryId: true, model: { select: { kind: true } } } as const;
export type Chair = { id: string; status: string; centreId: string; beneficiaryId: string | null; model: { kind: string } };

/** The chair if the actor may see it (404 otherwise: ids cannot be probed). */
export async function findChair(db: Db | Tx, actor: Actor, id: string): Promise<Chair> {
  const d = await db.device.findFirst({ where: { AND: [{ id }, deviceScope(actor)] }, select: chairSelect });
  if (!d) throw notFound('device');
  return d;
}

/**
 * Staff act on their own centre's chairs only; the receiving centre sees a chair in transit but
 * acts on it only by receiving it.
 */
function ownCentre(actor: Actor, chair: Chair) {
  if (actor.role !== 'admin' && chair.centreId !== actor.centreId) throw forbidden('only the chair\'s own centre may do this');
}

const fieldError = (path: string, message: string) => invalid(message, [{ path: [path], message, code: 'custom' }]);

/** Runs a step in one transaction; the lifecycle's refusals are the API's 409. */
async function inStep<T>(ctx: StepContext, run: (l: ChairLifecycle & { audit: AuditWriter }, tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await ctx.db.$transaction((tx) => run({ tx, now: ctx.now, actorId: ctx.actor.id, audit: ctx.audit }, tx));
  } catch (err) {
    if (err instanceof MoveRefused) throw conflict(err.message);
    throw err;
  }
}

/** A status check before the input's own checks, so a chair in the wrong state is a 409 first. */
function precheck(step: Parameters<typeof checkChairMove>[0], chair: Chair) {
  try {
    checkChairMove(step, chair.status);
  } catch (err) {
    if (err instanceof MoveRefused) throw conflict(err.message);
    throw err;
  }
}

export async function lend(ctx: StepContext, chair: Chair, body: z.infer<typeof LoanBody>) {
  ownCentre(ctx.actor, chair);
  precheck('loan', chair);
  const person = await ctx.db.beneficiary.findFirst({ where: { id: body.beneficiaryId, centreId: chair.centreId, anonymisedAt: null }, select: { id: true } });
  if (!person) throw fieldError('beneficiaryId', 'lend only to a beneficiary of the chair\'s centre');
  const dueAt = day(body.dueAt);
  if (dueAt < localToday(ctx.now)) throw fieldError('dueAt', 'the return date is in the past');
  return inStep(ctx, async (l, tx) => {
    const loan = await tx.loan.create({ data: { deviceId: chair.id, beneficiaryId: person.id, centreId: chair.centreId, startedAt: ctx.now, dueAt, createdById: ctx.actor.id } });
    await moveChair(l, chair, { step: 'loan', data: { beneficiaryId: person.id }, beneficiaryId: person.id, details: { loanId: loan.id, dueAt: body.dueAt, note: body.note } });
  });
}

export async function giveBack(ctx: StepContext, chair: Chair, body: z.infer<typeof ReturnBody>) {
  ownCentre(ctx.actor, chair);
  precheck('return', chair);
  return inStep(ctx, async (l, tx) => {
    const closed = await tx.loan.updateMany({ where: { deviceId: chair.id, returnedAt: null }, data: { returnedAt: ctx.now } });
    const workOrder = await openWorkOrder(l, {
      centreId: chair.centreId, deviceId: chair.id, kind: 'refurbishment', priority: 'normal',
      description: body.notes ?? null, checklist: refurbChecklist(chair.model.kind), details: { condition: body.condition, reason: body.reason },
    });
    await moveChair(l, chair, {
      step: 'return', data: { beneficiaryId: null }, reason: body.reason,
      details: { condition: body.condition, notes: body.notes, workOrderId: workOrder.id, loanClosed: closed.count > 0 },
    });
  });
}

export async function transfer(ctx: StepContext, chair: Chair, body: z.infer<typeof TransferBody>) {
  ownCentre(ctx.actor, chair);
  precheck('transfer', chair);
  if (body.toCentreId === chair.centreId) throw fieldError('toCentreId', 'the chair is already at this centre');
  if (!(await ctx.db.centre.findUnique({ where: { id: body.toCentreId }, select: { id: true } }))) throw fieldError('toCentreId', 'no such centre');
  return inStep(ctx, async (l, tx) => {
    const t = await tx.transfer.create({ data: { deviceId: chair.id, fromCentreId: chair.centreId, toCentreId: body.toCentreId, sentAt: ctx.now, sentById: ctx.actor.id, note: body.note ?? null } });
    await moveChair(l, chair, { step: 'transfer', details: { transferId: t.id, toCentreId: body.toCentreId, note: body.note } });
  });
}

export async function receive(ctx: StepContext, chair: Chair, body: z.infer<typeof ReceiveBody>) {
  precheck('receive', chair);
  const t = await ctx.db.transfer.findFirst({ where: { deviceId: chair.id, receivedAt: null }, orderBy: { sentAt: 'desc' } });
  if (!t) throw conflict('this chair has no transfer under way');
  if (ctx.actor.role !== 'admin' && ctx.actor.centreId !== t.toCentreId) throw forbidden('only the receiving centre receives the chair');
  return inStep(ctx, async (l, tx) => {
    await tx.transfer.update({ where: { id: t.id }, data: { receivedAt: ctx.now, receivedById: ctx.actor.id } });
    await moveChair(l, chair, { step: 'receive', data: { centreId: t.toCentreId }, centreId: t.toCentreId, details: { transferId: t.id, fromCentreId: t.fromCentreId, note: body.note } });
  });
}

export async function replaceBattery(ctx: StepContext, chair: Chair, body: z.infer<typeof BatteryBody>) {
  ownCentre(ctx.actor, chair);
  precheck('battery', chair);
  if (chair.model.kind !== 'electric') throw fieldError('installedAt', 'a manual chair has no battery');
  const today = localToday(ctx.now);
  const installed = day(body.installedAt);
  if (installed > today) throw fieldError('installedAt', 'the installation date is in the future');
  // Today's battery counts from now: this morning's samples may still be the old one's.
  const batteryInstalledAt = installed.getTime() === today.getTime() ? ctx.now : installed;
  return inStep(ctx, async (l) => {
    await moveChair(l, chair, { step: 'battery', data: { batteryInstalledAt }, details: { installedAt: body.installedAt, notes: body.notes } });
  });
}

export async function retire(ctx: StepContext, chair: Chair, body: z.infer<typeof RetireBody>) {
  ownCentre(ctx.actor, chair);
  precheck('retire', chair);
  return inStep(ctx, async (l, tx) => {
    // A refurbishment under way ends with the chair: the same step cancels its work order.
    const pending = await tx.workOrder.findMany({ where: { deviceId: chair.id, kind: 'refurbishment', status: { in: [...activeStatuses] } } });
    for (const w of pending) await moveWorkOrder(l, w, { action: 'cancel', data: { resolutionNotes: body.notes ?? body.reason, outcome: 'retired' } });
    await moveChair(l, chair, { step: 'retire', data: { retiredAt: ctx.now, retiredReason: body.reason }, reason: body.reason, details: { notes: body.notes } });
  });
}
