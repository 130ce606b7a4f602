// What each reader gets of a report: families see the centre's words but not who wrote them, nor the
// work order or follow-up behind it; staff see everything else and how to reach the family. Red flags carry
// the family's advice (families) or staff guidance (clinical staff), and reach technicians without their sign.
import type { ReportCategory, ReportComment, ReportDetail, ReportStatus, ReportSummary } from '../../../schemas/reports.ts';
import type { VisitLocation } from '../../../schemas/work-orders.ts';
import type { Db } from '../../../core/db/client.ts';
import type { Actor } from '../access/actor.ts';
import type { Relationship } from '../../../schemas/users.ts';
import { canSeeClinical } from '../access/policy.ts';
import { adviceFor, staffGuidanceFor } from './advice.ts';
import type { DetailRow, SummaryRow } from './reports.service.ts';

export const photoUrl = (reportId: string, photoId: string) => `/api/reports/${reportId}/photos/${photoId}`;

/** A red flag as a technician meets it: urgent, clinical, without the sign or the family's words. */
const withheldFrom = (r: { redFlag: boolean }, actor: Actor) => r.redFlag && !canSeeClinical(actor) && actor.role !== 'family';

export function toSummary(r: SummaryRow, actor: Actor): ReportSummary {
  const w = r.workOrders[0];
  const withheld = withheldFrom(r, actor);
  return {
    id: r.id,
    beneficiary: { id: r.beneficiary.id, fullName: r.beneficiary.fullName },
    centreId: r.beneficiary.centreId,
    deviceId: r.deviceId,
    category: withheld ? null : (r.category as ReportCategory),
    redFlag: r.redFlag,
    status: r.status as ReportStatus,
    description: withheld ? null : r.description,
    photoCount: withheld ? 0 : r._count.photos,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    visit: w?.scheduledAt && w.location && w.status !== 'cancelled' ? { at: w.scheduledAt.toISOString(), location: w.location as VisitLocation } : null,
  };
}

interface Author {
  name: string;
  role: string;
}

/**
 * A comment as this reader may see it: a family learns that the centre answered (the role), not which
 * staff member did (the name is empty); a family author's name is no secret within the thread.
 */
export function toComment(c: { id: string; authorId: string | null; body: string; createdAt: Date }, authors: ReadonlyMap<string, Author>, actor: Actor): ReportComment {
  const a = c.authorId ? authors.get(c.authorId) : undefined;
  const role = a?.role === 'family' ? 'family' : 'staff';
  const named = role === 'family' || actor.role !== 'family';
  return {
    id: c.id,
    body: c.body,
    author: { name: named ? (a?.name ?? '') : '', role },
    mine: c.authorId === actor.id,
    createdAt: c.createdAt.toISOString(),
  };
}

/** The names and roles of everyone who wrote or moved something in the report, in one query. */
async function people(db: Db, r: DetailRow): Promise<Map<string, Author>> {
  const ids = [...new Set([...r.events.map((e) => e.byUserId), ...r.comments.map((c) => c.authorId)].filter((x): x is string => !!x))];
  if (ids.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, role: true } });
  return new Map(users.map((u) => [u.id, { name: u.name, role: u.role }]));
}

export async function toDetail(db: Db, r: DetailRow, actor: Actor): Promise<ReportDetail> {
  const family = actor.role === 'family';
  const authors = await people(db, r);
  const category = r.category as ReportCategory;
  const detail: ReportDetail = {
    ...toSummary(r, actor),
    reportedBy: r.reportedBy ? { id: r.reportedBy.id, name: r.reportedBy.name } : null,
    photos: r.photos.map((p) => ({ id: p.id, url: photoUrl(r.id, p.id), width: p.width, height: p.height, bytes: p.bytes, createdAt: p.createdAt.toISOString() })),
    events: r.events.map((e) => {
      const event = { status: e.status as ReportStatus, at: e.at.toISOString(), note: e.note };
      if (family) return event;
      const by = e.byUserId ? authors.get(e.byUserId) : undefined;
      return { ...event, by: e.byUserId && by ? { id: e.byUserId, name: by.name } : null };
    }),
    comments: r.comments.map((c) => toComment(c, authors, actor)),
    // The family's advice is for the family; staff get their own guidance and the family's phone.
    advice: r.redFlag && family ? adviceFor(category, actor.locale) : null,
  };
  if (!family) {
    detail.workOrderId = r.workOrders[0]?.id ?? null;
    detail.followUpId = r.followUpId;
    detail.contact = {
      phone: r.beneficiary.phone,
      family: r.beneficiary.familyLinks.map((l) => ({ name: l.user.name, relationship: l.relationship as Relationship, phone: l.user.phone })),
    };
  }
  if (canSeeClinical(actor)) detail.staffGuidance = r.redFlag ? staffGuidanceFor(category, actor.locale) : null;
  return detail;
}
