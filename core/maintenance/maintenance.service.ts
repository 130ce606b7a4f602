// The one maintenance service: opening, moving, resolving and clearing work orders, each with its
// audit row in the caller's transaction. HTTP actions, report triage and the rules engine call it.
import type { Prisma } from '@prisma/client';
import {
  clearMove,
  moveTarget,
  type FaultCategory,
  type WorkOrderActionName,
  type WorkOrderKind,
  type WorkOrderPriority,
  type WorkOrderStatus,
} from '../../schemas/work-orders.ts';
import { answeredAlerts, clearAlerts } from './alerts.ts';
import { type Lifecycle, MoveRefused } from './lifecycle.ts';

export { answeredAlerts, clearAlerts, handOverAlerts, raiseAlert, recentlyCleared, recordPastAlert } from './alerts.ts';
export { type AuditWriter, type Lifecycle, MoveRefused, type Tx } from './lifecycle.ts';

export interface OpenWorkOrder {
  centreId: string;
  deviceId: string | null;
  kind: WorkOrderKind;
  priority: WorkOrderPriority;
  category?: FaultCategory | null;
  description?: string | null;
  /** The rule that raised it (rule-made work orders), or the report it was triaged from. */
  rule?: string | null;
  reportId?: string | null;
  forecastAt?: string | null;
  details?: Record<string, unknown> | null;
  /** A refurbishment's checklist (schemas/chair-life.ts `refurbChecklist`). */
  checklist?: readonly unknown[] | null;
}

/** Opens a work order; the audit says what was opened and from what (ids and codes only). */
export async function openWorkOrder(l: Lifecycle, o: OpenWorkOrder): Promise<{ id: string }> {
  const created = await l.tx.workOrder.create({
    data: {
      centreId: o.centreId, deviceId: o.deviceId, kind: o.kind, priority: o.priority, category: o.category ?? null,
      description: o.description ?? null, rule: o.rule ?? null, reportId: o.reportId ?? null,
      forecastAt: o.forecastAt ? new Date(o.forecastAt) : null, details: o.details ? JSON.stringify(o.details) : null,
      checklist: o.checklist ? JSON.stringify(o.checklist) : null, createdAt: l.now,
    },
    select: { id: true },
  });
  const details = { deviceId: o.deviceId ?? undefined, kind: o.kind, priority: o.priority, rule: o.rule ?? undefined, reportId: o.reportId ?? undefined };
  await l.audit.record({ action: 'work_order.create', entityType: 'WorkOrder', entityId: created.id, centreId: o.centreId, details: dropUndefined(details) }, l.tx);
  return created;
}

/** The work order as the lifecycle needs it. */
export interface LifecycleWorkOrder {
  id: string;
  centreId: string;
  deviceId: string | null;
  kind: string;
  rule: string | null;
  status: string;
  details?: string | null;
}

export interface MoveInput {
  action: WorkOrderActionName;
  /** The fields the action sets besides the status (assignee, visit, parts, notes). */
  data?: Prisma.WorkOrderUncheckedUpdateManyInput;
  /** Ids and field names for the audit row, beside from and to. */
  details?: Record<string, unknown>;
  /** The chair's odometer now; read only when a finished service needs it. */
  odometerM?: (deviceId: string) => Promise<number | null>;
}

export interface Moved {
  from: WorkOrderStatus;
  to: WorkOrderStatus;
  details: Record<string, unknown>;
}

/** The status a person's action leads to; refused (409) when the state machine has no such move. */
export function checkMove(action: WorkOrderActionName, from: WorkOrderStatus): WorkOrderStatus {
  const to = moveTarget(action, from);
  if (!to) throw new MoveRefused(`cannot ${action} a work order that is ${from.replace('_', ' ')}`);
  return to;
}

/**
 * A person's move (schemas/work-orders.ts `workOrderMoves`), applied with a compare-and-set on the
 * status. Resolving clears the alerts the work order answers and records the work on the chair.
 */
