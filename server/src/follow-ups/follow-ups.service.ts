// Follow-ups: scoped queries, the view of one, and completing one (which schedules the next).
import type { Prisma } from '@prisma/client';
import type { CompleteFollowUpBody, FollowUpItem } from '../../../schemas/follow-ups.ts';
import { healthDataView, healthSubjectSelect } from '../access/health-data.ts';
import { ageInYears, requireActiveConsent } from '../beneficiaries/beneficiaries.service.ts';
import type { Db, Tx } from '../../../core/db/client.ts';
import type { Actor } from '../access/actor.ts';
import { conflict, notFound } from '../lib/errors.ts';
import { followUpView } from '../requests/requests.view.ts';
import { checkDateOrder } from '../requests/steps/step-context.ts';
import { day, localToday } from '../../../schemas/centre-time.ts';
import { nextFollowUp } from '../requests/follow-up-schedule.ts';
import { beneficiaryScope, followUpScope } from '../access/scopes.ts';

export const itemInclude = {
  beneficiary: { select: { fullName: true, ...healthSubjectSelect } },
  request: { select: { therapistId: true, deliveredAt: true } },
} satisfies Prisma.FollowUpInclude;
type ItemRow = Prisma.FollowUpGetPayload<{ include: typeof itemInclude }>;

/** Open follow-ups past due, or done ones; `mine` narrows to the therapist's requests. */
export function followUpWhere(a: Actor, q: { status: 'open' | 'overdue' | 'done'; beneficiaryId?: string; requestId?: string; mine?: string }, now: Date): Prisma.FollowUpWhereInput {
  return {
    AND: [
      followUpScope(a),
      q.status === 'done' ? { completedAt: { not: null } } : { completedAt: null },
      q.status === 'overdue' ? { dueAt: { lt: localToday(now) } } : {},
      q.beneficiaryId ? { beneficiaryId: q.beneficiaryId } : {},
      q.requestId ? { requestId: q.requestId } : {},
      q.mine === 'true' ? { request: { therapistId: a.id } } : {},
    ],
  };
}

export function toItem(f: ItemRow, actor: Actor, now: Date): FollowUpItem {
  return {
    // Findings, risk and fit are health data: healthDataView decides.
    ...followUpView(f, healthDataView(actor, f.beneficiary, now).level === 'full'),
    beneficiary: { id: f.beneficiary.id, fullName: f.beneficiary.fullName, ageYears: ageInYears(f.beneficiary.birthDate, now) },
    // Due today is not yet overdue.
    overdue: !f.completedAt && f.dueAt < localToday(now),
  };
}

export async function findVisibleFollowUp(db: Db, actor: Actor, id: string) {
  const f = await db.followUp.findFirst({ where: { AND: [{ id }, followUpScope(actor)] }, include: itemInclude });
  if (!f) throw notFound('follow-up');
  return f;
}

/**
 * Records what the follow-up found and schedules the next one (children, or high risk), in the
 * caller's transaction (the route's, with its audit row).
 */
export async function completeFollowUp(tx: Tx, actor: Actor, f: ItemRow, body: CompleteFollowUpBody, now: Date) {
  if (f.completedAt) throw conflict('this follow-up is already recorded');
  const completedAt = body.completedAt ? day(body.completedAt) : localToday(now);
  checkDateOrder('completedAt', completedAt, f.request?.deliveredAt ?? null, now, 'the delivery');
  const next = nextFollowUp({ completedAt, birthDate: f.beneficiary.birthDate, pressureInjuryRisk: body.pressureInjuryRisk });
  // Findings, pressure-injury risk and fit are health data: they need the health-data consent.
  await requireActiveConsent(tx, f.beneficiaryId, 'health_data', now);
  // Guarded on completedAt still empty, so two people recording at once cannot both succeed.
  const done = await tx.followUp.updateMany({
    where: { id: f.id, completedAt: null },
    data: { completedAt, completedById: actor.id, findings: body.findings, pressureInjuryRisk: body.pressureInjuryRisk, fitOk: body.fitOk },
  });
  if (done.count !== 1) throw conflict('this follow-up is already recorded');
  const created = next
    ? await tx.followUp.create({ data: { beneficiaryId: f.beneficiaryId, requestId: f.requestId, kind: next.kind, dueAt: next.dueAt, createdAt: now }, include: itemInclude })
    : null;
  const updated = await tx.followUp.findUniqueOrThrow({ where: { id: f.id }, include: itemInclude });
  return { updated, created };
}
