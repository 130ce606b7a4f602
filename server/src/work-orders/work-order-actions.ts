// The work-order state machine in action: each PATCH action is checked against the legal moves
// (409 otherwise), applied with a compare-and-set on the status, and returns what the audit records.
// Resolving clears the alerts the work order answers and, for a service or a new battery, updates the chair.
import type { Prisma } from '@prisma/client';
import { therapistKinds, type WorkOrderAction, type WorkOrderKind, type WorkOrderStatus, workOrderMoves } from '../../../schemas/work-orders.ts';
import type { Db } from '../../../core/db/client.ts';
import type { Actor } from '../access/actor.ts';
import { conflict, forbidden, invalid } from '../lib/errors.ts';
import type { TelemetryReader } from '../../../core/telemetry/telemetry-reader.ts';
import type { WorkOrderRow } from './work-orders.service.ts';
import { syncWorkOrderMove } from '../reports/work-order-sync.ts';

const DAY = 86_400_000;

export interface ActionContext {
  db: Db;
  reader: TelemetryReader;
  actor: Actor;
  now: Date;
}

export interface ActionOutcome {
  from: WorkOrderStatus;
  to: WorkOrderStatus;
  /** Ids and field names only, for the audit log. */
  audit: Record<string, unknown>;
}

const isTherapistKind = (kind: string) => (therapistKinds as readonly string[]).includes(kind);

/** Who may be assigned: active technicians of the work order's centre, and therapists for their kinds. */
export function assignableWhere(w: { centreId: string; kind: string }): Prisma.UserWhereInput {
  return { centreId: w.centreId, disabled: false, role: { in: isTherapistKind(w.kind) ? ['technician', 'therapist'] : ['technician'] } };
}

/** The alerts a work order answers: linked to it, or the same chair's alerts of the rule that made it. */
export function answeredAlerts(w: { id: string; deviceId: string | null; rule: string | null }): Prisma.AlertWhereInput {
  return { OR: [{ workOrderId: w.id }, ...(w.deviceId && w.rule ? [{ deviceId: w.deviceId, kind: w.rule }] : [])] };
}

export async function applyAction(ctx: ActionContext, w: WorkOrderRow, action: WorkOrderAction): Promise<ActionOutcome> {
  const { db, actor, now } = ctx;
  if (actor.role === 'therapist' && !isTherapistKind(w.kind)) throw forbidden('therapists work training and follow-up work orders only');
  const from = w.status as WorkOrderStatus;
  const move = workOrderMoves[action.action];
  if (!move.from.includes(from)) throw conflict(`cannot ${action.action} a work order that is ${from.replace('_', ' ')}`);
  let to: WorkOrderStatus = move.to ?? from;
  const audit: Record<string, unknown> = {};
  let data: Prisma.WorkOrderUncheckedUpdateManyInput = {};

  switch (action.action) {
    case 'assign': {
      const person = await db.user.findFirst({ where: { AND: [{ id: action.assigneeId }, assignableWhere(w)] }, select: { id: true } });
      if (!person) {
        throw invalid('assign to an active technician of this centre (or a therapist, for training and follow-up)', [
          { path: ['assigneeId'], message: 'not assignable to this work order', code: 'custom' },
        ]);
      }
      if (from === 'open') to = 'assigned';
      data = { assigneeId: person.id };
      audit.assigneeId = person.id;
      break;
    }
    case 'schedule': {
      const at = new Date(action.scheduledAt);
      if (at.getTime() < now.getTime() - DAY || at.getTime() > now.getTime() + 366 * DAY) {
        throw invalid('schedule the visit between yesterday and a year from now', [{ path: ['scheduledAt'], message: 'out of range', code: 'custom' }]);
      }
      data = { scheduledAt: at, location: action.location };
      audit.location = action.location;
      break;
    }
    case 'start':
      break;
    case 'parts':
      data = { partsUsed: JSON.stringify(action.parts) };
      audit.parts = action.parts.length;
      break;
    case 'resolve':
      data = { resolvedAt: now, resolutionNotes: action.notes, ...(action.parts ? { partsUsed: JSON.stringify(action.parts) } : {}) };
      break;
    case 'cancel':
      data = { resolutionNotes: action.reason };
      break;
  }

  await db.$transaction(async (tx) => {
    // Compare-and-set: a concurrent move of the same work order makes this one a conflict.
    const done = await tx.workOrder.updateMany({ where: { id: w.id, status: from }, data: { ...data, status: to } });
    if (done.count !== 1) throw conflict('this work order changed meanwhile; reload it');
    // The family's report follows the work made of it; the assignee is told.
    await syncWorkOrderMove(tx, { workOrder: w, action, to, actor, now });
    if (to !== 'resolved') return;
    const cleared = await tx.alert.updateMany({ where: { AND: [{ clearedAt: null }, answeredAlerts(w)] }, data: { clearedAt: now } });
    audit.clearedAlerts = cleared.count;
    if (w.deviceId) await updateChairAfterWork(tx, ctx.reader, w.deviceId, w.kind as WorkOrderKind, w.rule, now, audit);
  });
  return { from, to, audit };
}

async function updateChairAfterWork(
  tx: Prisma.TransactionClient,
  reader: TelemetryReader,
  deviceId: string,
  kind: WorkOrderKind,
  rule: string | null,
  now: Date,
  audit: Record<string, unknown>,
) {
  const data: Prisma.DeviceUpdateInput = {};
  if (rule === 'preventive_service' || kind === 'preventive_service') {
    // The odometer at the service, from the latest state, so the next one is due 500 km from here.
    data.lastServiceAt = now;
    data.lastServiceOdometerM = reader.state(deviceId)?.odometerM ?? null;
  }
  // A new battery starts its own life: capacity and cycle rules count from here.
  if (kind === 'battery_replacement') data.batteryInstalledAt = now;
  if (Object.keys(data).length === 0) return;
  await tx.device.update({ where: { id: deviceId }, data });
  audit.deviceFields = Object.keys(data);
}