export async function moveWorkOrder(l: Lifecycle, w: LifecycleWorkOrder, m: MoveInput): Promise<Moved> {
  const from = w.status as WorkOrderStatus;
  const to = checkMove(m.action, from);
  const details: Record<string, unknown> = { from, to, ...m.details };
  await compareAndSet(l, w.id, [from], { ...m.data, status: to, ...(to === 'resolved' ? { resolvedAt: l.now } : {}) });
  if (to === 'resolved') {
    details.clearedAlerts = await clearAlerts(l, answeredAlerts(w));
    if (w.deviceId) {
      const fields = await recordWorkOnChair(l, w.deviceId, w.kind as WorkOrderKind, m.odometerM);
      if (fields.length) details.deviceFields = fields;
    }
  }
  await l.audit.record({ action: `work_order.${m.action}`, entityType: 'WorkOrder', entityId: w.id, centreId: w.centreId, details }, l.tx);
  return { from, to, details };
}

/**
 * The rules' `clear` (schemas/work-orders.ts `clearMove`): the condition behind the work order went
 * away, so it is resolved from any open status, marked `autoResolved` (the UI words it in the
 * reader's language) and audited as `work_order.clear`. Nothing is recorded on the chair: no work was done.
 */
export async function clearWorkOrder(l: Lifecycle, w: LifecycleWorkOrder): Promise<Moved> {
  const from = w.status as WorkOrderStatus;
  if (!(clearMove.from as readonly string[]).includes(from)) throw new MoveRefused(`cannot clear a work order that is ${from.replace('_', ' ')}`);
  const marked = { ...(JSON.parse(w.details ?? '{}') as object), autoResolved: 'condition_cleared' };
  await compareAndSet(l, w.id, [from], { status: clearMove.to, resolvedAt: l.now, details: JSON.stringify(marked) });
  const details = { from, to: clearMove.to, rule: w.rule, clearedAlerts: await clearAlerts(l, answeredAlerts(w)) };
  await l.audit.record({ action: 'work_order.clear', entityType: 'WorkOrder', entityId: w.id, centreId: w.centreId, details }, l.tx);
  return { from, to: clearMove.to, details };
}

/**
 * Keeps a pending work order's forecast and details current (battery wear). Not a move: the status
 * and the work stay as they are, so no audit row (it would add one per evaluation).
 */
export async function refreshWorkOrder(l: Lifecycle, id: string, r: { forecastAt?: string | null; details: Record<string, unknown> }): Promise<void> {
  await l.tx.workOrder.update({ where: { id }, data: { forecastAt: r.forecastAt ? new Date(r.forecastAt) : null, details: JSON.stringify(r.details) } });
}

async function compareAndSet(l: Lifecycle, id: string, from: WorkOrderStatus[], data: Prisma.WorkOrderUncheckedUpdateManyInput) {
  // A concurrent move of the same work order makes this one a conflict.
  const done = await l.tx.workOrder.updateMany({ where: { id, status: { in: from } }, data });
  if (done.count !== 1) throw new MoveRefused('this work order changed meanwhile; reload it');
}

/** What finishing work of a kind records on its chair. */
const chairAfterWork: Partial<Record<WorkOrderKind, (now: Date, odometerM: () => Promise<number | null>) => Promise<Prisma.DeviceUpdateInput>>> = {
  // The odometer at the service, from the latest state, so the next one is due a service interval from here.
  preventive_service: async (now, odometerM) => ({ lastServiceAt: now, lastServiceOdometerM: await odometerM() }),
  // A new battery starts its own life: capacity and cycle rules count from here.
  battery_replacement: async (now) => ({ batteryInstalledAt: now }),
};

async function recordWorkOnChair(l: Lifecycle, deviceId: string, kind: WorkOrderKind, odometerM?: (deviceId: string) => Promise<number | null>): Promise<string[]> {
  const effect = chairAfterWork[kind];
  if (!effect) return [];
  const data = await effect(l.now, async () => (await odometerM?.(deviceId)) ?? null);
  await l.tx.device.update({ where: { id: deviceId }, data });
  return Object.keys(data);
}

function dropUndefined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
