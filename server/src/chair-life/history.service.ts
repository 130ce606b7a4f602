// A chair's history as each reader may see it: the recorded steps (DeviceEvent), the users of
// chairs issued before steps were recorded (synthesised from delivered requests), and its work
// orders. Staff see everything with who acted; a family only their own person's time with the chair.
import type { DeviceEventKind, DeviceEventView, DeviceHistory } from '../../../schemas/chair-life.ts';
import type { Db } from '../../../core/db/client.ts';
import type { Actor } from '../access/actor.ts';
import { jsonObject } from '../alerts/alerts.service.ts';
import { withinTenure } from '../../../core/chair-life/tenure.ts';

/** The newest steps shown; a chair's whole life is far fewer. */
const MAX_STEPS = 500;

interface Step {
  id: string;
  kind: DeviceEventKind;
  at: Date;
  actorId: string | null;
  beneficiaryId: string | null;
  centreId: string | null;
  reason: string | null;
  details: Record<string, unknown> | null;
}

async function stepsOf(db: Db, deviceId: string): Promise<Step[]> {
  const [events, delivered, workOrders] = await Promise.all([
    db.deviceEvent.findMany({ where: { deviceId }, orderBy: [{ at: 'desc' }, { id: 'desc' }], take: MAX_STEPS }),
    db.deviceRequest.findMany({ where: { deviceId, deliveredAt: { not: null } }, select: { id: true, beneficiaryId: true, centreId: true, deliveredAt: true } }),
    db.workOrder.findMany({ where: { deviceId }, select: { id: true, kind: true, status: true, outcome: true, centreId: true, createdAt: true, resolvedAt: true }, orderBy: { createdAt: 'desc' }, take: MAX_STEPS }),
  ]);
  const steps: Step[] = events.map((e) => ({ ...e, kind: e.kind as DeviceEventKind, details: jsonObject(e.details) }));
  // Chairs issued before the history was recorded: their users come from the delivered requests.
  const recorded = new Set(steps.filter((s) => s.kind === 'issued').map((s) => s.details?.requestId));
  for (const r of delivered) {
    if (recorded.has(r.id)) continue;
    steps.push({ id: r.id, kind: 'issued', at: r.deliveredAt!, actorId: null, beneficiaryId: r.beneficiaryId, centreId: r.centreId, reason: null, details: { requestId: r.id, synthesised: true } });
  }
  for (const w of workOrders) {
    steps.push({
      id: w.id, kind: 'work_order', at: w.createdAt, actorId: null, beneficiaryId: null, centreId: w.centreId, reason: null,
      details: { workOrderId: w.id, workOrderKind: w.kind, status: w.status, outcome: w.outcome ?? undefined, resolvedAt: w.resolvedAt?.toISOString() },
    });
  }
  return steps.sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : -1)).slice(0, MAX_STEPS);
}

/**
 * What a family may see: steps recorded for their own person, and work orders opened since their
 * person's current time with the chair began (the actor's tenure; a previous user's work is before it).
 */
function familySteps(steps: Step[], actor: Actor, deviceId: string): Step[] {
  return steps
    .filter((s) => (s.beneficiaryId !== null && actor.beneficiaryIds.includes(s.beneficiaryId)) || (s.kind === 'work_order' && withinTenure(actor.chairs, deviceId, s.at)))
    .map((s) => ({
      ...s,
      actorId: null,
      // A family reads what kind of work was done and where it stands, nothing of the workshop's notes.
      details: s.kind === 'work_order' ? { workOrderKind: s.details?.workOrderKind, status: s.details?.status } : null,
    }));
}

export async function chairHistory(db: Db, actor: Actor, deviceId: string): Promise<DeviceHistory> {
  const all = await stepsOf(db, deviceId);
  const steps = actor.role === 'family' ? familySteps(all, actor, deviceId) : all;
  const actorIds = [...new Set(steps.map((s) => s.actorId).filter((x): x is string => x !== null))];
  const personIds = [...new Set(steps.map((s) => s.beneficiaryId).filter((x): x is string => x !== null))];
  const [people, users] = await Promise.all([
    personIds.length ? db.beneficiary.findMany({ where: { id: { in: personIds } }, select: { id: true, fullName: true } }) : [],
    actorIds.length ? db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } }) : [],
  ]);
  const personName = new Map(people.map((p) => [p.id, p.fullName]));
  const userName = new Map(users.map((u) => [u.id, u.name]));
  const items: DeviceEventView[] = steps.map((s) => ({
    id: s.id,
    kind: s.kind,
    at: s.at.toISOString(),
    actor: s.actorId ? { id: s.actorId, name: userName.get(s.actorId) ?? '' } : null,
    beneficiary: s.beneficiaryId ? { id: s.beneficiaryId, name: personName.get(s.beneficiaryId) ?? '' } : null,
    centreId: s.centreId,
    reason: s.reason,
    details: s.details && Object.keys(s.details).length ? JSON.parse(JSON.stringify(s.details)) : null,
  }));
  return { deviceId, items };
}
