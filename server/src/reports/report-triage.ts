// Triage of a new report by centre staff: into a repair work order for the chair, a clinical
// follow-up, or closed with a reason. A compare-and-set on status 'new' makes a second triage a 409;
// the family is told and the triage audited in the same transaction. The work order is opened and a
// red flag's alert handed over through the maintenance service.
import type { Prisma } from '@prisma/client';
import type { ReportCategory, ReportStatus, TriageBody } from '../../../schemas/reports.ts';
import type { FaultCategory } from '../../../schemas/work-orders.ts';
import type { Db } from '../../../core/db/client.ts';
import { type AuditWriter, handOverAlerts, openWorkOrder } from '../../../core/maintenance/maintenance.service.ts';
import type { Actor } from '../access/actor.ts';
import { conflict, forbidden, invalid } from '../lib/errors.ts';
import { familyOf, notify } from '../../../core/notifications/notify.ts';
import type { DetailRow } from './reports.service.ts';
import { sayCode } from '../../../core/i18n/say.ts';

const DAY = 86_400_000;

/** Chair problems that map onto a fault category of the workshop. */
const faultCategory: Partial<Record<ReportCategory, FaultCategory>> = { brakes: 'brake', wont_charge: 'charger' };

/**
 * The work order's description. Technicians see no clinical detail, so a red flag (e.g. a skin sore
 * to be relieved by the cushion) reaches them without the sign or the family's words.
 */
export function workOrderDescription(r: { category: string; description: string | null; redFlag: boolean }): string {
  if (r.redFlag) return 'Laporan keluarga: periksa kursi dan dudukan atas permintaan terapis (tanda klinis ada di laporan)';
  // The centre reads Bahasa Indonesia first.
  const head = `Laporan keluarga: ${sayCode('id', 'reportCategory', r.category) ?? r.category}`;
  return r.description ? `${head}\n${r.description}` : head;
}

/** Alerts raised by this report's red flag. */
export const redFlagAlerts = (reportId: string): Prisma.AlertWhereInput => ({ kind: 'red_flag', details: { contains: `"reportId":"${reportId}"` } });

export async function triageReport(
  db: Db,
  actor: Actor,
  r: DetailRow,
  body: TriageBody,
  now: Date,
  audit: AuditWriter,
): Promise<{ to: ReportStatus; workOrderId?: string; followUpId?: string }> {
  if (body.outcome === 'follow_up' && actor.role === 'technician') throw forbidden('a clinical follow-up is for therapists and managers');
  if (r.status !== 'new') throw conflict(`this report is already triaged (${r.status.replace('_', ' ')})`);
  if (body.outcome === 'follow_up') {
    const due = new Date(body.dueAt).getTime();
    if (due < now.getTime() - DAY || due > now.getTime() + 366 * DAY) {
      throw invalid('set the follow-up between yesterday and a year from now', [{ path: ['dueAt'], message: 'out of range', code: 'custom' }]);
    }
  }
  const to: ReportStatus = body.outcome === 'work_order' ? 'work_order' : body.outcome === 'follow_up' ? 'follow_up' : 'closed';
  const centreId = r.beneficiary.centreId;

  return db.$transaction(async (tx) => {
    const l = { tx, audit, now };
    let workOrderId: string | undefined;
    let followUpId: string | undefined;
    if (body.outcome === 'work_order') {
      const w = await openWorkOrder(l, {
        centreId, deviceId: r.deviceId, reportId: r.id, kind: 'repair', category: faultCategory[r.category as ReportCategory] ?? null,
        priority: body.priority ?? (r.redFlag ? 'urgent' : 'normal'), description: workOrderDescription(r),
      });
      workOrderId = w.id;
    } else if (body.outcome === 'follow_up') {
      // Tied to the request of the chair in use, when there is one, so the follow-up sits in its pathway.
      const request = await tx.deviceRequest.findFirst({
        where: { beneficiaryId: r.beneficiaryId, state: 'in_use', ...(r.deviceId ? { deviceId: r.deviceId } : {}) },
        select: { id: true },
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      });
      const f = await tx.followUp.create({
        data: { beneficiaryId: r.beneficiaryId, requestId: request?.id ?? null, kind: 'report', dueAt: new Date(body.dueAt), createdAt: now },
        select: { id: true },
      });
      followUpId = f.id;
    }
    // Compare-and-set: of two people triaging at once, one wins and the other gets 409.
    const done = await tx.issueReport.updateMany({ where: { id: r.id, status: 'new' }, data: { status: to, updatedAt: now, ...(followUpId ? { followUpId } : {}) } });
    if (done.count !== 1) throw conflict('this report changed meanwhile; reload it');
    await tx.reportEvent.create({ data: { reportId: r.id, status: to, note: body.note ?? null, byUserId: actor.id, at: now } });

    // Somebody has seen the red flag. A work order answers it until resolved; otherwise the clinical path took over.
    await handOverAlerts(l, redFlagAlerts(r.id), { userId: actor.id, workOrderId });

    await notify(tx, {
      userIds: (await familyOf(tx, r.beneficiaryId)).filter((u) => u !== actor.id),
      kind: 'report_status',
      params: { reportId: r.id, status: to, beneficiary: r.beneficiary.fullName },
      link: `/reports/${r.id}`,
      now,
    });
    await audit.record(
      { action: 'report.triage', entityType: 'IssueReport', entityId: r.id, centreId, details: { outcome: body.outcome, to, workOrderId, followUpId } },
      tx,
    );
    return { to, workOrderId, followUpId };
  });
}
