// The records that belong to, or speak about, one beneficiary beyond their own tables: shared by
// the export, anonymisation and erasure so all three agree on what "theirs" means.
import type { Prisma } from '@prisma/client';
import type { Db } from '../../../core/db/client.ts';

type Reader = Pick<Prisma.TransactionClient, 'deviceRequest' | 'issueReport' | 'followUp' | 'device' | 'workOrder' | 'alert' | 'notification' | 'familyLink'>;

export interface RelatedDevice {
  id: string;
  /** Assigned to them now. */
  assigned: boolean;
  /**
   * Since when the chair's data is theirs: delivery (or, before delivery, the request's creation)
   * for a chair assigned to them now; null for a chair they no longer have (its later data is someone else's).
   */
  from: Date | null;
}

export interface RelatedIds {
  requestIds: string[];
  reportIds: string[];
  followUpIds: string[];
  familyUserIds: string[];
  devices: RelatedDevice[];
  /** Work orders opened from their reports, or on their chair while it was theirs. */
  workOrderIds: string[];
  /** Alerts naming them, or on their chair while it was theirs. */
  alertIds: string[];
  /** Notifications about their reports (to anyone), and the charging nudges their family got for their chair. */
  notificationIds: string[];
  /** The audit entries about them, their requests, reports and follow-ups. */
  auditWhere: Prisma.AuditLogWhereInput[];
}

export async function relatedIds(db: Db | Reader, beneficiaryId: string): Promise<RelatedIds> {
  const [requests, reports, followUps, assignedNow, links] = await Promise.all([
    db.deviceRequest.findMany({ where: { beneficiaryId }, select: { id: true, deviceId: true, deliveredAt: true, createdAt: true } }),
    db.issueReport.findMany({ where: { beneficiaryId }, select: { id: true } }),
    db.followUp.findMany({ where: { beneficiaryId }, select: { id: true } }),
    db.device.findMany({ where: { beneficiaryId }, select: { id: true } }),
    db.familyLink.findMany({ where: { beneficiaryId }, select: { userId: true } }),
  ]);
  const assigned = new Set(assignedNow.map((d) => d.id));
  const deviceIds = new Set([...assigned, ...requests.flatMap((r) => (r.deviceId ? [r.deviceId] : []))]);
  const devices: RelatedDevice[] = [...deviceIds].map((id) => {
    const starts = requests.filter((r) => r.deviceId === id).map((r) => (r.deliveredAt ?? r.createdAt).getTime());
    const from = assigned.has(id) && starts.length ? new Date(Math.min(...starts)) : null;
    return { id, assigned: assigned.has(id), from };
  });
  const reportIds = reports.map((r) => r.id);
  const familyUserIds = links.map((l) => l.userId);
  // A chair's own history (work orders, alerts) is theirs only from the day it became theirs.
  const onTheirChair = devices.filter((d) => d.from).map((d) => ({ deviceId: d.id, createdAt: { gte: d.from! } }));
  const [workOrders, alerts, notifications] = await Promise.all([
    db.workOrder.findMany({ where: { OR: [{ reportId: { in: reportIds } }, ...onTheirChair] }, select: { id: true } }),
    db.alert.findMany({ where: { OR: [{ beneficiaryId }, ...onTheirChair] }, select: { id: true } }),
    db.notification.findMany({
      where: {
        OR: [
          { link: { in: reportIds.map((r) => `/reports/${r}`) } },
          ...(familyUserIds.length
            ? devices.filter((d) => d.from).map((d) => ({ userId: { in: familyUserIds }, kind: 'deep_discharge', dedupeKey: { startsWith: `deep_discharge:${d.id}:` } }))
            : []),
        ],
      },
      select: { id: true },
    }),
  ]);
  const requestIds = requests.map((r) => r.id);
  const followUpIds = followUps.map((f) => f.id);
  return {
    requestIds,
    reportIds,
    followUpIds,
    familyUserIds,
    devices,
    workOrderIds: workOrders.map((w) => w.id),
    alertIds: alerts.map((a) => a.id),
    notificationIds: notifications.map((n) => n.id),
    auditWhere: [
      { entityType: 'Beneficiary', entityId: beneficiaryId },
      { entityType: 'DeviceRequest', entityId: { in: requestIds } },
      { entityType: 'IssueReport', entityId: { in: reportIds } },
      { entityType: 'FollowUp', entityId: { in: followUpIds } },
    ],
  };
}
