// Finding a person's identifying strings (name, phone, address) inside free text that is not
// theirs alone — a work order written by a technician, a notification, a webhook message — and
// replacing them. Used by anonymisation and erasure on the records related to that person.
import type { Prisma } from '@prisma/client';

export interface Identifiers {
  fullName: string;
  phone: string | null;
  address: string;
}

/** The person's identifiers, whatever their length, for whole-value matches in JSON. */
export function identifierValues(id: Identifiers): string[] {
  return [id.fullName, id.phone, id.address].filter((s): s is string => !!s && s.trim().length > 0);
}

/** Fixed strings (at least 4 characters, so a short fragment never eats unrelated words). */
export function identifyingStrings(id: Identifiers): string[] {
  return [id.fullName, id.phone, id.address].filter((s): s is string => !!s && s.trim().length >= 4).map((s) => s.trim());
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every occurrence, in any letter case, replaced. */
export function scrubText(text: string, needles: readonly string[], replacement: string): string {
  let out = text;
  for (const n of needles) out = out.replace(new RegExp(escapeRegExp(n), 'gi'), replacement);
  return out;
}

export function scrubNullable(text: string | null, needles: readonly string[], replacement: string): string | null {
  return text === null ? null : scrubText(text, needles, replacement);
}

/**
 * A JSON text whose strings are scrubbed one by one (so the JSON stays valid). A string that is
 * exactly one of `exact` (a name, however short: "Ani") is replaced whole, as no fragment search may.
 */
export function scrubJson(json: string, needles: readonly string[], replacement: string, exact: readonly string[] = []): string {
  const whole = new Set(exact.map((s) => s.trim().toLowerCase()).filter(Boolean));
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return scrubText(json, needles, replacement);
  }
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return whole.has(v.trim().toLowerCase()) ? replacement : scrubText(v, needles, replacement);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return JSON.stringify(walk(value));
}

type Tx = Prisma.TransactionClient;

/**
 * Scrubs the free text of work orders, alerts, notifications and webhook messages related to the
 * person. Returns how many rows changed.
 */
export async function scrubRelated(
  tx: Tx,
  ids: { workOrderIds: string[]; alertIds: string[]; notificationIds: string[] },
  needles: readonly string[],
  replacement: string,
  /** Values replaced when a JSON string is exactly one of them (the person's name, phone, address). */
  exact: readonly string[] = [],
): Promise<number> {
  if (needles.length === 0 && exact.length === 0) return 0;
  let changed = 0;
  const workOrders = await tx.workOrder.findMany({
    where: { id: { in: ids.workOrderIds } },
    select: { id: true, description: true, resolutionNotes: true, partsUsed: true, details: true },
  });
  for (const w of workOrders) {
    const next = {
      description: scrubNullable(w.description, needles, replacement),
      resolutionNotes: scrubNullable(w.resolutionNotes, needles, replacement),
      partsUsed: scrubNullable(w.partsUsed, needles, replacement),
      details: w.details === null ? null : scrubJson(w.details, needles, replacement, exact),
    };
    if (next.description !== w.description || next.resolutionNotes !== w.resolutionNotes || next.partsUsed !== w.partsUsed || next.details !== w.details) {
      await tx.workOrder.update({ where: { id: w.id }, data: next });
      changed += 1;
    }
  }
  const alerts = await tx.alert.findMany({ where: { id: { in: ids.alertIds }, details: { not: null } }, select: { id: true, details: true } });
  for (const a of alerts) {
    const details = scrubJson(a.details!, needles, replacement, exact);
    if (details !== a.details) {
      await tx.alert.update({ where: { id: a.id }, data: { details } });
      changed += 1;
    }
  }
  const notifications = await tx.notification.findMany({ where: { id: { in: ids.notificationIds } }, select: { id: true, params: true } });
  for (const n of notifications) {
    const params = scrubJson(n.params, needles, replacement, exact);
    if (params !== n.params) {
      await tx.notification.update({ where: { id: n.id }, data: { params } });
      changed += 1;
    }
  }
  const deliveries = await tx.webhookDelivery.findMany({ where: { notificationId: { in: ids.notificationIds } }, select: { id: true, payload: true } });
  for (const d of deliveries) {
    const payload = scrubJson(d.payload, needles, replacement, exact);
    if (payload !== d.payload) {
      await tx.webhookDelivery.update({ where: { id: d.id }, data: { payload } });
      changed += 1;
    }
  }
  return changed;
}
