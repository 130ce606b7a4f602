// The work-order state machine in action: each PATCH action is checked against the legal moves
// (409 otherwise) and its input validated here; the maintenance service applies it with a
// compare-and-set and its audit row in one transaction, and the family's report follows the work.
import type { Prisma } from '@prisma/client';
import { therapistKinds, type WorkOrderAction, type WorkOrderStatus } from '../../../schemas/work-orders.ts';
import type { Db } from '../../../core/db/client.ts';
import { type AuditWriter, checkMove, type Moved, MoveRefused, moveWorkOrder } from '../../../core/maintenance/maintenance.service.ts';
import type { Actor } from '../access/actor.ts';
import { conflict, forbidden, invalid } from '../lib/errors.ts';
import type { TelemetryReader } from '../../../core/telemetry/telemetry-reader.ts';
import type { WorkOrderRow } from './work-orders.service.ts';
import { syncWorkOrderMove } from '../reports/work-order-sync.ts';
import { checkRefurbishmentEnd, finishRefurbishment, tickChecklist } from '../chair-life/refurbishment.ts';

const DAY = 86_400_000;

export interface ActionContext {
  db: Db;
  reader: TelemetryReader;
  actor: Actor;
  /** Records the move's audit row inside its transaction, on behalf of the actor. */
  audit: AuditWriter;
  now: Date;
}

const isTherapistKind = (kind: string) => (therapistKinds as readonly string[]).includes(kind);

/** Who may be assigned: active technicians of the work order's centre, and therapists for their kinds. */
export function assignableWhere(w: { centreId: string; kind: string }): Prisma.UserWhereInput {
  return { centreId: w.centreId, disabled: false, role: { in: isTherapistKind(w.kind) ? ['technician', 'therapist'] : ['technician'] } };
}

/** The service's refusals are the API's 409. */
async function refusedAsConflict<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof MoveRefused) throw conflict(err.message);
    throw err;
  }
}

export async function applyAction(ctx: ActionContext, w: WorkOrderRow, action: WorkOrderAction): Promise<Moved> {
  const { db, actor, now } = ctx;
  if (actor.role === 'therapist' && !isTherapistKind(w.kind)) throw forbidden('therapists work training and follow-up work orders only');
  await refusedAsConflict(async () => checkMove(action.action, w.status as WorkOrderStatus));
  const details: Record<string, unknown> = {};
  let data: Prisma.WorkOrderUncheckedUpdateManyInput = {};

  switch (action.action) {
    case 'assign': {
      const person = await db.user.findFirst({ where: { AND: [{ id: action.assigneeId }, assignableWhere(w)] }, select: { id: true } });
      if (!person) {
        throw invalid('assign to an active technician of this centre (or a therapist, for training and follow-up)', [
          { path: ['assigneeId'], message: 'not assignable to this work order', code: 'custom' },
        ]);
      }
      data = { assigneeId: person.id };
      details.assigneeId = person.id;
      break;
    }
    case 'schedule': {
      const at = new Date(action.scheduledAt);
      if (at.getTime() < now.getTime() - DAY || at.getTime() > now.getTime() + 366 * DAY) {
        throw invalid('schedule the visit between yesterday and a year from now', [{ path: ['scheduledAt'], message: 'out of range', code: 'custom' }]);
      }
      data = { scheduledAt: at, location: action.location };
      details.location = action.location;
      break;
    }
    case 'start':
      break;
    case 'parts':
      data = { partsUsed: JSON.stringify(action.parts) };
      details.parts = action.parts.length;
      break;
    case 'checklist':
      data = { checklist: JSON.stringify(tickChecklist(w, action.items)) };
      details.items = action.items.map((i) => i.item);
      break;
    case 'resolve':
      checkRefurbishmentEnd(w, action);
      data = { resolutionNotes: action.notes, ...(action.parts ? { partsUsed: JSON.stringify(action.parts) } : {}), ...(action.outcome ? { outcome: action.outcome } : {}) };
      if (action.outcome) details.outcome = action.outcome;
      break;
    case 'cancel':
      data = { resolutionNotes: action.reason };
      break;
  }

  return refusedAsConflict(() =>
    db.$transaction(async (tx) => {
      const moved = await moveWorkOrder({ tx, audit: ctx.audit, now }, w, {
        action: action.action, data, details, odometerM: async (deviceId) => (await ctx.reader.chairState(deviceId))?.odometerM ?? null,
      });
      // The family's report follows the work made of it; the assignee is told.
      await syncWorkOrderMove(tx, { workOrder: w, action, to: moved.to, actor, now });
      // A finished refurbishment moves its chair (back to stock, or written off).
      if (action.action === 'resolve' && action.outcome) await finishRefurbishment({ tx, now, actorId: actor.id, audit: ctx.audit }, w, action);
      return moved;
    }),
  );
}
