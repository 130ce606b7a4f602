// Work orders: scoped queries, the queue's order (priority, then oldest first) and the view each
// role gets. Families see the work on their own chairs and reports: kind, status and the visit.
import type { Prisma } from '@prisma/client';
import {
  type FaultCategory,
  type Part,
  priorityOrder,
  type VisitLocation,
  type WorkOrder,
  type WorkOrderKind,
  type WorkOrderListQuery,
  type WorkOrderPriority,
  type WorkOrderStatus,
  activeStatuses,
} from '../../../schemas/work-orders.ts';
import type { z } from 'zod';
import { jsonObject } from '../alerts/alerts.service.ts';
import { readChecklist } from '../chair-life/refurbishment.ts';
import type { RefurbOutcome } from '../../../schemas/chair-life.ts';
import type { Db } from '../../../core/db/client.ts';
import type { Actor } from '../access/actor.ts';
import { notFound } from '../lib/errors.ts';
import { rankedPage } from '../lib/ranked-page.ts';
import { workOrderScope } from '../access/scopes.ts';

export const workOrderInclude = {
  device: { select: { serial: true, beneficiary: { select: { fullName: true } } } },
  assignee: { select: { id: true, name: true } },
} satisfies Prisma.WorkOrderInclude;
export type WorkOrderRow = Prisma.WorkOrderGetPayload<{ include: typeof workOrderInclude }>;

/** Parts are stored as JSON; a plain-text entry (e.g. written by hand in the database) reads as one part. */
export function readParts(text: string | null): Part[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    if (Array.isArray(value)) return value as Part[];
  } catch {
    // not JSON: fall through to the plain-text reading
  }
  return [{ name: text, quantity: 1 }];
}

export function toWorkOrder(w: WorkOrderRow, actor: Actor): WorkOrder {
  const base: WorkOrder = {
    id: w.id,
    centreId: w.centreId,
    deviceId: w.deviceId,
    deviceSerial: w.device?.serial ?? null,
    reportId: w.reportId,
    kind: w.kind as WorkOrderKind,
    status: w.status as WorkOrderStatus,
    scheduledAt: w.scheduledAt?.toISOString() ?? null,
    location: (w.location as VisitLocation | null) ?? null,
    createdAt: w.createdAt.toISOString(),
    updatedAt: w.updatedAt.toISOString(),
    resolvedAt: w.resolvedAt?.toISOString() ?? null,
  };
  if (actor.role === 'family') return base;
  return {
    ...base,
    beneficiaryName: w.device?.beneficiary?.fullName ?? null,
    rule: w.rule,
    category: (w.category as z.infer<typeof FaultCategory> | null) ?? null,
    priority: w.priority as WorkOrderPriority,
    assignee: w.assignee ? { id: w.assignee.id, name: w.assignee.name } : null,
    description: w.description,
    parts: readParts(w.partsUsed),
    resolutionNotes: w.resolutionNotes,
    forecastAt: w.forecastAt?.toISOString() ?? null,
    details: jsonObject(w.details),
    ...(w.kind === 'refurbishment' ? { checklist: readChecklist(w.checklist), outcome: (w.outcome as RefurbOutcome | null) ?? null } : {}),
  };
}

export async function findVisibleWorkOrder(db: Db, actor: Actor, id: string): Promise<WorkOrderRow> {
  const w = await db.workOrder.findFirst({ where: { AND: [{ id }, workOrderScope(actor)] }, include: workOrderInclude });
  if (!w) throw notFound('work order');
  return w;
}

/** The queue: filtered, most urgent first and, within a priority, oldest first. */
export async function listWorkOrders(db: Db, actor: Actor, q: WorkOrderListQuery) {
  const status: Prisma.WorkOrderWhereInput =
    q.status === 'all' ? {} : q.status === 'active' ? { status: { in: [...activeStatuses] } } : { status: q.status };
  const assignee: Prisma.WorkOrderWhereInput =
    q.assignee === undefined ? {} : q.assignee === 'me' ? { assigneeId: actor.id } : q.assignee === 'none' ? { assigneeId: null } : { assigneeId: q.assignee };
  const where: Prisma.WorkOrderWhereInput = {
    AND: [
      workOrderScope(actor),
      status,
      assignee,
      q.kind ? { kind: q.kind } : {},
      q.priority ? { priority: q.priority } : {},
      q.deviceId ? { deviceId: q.deviceId } : {},
      q.centreId ? { centreId: q.centreId } : {},
    ],
  };
  const groups = await db.workOrder.groupBy({ by: ['priority'], where, _count: { _all: true } });
  return rankedPage(
    priorityOrder,
    new Map(groups.map((g) => [g.priority, g._count._all])),
    (priority, skip, take) =>
      db.workOrder.findMany({ where: { AND: [where, { priority }] }, include: workOrderInclude, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], skip, take }),
    q.offset,
    q.limit,
  );
}
