// Erasing a beneficiary: the person and everything that is theirs is deleted in one transaction;
// the fleet's own history stays, detached from them. Chairs are unassigned (a reserved one returns
// to stock), work orders keep their repair facts without the family's words, a red-flag alert (a
// health sign) is deleted while a chair's technical alerts are detached, and the notifications and
// webhook messages about them are deleted. Photo files are removed once the transaction commits.
import type { RemovalBody } from '../../../schemas/privacy.ts';
import type { Db, Transact } from '../../../core/db/client.ts';
import { removePhoto } from '../reports/photos.ts';
import { REMOVED_TEXT, anonymousLabel, checkConfirmName, loadForRemoval, type RemovalWrite } from './anonymise.service.ts';
import { relatedIds } from './related.ts';
import { identifierValues, identifyingStrings, scrubRelated, scrubText } from './scrub.ts';

export interface EraseOutcome {
  erasedAt: Date;
  centreId: string;
  counts: Record<string, number>;
  reason: string;
}

export async function eraseBeneficiary(db: Db, dataDir: string, id: string, body: RemovalBody, now: Date, transact: Transact<RemovalWrite>): Promise<EraseOutcome> {
  const b = await loadForRemoval(db, id);
  checkConfirmName(b.fullName, body);
  const needles = identifyingStrings(b);
  const label = anonymousLabel(id);
  const reason = scrubText(body.reason, needles, label);

  const { counts, photoIds } = await transact(async (tx) => {
    const ids = await relatedIds(tx, id);
    const reports = { reportId: { in: ids.reportIds } };
    const c: Record<string, number> = {};
    const photos = await tx.reportPhoto.findMany({ where: reports, select: { id: true } });
    // Counted before the cascade takes them.
    c.requests = ids.requestIds.length;
    c.reports = ids.reportIds.length;
    c.followUps = ids.followUpIds.length;
    c.photos = photos.length;
    c.consents = await tx.consent.count({ where: { beneficiaryId: id } });
    c.familyLinks = await tx.familyLink.count({ where: { beneficiaryId: id } });
    c.referrals = await tx.referral.count({ where: { beneficiaryId: id } });
    c.assessments = await tx.assessment.count({ where: { beneficiaryId: id } });

    // The fleet keeps its chairs: unassigned, and a chair only reserved for them goes back to stock.
    await tx.device.updateMany({ where: { beneficiaryId: id, status: 'reserved' }, data: { status: 'in_stock' } });
    c.devicesUnassigned = (await tx.device.updateMany({ where: { beneficiaryId: id }, data: { beneficiaryId: null } })).count;
    // Work orders from their reports lose the family's words (the report link is cleared by the cascade).
    c.workOrdersDetached = (await tx.workOrder.updateMany({ where: { reportId: { in: ids.reportIds } }, data: { description: REMOVED_TEXT } })).count;
    await scrubRelated(tx, ids, needles, label, identifierValues(b));
    // A red flag is a health sign about them: deleted. A chair's own alerts stay, without their name.
    c.alertsDeleted = (await tx.alert.deleteMany({ where: { beneficiaryId: id, OR: [{ kind: 'red_flag' }, { deviceId: null }] } })).count;
    c.alertsDetached = (await tx.alert.updateMany({ where: { beneficiaryId: id }, data: { beneficiaryId: null } })).count;
    c.webhookDeliveries = (await tx.webhookDelivery.deleteMany({ where: { notificationId: { in: ids.notificationIds } } })).count;
    c.notifications = (await tx.notification.deleteMany({ where: { id: { in: ids.notificationIds } } })).count;
    // Everything else that is theirs goes with the row (ON DELETE CASCADE): profiles and head
    // circumferences, consents, family links, referrals, assessments, requests with their steps,
    // follow-ups, reports with their events, comments and photo rows.
    await tx.beneficiary.delete({ where: { id } });
    return { centreId: b.centreId, reason, counts: c, photoIds: photos.map((p) => p.id) };
  });
  await Promise.all(photoIds.map((p) => removePhoto(dataDir, p)));
  return { erasedAt: now, centreId: b.centreId, counts, reason };
}
