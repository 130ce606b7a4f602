// Family issue reports: who sees which (families their own, staff their centre, technicians no red
// flags, admins all), the rows a view needs, and the scoped list, most recent first.
import type { Prisma } from '@prisma/client';
import { openReportStatuses, type ReportListQuery } from '../../../schemas/reports.ts';
import type { z } from 'zod';
import type { Db } from '../../../core/db/client.ts';
import type { Actor } from '../access/actor.ts';
import { notFound } from '../lib/errors.ts';
import { reportListScope, reportScope } from '../access/scopes.ts';

export const summaryInclude = {
  beneficiary: { select: { id: true, fullName: true, centreId: true } },
  _count: { select: { photos: true } },
  // The latest work order made of the report: its visit is what the family sees.
  workOrders: {
    select: { id: true, status: true, scheduledAt: true, location: true, assigneeId: true },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 1,
  },
} satisfies Prisma.IssueReportInclude;
export type SummaryRow = Prisma.IssueReportGetPayload<{ include: typeof summaryInclude }>;

export const detailInclude = {
  ...summaryInclude,
  beneficiary: {
    select: {
      id: true, fullName: true, centreId: true, phone: true,
      familyLinks: {
        where: { user: { disabled: false } },
        select: { relationship: true, user: { select: { name: true, phone: true } } },
        orderBy: [{ createdAt: 'asc' }, { userId: 'asc' }],
      },
    },
  },
  reportedBy: { select: { id: true, name: true } },
  photos: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
  events: { orderBy: [{ at: 'asc' }, { id: 'asc' }] },
  comments: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
} satisfies Prisma.IssueReportInclude;
export type DetailRow = Prisma.IssueReportGetPayload<{ include: typeof detailInclude }>;

export async function findVisibleReport(db: Db, actor: Actor, id: string): Promise<DetailRow> {
  const r = await db.issueReport.findFirst({ where: { AND: [{ id }, reportScope(actor)] }, include: detailInclude });
  if (!r) throw notFound('report');
  return r;
}

export async function listReports(db: Db, actor: Actor, q: z.infer<typeof ReportListQuery>) {
  const where: Prisma.IssueReportWhereInput = {
    AND: [
      reportListScope(actor),
      q.beneficiaryId ? { beneficiaryId: q.beneficiaryId } : {},
      q.status ? { status: q.status } : {},
      q.open === 'true' ? { status: { in: [...openReportStatuses] } } : q.open === 'false' ? { status: { notIn: [...openReportStatuses] } } : {},
      q.redFlag ? { redFlag: q.redFlag === 'true' } : {},
    ],
  };
  const [items, total] = await Promise.all([
    db.issueReport.findMany({ where, include: summaryInclude, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: q.limit, skip: q.offset }),
    db.issueReport.count({ where }),
  ]);
  return { items, total };
}
