// The worklist: what a therapist has to do next — their open requests by step, the appointments of
// the coming week, and open follow-ups (overdue first). Managers and admins see their whole scope.
import type { Prisma } from '@prisma/client';
import type { Worklist } from '../../../schemas/follow-ups.ts';
import type { RequestState } from '../../../schemas/requests.ts';
import type { Db } from '../../../core/db/client.ts';
import type { Actor } from '../access/actor.ts';
import { namesOf } from '../requests/requests.service.ts';
import { toSummary } from '../requests/requests.view.ts';
import { openStates } from '../requests/state-machine.ts';
import { centreMidnight, localToday } from '../../../schemas/centre-time.ts';
import { followUpWhere, itemInclude, toItem } from './follow-ups.service.ts';
import { requestScope } from '../access/scopes.ts';
import { summaryInclude } from '../requests/request-rows.ts';

const WEEK_MS = 7 * 86_400_000;
const LIMIT = 200;

export async function buildWorklist(db: Db, actor: Actor, now: Date): Promise<Worklist> {
  const mine = actor.role === 'therapist';
  const requestWhere: Prisma.DeviceRequestWhereInput = { AND: [requestScope(actor), mine ? { therapistId: actor.id } : {}] };
  // Appointments are instants: the week runs from midnight WIB today. Follow-ups are due on calendar dates (midnight UTC).
  const today = localToday(now);
  const from = centreMidnight(now);
  const to = new Date(from.getTime() + WEEK_MS);
  const lastDay = new Date(today.getTime() + WEEK_MS);
  const [open, referrals, followUps] = await Promise.all([
    db.deviceRequest.findMany({ where: { AND: [requestWhere, { state: { in: [...openStates] } }] }, include: summaryInclude, orderBy: [{ updatedAt: 'asc' }, { id: 'asc' }], take: LIMIT }),
    db.referral.findMany({
      where: { appointmentAt: { gte: from, lt: to }, request: { AND: [requestWhere, { state: 'referred' }] } },
      include: { beneficiary: { select: { id: true, fullName: true } } },
      orderBy: { appointmentAt: 'asc' },
    }),
    db.followUp.findMany({ where: followUpWhere(actor, { status: 'open', mine: mine ? 'true' : undefined }, now), include: itemInclude, orderBy: [{ dueAt: 'asc' }, { id: 'asc' }], take: LIMIT }),
  ]);
  const names = await namesOf(db, open.map((r) => r.therapistId));
  const byStep = openStates
    .map((state) => ({ state: state as RequestState, items: open.filter((r) => r.state === state).map((r) => toSummary(r, actor, now, names)) }))
    .filter((g) => g.items.length > 0);
  const items = followUps.map((f) => toItem(f, actor, now));
  const appointments: Worklist['appointments'] = [
    ...referrals.map((r) => ({ kind: 'referral' as const, at: r.appointmentAt!.toISOString(), requestId: r.requestId, followUpId: null, beneficiary: r.beneficiary, appointmentType: r.appointmentType })),
    ...followUps
      .filter((f) => f.dueAt >= today && f.dueAt < lastDay)
      .map((f) => ({ kind: 'follow_up' as const, at: f.dueAt.toISOString(), requestId: f.requestId, followUpId: f.id, beneficiary: { id: f.beneficiary.id, fullName: f.beneficiary.fullName }, appointmentType: null })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return { byStep, appointments, followUps: items };
}
