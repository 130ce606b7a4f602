// Alerts: scoped queries and the view staff get (families have no alert list: the rules nudge them
// through their chair's state and their work orders instead).
import type { Prisma } from '@prisma/client';
import type { Alert, AlertSeverity } from '../../../schemas/work-orders.ts';
import type { Db } from '../../../core/db/client.ts';
import type { Actor } from '../access/actor.ts';
import { notFound } from '../lib/errors.ts';
import { alertKindScope, alertScope } from '../access/scopes.ts';

export const severityOrder = ['critical', 'warning', 'info'] as const satisfies readonly AlertSeverity[];

export const alertInclude = { device: { select: { serial: true } } } satisfies Prisma.AlertInclude;
export type AlertRow = Prisma.AlertGetPayload<{ include: typeof alertInclude }>;

/** A JSON column written by the rules engine, as an object; anything else reads as null. */
export function jsonObject(text: string | null): Record<string, unknown> | null {
  if (!text) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null; // a malformed column is shown as "no details", never as a failed page
  }
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** The names of the people who acknowledged these alerts, in one query. */
export async function acknowledgers(db: Db, rows: readonly AlertRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((r) => r.acknowledgedById).filter((x): x is string => !!x))];
  if (ids.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

export function toAlert(a: AlertRow, names: ReadonlyMap<string, string>): Alert {
  return {
    id: a.id,
    centreId: a.centreId,
    deviceId: a.deviceId,
    deviceSerial: a.device?.serial ?? null,
    workOrderId: a.workOrderId,
    kind: a.kind,
    severity: a.severity as AlertSeverity,
    details: jsonObject(a.details),
    createdAt: a.createdAt.toISOString(),
    clearedAt: a.clearedAt?.toISOString() ?? null,
    acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: a.acknowledgedById ? { id: a.acknowledgedById, name: names.get(a.acknowledgedById) ?? '' } : null,
  };
}

export async function findVisibleAlert(db: Db, actor: Actor, id: string): Promise<AlertRow> {
  const a = await db.alert.findFirst({ where: { AND: [{ id }, alertScope(actor)] }, include: alertInclude });
  if (!a) throw notFound('alert');
  return a;
}
