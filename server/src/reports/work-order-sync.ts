// Keeps a family's report in step with the work order made of it, inside the work order's own
// transaction: a booked visit, the start and the end of the work, or a cancellation (the report is
// then closed with the reason, since the centre decided there is nothing more to do on it), each
// with an event in the family's words and a notification. Also tells a person of their assignment.
import type { Prisma } from '@prisma/client';
import type { Locale } from '../../../schemas/common.ts';
import type { ReportStatus } from '../../../schemas/reports.ts';
import type { VisitLocation, WorkOrderAction, WorkOrderStatus } from '../../../schemas/work-orders.ts';
import type { Actor } from '../access/actor.ts';
import { CENTRE_TIME_ZONE } from '../../../schemas/centre-time.ts';
import { familyOf, notify } from '../../../core/notifications/notify.ts';

type Tx = Prisma.TransactionClient;

export interface WorkOrderMove {
  workOrder: { id: string; reportId: string | null; kind: string };
  action: WorkOrderAction;
  to: WorkOrderStatus;
  actor: Actor;
  now: Date;
}

const reportStatusFor: Partial<Record<WorkOrderStatus, ReportStatus>> = {
  scheduled: 'scheduled',
  in_progress: 'in_progress',
  resolved: 'resolved',
  cancelled: 'closed',
};

const places: Record<Locale, Record<VisitLocation, string>> = {
  id: { centre: 'di balai', home: 'di rumah' },
  en: { centre: 'at the centre', home: 'at home' },
};

/** The visit in plain words, in Western Indonesian Time where the centres are. */
export function visitNote(at: Date, location: VisitLocation, locale: Locale): string {
  const when = new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
    timeZone: CENTRE_TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit',
  }).format(at);
  return locale === 'id' ? `Kunjungan: ${when} WIB, ${places.id[location]}` : `Visit: ${when} WIB, ${places.en[location]}`;
}

export async function syncWorkOrderMove(tx: Tx, m: WorkOrderMove): Promise<void> {
  const { workOrder: w, action, actor, now } = m;
  if (action.action === 'assign' && action.assigneeId !== actor.id) {
    await notify(tx, {
      userIds: [action.assigneeId], kind: 'work_order_assigned', params: { workOrderId: w.id, kind: w.kind }, link: `/work-orders/${w.id}`, now,
    });
  }
  const status = reportStatusFor[m.to];
  if (!w.reportId || !status || action.action === 'assign' || action.action === 'parts') return;
  const report = await tx.issueReport.findUnique({ where: { id: w.reportId }, select: { id: true, beneficiaryId: true, beneficiary: { select: { fullName: true } } } });
  if (!report) return;
  const families = await tx.user.findMany({
    where: { familyLinks: { some: { beneficiaryId: report.beneficiaryId } }, disabled: false },
    select: { id: true, locale: true },
    orderBy: { createdAt: 'asc' },
  });
  // One note for the family, in the language of the first linked account (Bahasa Indonesia by default).
  const locale: Locale = families[0]?.locale === 'en' ? 'en' : 'id';
  const note =
    action.action === 'schedule' ? visitNote(new Date(action.scheduledAt), action.location, locale) : action.action === 'cancel' ? action.reason : null;
  await tx.issueReport.update({ where: { id: report.id }, data: { status, updatedAt: now } });
  await tx.reportEvent.create({ data: { reportId: report.id, status, note, byUserId: actor.id, at: now } });
  const params: Record<string, string> = { reportId: report.id, status, beneficiary: report.beneficiary.fullName };
  if (action.action === 'schedule') Object.assign(params, { visitAt: new Date(action.scheduledAt).toISOString(), location: action.location });
  await notify(tx, { userIds: (await familyOf(tx, report.beneficiaryId)).filter((u) => u !== actor.id), kind: 'report_status', params, link: `/reports/${report.id}`, now });
}
