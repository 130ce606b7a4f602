// The alert half of the maintenance service: raising (or reopening) an alert, clearing alerts,
// handing a red flag over at triage, and writing a past episode into a chair's history.
import type { Prisma } from '@prisma/client';
import type { AlertSeverity } from '../../schemas/work-orders.ts';
import type { Lifecycle } from './lifecycle.ts';

/** Alert writes need the transaction and the time only: they carry no audit row (see raiseAlert). */
type AlertWork = Pick<Lifecycle, 'tx' | 'now'>;

/** The alerts a work order answers: linked to it, or the same chair's alerts of the rule that made it. */
export function answeredAlerts(w: { id: string; deviceId: string | null; rule: string | null }): Prisma.AlertWhereInput {
  return { OR: [{ workOrderId: w.id }, ...(w.deviceId && w.rule ? [{ deviceId: w.deviceId, kind: w.rule }] : [])] };
}

export interface RaiseAlert {
  centreId: string;
  deviceId: string | null;
  beneficiaryId: string | null;
  /** A maintenance rule key, or e.g. red_flag. */
  kind: string;
  severity: AlertSeverity;
  details: Record<string, unknown>;
  workOrderId?: string | null;
  /** An earlier alert of the same episode: it reopens (keeping its work order) instead of a new one. */
  reopen?: { id: string; workOrderId: string | null } | null;
}

/**
 * Raises an alert, or reopens the one given. Alerts carry no audit row of their own: they are the
 * system's observations; the work they lead to, and people acknowledging them, are audited.
 */
export async function raiseAlert(l: AlertWork, a: RaiseAlert): Promise<string> {
  const details = JSON.stringify(a.details);
  if (a.reopen) {
    await l.tx.alert.update({ where: { id: a.reopen.id }, data: { clearedAt: null, details, workOrderId: a.reopen.workOrderId ?? a.workOrderId ?? null } });
    return a.reopen.id;
  }
  const created = await l.tx.alert.create({
    data: {
      centreId: a.centreId, deviceId: a.deviceId, beneficiaryId: a.beneficiaryId, workOrderId: a.workOrderId ?? null,
      kind: a.kind, severity: a.severity, details, createdAt: l.now,
    },
    select: { id: true },
  });
  return created.id;
}

/** The alert of a chair and kind that cleared within `withinMs`: the same episode when it returns. */
export function recentlyCleared(l: AlertWork, deviceId: string, kind: string, withinMs: number) {
  return l.tx.alert.findFirst({
    where: { deviceId, kind, clearedAt: { gte: new Date(l.now.getTime() - withinMs) } },
    orderBy: { clearedAt: 'desc' },
    select: { id: true, workOrderId: true },
  });
}

/** Clears the open alerts among `where`; returns how many. */
export async function clearAlerts(l: AlertWork, where: Prisma.AlertWhereInput): Promise<number> {
  const done = await l.tx.alert.updateMany({ where: { AND: [where, { clearedAt: null }] }, data: { clearedAt: l.now } });
  return done.count;
}

/**
 * Somebody has seen these alerts (a triaged red flag). A work order made of them answers them
 * until it is resolved; without one, another path took over and they clear now.
 */
export async function handOverAlerts(l: AlertWork, where: Prisma.AlertWhereInput, by: { userId: string; workOrderId?: string }): Promise<number> {
  const seen = { acknowledgedAt: l.now, acknowledgedById: by.userId };
  const done = await l.tx.alert.updateMany({
    where: { AND: [where, { clearedAt: null }] },
    data: by.workOrderId ? { ...seen, workOrderId: by.workOrderId } : { ...seen, clearedAt: l.now },
  });
  return done.count;
}

export interface PastAlert extends Omit<RaiseAlert, 'reopen' | 'workOrderId'> {
  from: Date;
  to: Date;
  /** The history record written before, corrected in place when more of a backlog extends the episode. */
  recordId?: string;
}

/** Writes (or corrects) an already-cleared alert for something that happened while nobody could be told. */
export async function recordPastAlert(l: AlertWork, p: PastAlert): Promise<string> {
  const data = { details: JSON.stringify(p.details), createdAt: p.from, clearedAt: p.to };
  if (p.recordId) {
    await l.tx.alert.update({ where: { id: p.recordId }, data });
    return p.recordId;
  }
  const created = await l.tx.alert.create({
    data: { ...data, centreId: p.centreId, deviceId: p.deviceId, beneficiaryId: p.beneficiaryId, kind: p.kind, severity: p.severity },
    select: { id: true },
  });
  return created.id;
}
