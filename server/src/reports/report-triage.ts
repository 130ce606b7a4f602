// Triage of a new report by centre staff: into a repair work order for the chair, a clinical
// follow-up, or closed with a reason. A compare-and-set on status 'new' makes a second triage a 409;
// the family is told in the same transaction. A red flag's alert is settled by the triage.
import type { Prisma } from '@prisma/client';
import type { ReportCategory, ReportStatus, TriageBody } from '../../../schemas/reports.ts';
import type { Db } from '../../../core/db/client.ts';
import type { Actor } from '../access/actor.ts';
import { conflict, forbidden, invalid } from '../lib/errors.ts';
import { familyOf, notify } from '../../../core/notifications/notify.ts';
import type { DetailRow } from './reports.service.ts';

const DAY = 86_400_000;

/** Chair problems that map onto a fault category of the workshop. */
const faultCategory: Partial<Record<ReportCategory, string>> = { brakes: 'brake', wont_charge: 'charger' };

/** How the work order names the family's problem: the centre reads Bahasa Indonesia first. */
const categoryWords: Record<ReportCategory, string> = {
  wont_move: 'Kursi tidak mau jalan',
  battery_drains: 'Baterai cepat habis',
  wont_charge: 'Tidak bisa diisi daya',
  brakes: 'Rem bermasalah',
  seat_fit: 'Dudukan/bantalan/ukuran tidak pas',
  flat_tyre: 'Ban kempis atau bocor',
  wheel_castor: 'Roda atau roda depan (kastor) bermasalah',
  footrest: 'Sandaran kaki bermasalah',
  other: 'Masalah lain (lihat keterangan keluarga)',
  pain_skin: 'Nyeri atau luka kulit',
  headache: 'Sakit kepala',
  vomiting: 'Muntah',
  sleepiness: 'Mengantuk tidak biasa',
};

/**
 * The work order's description. Technicians see no clinical detail, so a red flag (e.g. a skin sore
 * to be relieved by the cushion) reaches them without the sign or the family's words.
 */
export function workOrderDescription(r: { category: string; description: string | null; redFlag: boolean }): string {
  if (r.redFlag) return 'Laporan keluarga: periksa kursi dan dudukan atas permintaan terapis (tanda klinis ada di laporan)';
  const head = `Laporan keluarga: ${categoryWords[r.category as ReportCategory] ?? r.category}`;
  return r.description ? `${head}\n${r.description}` : head;
}

/** Alerts raised by this report's red flag. */
export const redFlagAlerts = (reportId: string): Prisma.AlertWhereInput => ({ kind: 'red_flag', details: { contains: `"reportId":"${reportId}"` } });

export async function triageReport(db: Db, actor: Actor, r: DetailRow, body: TriageBody, now: Date): Promise<{ to: ReportStatus; workOrderId?: string; followUpId?: string }> {
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
    let workOrderId: string | undefined;
    let followUpId: string | undefined;
    if (body.outcome === 'work_order') {
      const w = await tx.workOrder.create({
        data: {
          centreId, deviceId: r.deviceId, reportId: r.id, kind: 'repair', category: faultCategory[r.category as ReportCategory] ?? null,
          priority: body.priority ?? (r.redFlag ? 'urgent' : 'normal'), description: workOrderDescription(r), createdAt: now,
        },
        select: { id: true },
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
    const seen = { acknowledgedAt: now, acknowledgedById: actor.id };
    await tx.alert.updateMany({
      where: { AND: [redFlagAlerts(r.id), { clearedAt: null }] },
      data: workOrderId ? { ...seen, workOrderId } : { ...seen, clearedAt: now },
    });

    await notify(tx, {
      userIds: (await familyOf(tx, r.beneficiaryId)).filter((u) => u !== actor.id),
      kind: 'report_status',
      params: { reportId: r.id, status: to, beneficiary: r.beneficiary.fullName },
      link: `/reports/${r.id}`,
      now,
    });
    return { to, workOrderId, followUpId };
  });
}
