// Device requests: scoped queries, the rows a detail needs, the names of the staff involved, and
// the detail as each actor sees it.
import type { Prisma } from '@prisma/client';
import type { Db } from '../../../core/db/client.ts';
import type { Actor } from '../access/actor.ts';
import { canSeeClinical } from '../access/policy.ts';
import { notFound } from '../lib/errors.ts';
import { invalidAt } from './steps/step-context.ts';
import { toDetail } from './requests.view.ts';
import { requestScope } from '../access/scopes.ts';
import { type DetailRow, detailInclude, type Names } from './request-rows.ts';

/** The request if the actor may see it; 404 otherwise (whether missing or not theirs). */
export async function findVisibleRequest(db: Db, actor: Actor, id: string): Promise<DetailRow> {
  const r = await db.deviceRequest.findFirst({ where: { AND: [{ id }, requestScope(actor)] }, include: detailInclude });
  if (!r) throw notFound('request');
  return r;
}

/** Names of the users behind these ids (step records keep ids only), in one query. */
export async function namesOf(db: Db, ids: (string | null | undefined)[]): Promise<Names> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (wanted.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

/** Every user id a detail mentions, for namesOf. */
export function peopleIn(r: DetailRow): (string | null)[] {
  return [
    r.therapistId,
    ...r.assessments.map((a) => a.assessedById),
    r.prescription?.prescribedById ?? null,
    ...r.funding.map((f) => f.decidedById),
    ...r.fittings.map((f) => f.fittedById),
    ...r.trainings.map((t) => t.trainedById),
  ];
}

/** The request as this actor may see it, with the stock chairs that fit while it is being ordered. */
export async function detail(db: Db, actor: Actor, id: string, now: Date) {
  const r = await findVisibleRequest(db, actor, id);
  const view = toDetail(r, actor, now, await namesOf(db, peopleIn(r)));
  const p = r.prescription;
  if (r.state === 'ordered' && p && canSeeClinical(actor)) {
    const stock = await db.device.findMany({
      where: { centreId: r.centreId, status: 'in_stock', modelId: p.modelId, seatWidthMm: p.seatWidthMm, seatDepthMm: p.seatDepthMm },
      select: { id: true, serial: true },
      orderBy: { serial: 'asc' },
    });
    return { ...view, stockDevices: stock };
  }
  return view;
}

/** The therapist in charge: the referring therapist, or a therapist of the beneficiary's centre named in the body. */
export async function therapistFor(db: Db, actor: Actor, centreId: string, requested: string | undefined) {
  if (!requested) return actor.role === 'therapist' ? actor.id : null;
  const t = await db.user.findFirst({ where: { id: requested, role: 'therapist', centreId, disabled: false } });
  if (!t) throw invalidAt(['therapistId'], 'not_a_therapist_here', 'no active therapist with this id at the beneficiary\'s centre');
  return t.id;
}
