// Anonymising a beneficiary: everything that identifies the person, and every clinical detail, is
// removed in one transaction, while the requests, chairs, work orders and telemetry stay so that
// fleet and indicator statistics remain true. Photo files are deleted once the transaction commits.
import type { RemovalBody } from '../../../schemas/privacy.ts';
import type { Db, Transact } from '../../../core/db/client.ts';
import { conflict, invalid, notFound } from '../lib/errors.ts';
import { removePhoto } from '../reports/photos.ts';
import { relatedIds } from './related.ts';
import { identifierValues, identifyingStrings, scrubRelated, scrubText } from './scrub.ts';

/** What replaces free text written by or about the person. */
export const REMOVED_TEXT = '[dihapus / removed]';

/** The neutral label an anonymised record is known by. */
export const anonymousLabel = (id: string) => `Anonim ${id.slice(0, 6)}`;

/** A birth date kept only to the year (1 July, the year's middle), which is enough for age statistics. */
export const truncatedBirthDate = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), 6, 1));

export async function loadForRemoval(db: Db, id: string) {
  const b = await db.beneficiary.findUnique({ where: { id }, select: { id: true, fullName: true, phone: true, address: true, centreId: true, anonymisedAt: true } });
  if (!b) throw notFound('beneficiary');
  return b;
}

export function checkConfirmName(fullName: string, body: RemovalBody) {
  if (body.confirmName !== fullName) {
    throw invalid('type the beneficiary\'s full name exactly as recorded to confirm', [
      { path: ['confirmName'], message: 'does not match the beneficiary\'s current full name', code: 'confirm_name_mismatch' },
    ]);
  }
}

export interface AnonymiseOutcome {
  anonymisedAt: Date;
  centreId: string;
  counts: Record<string, number>;
  /** The reason, with the person's name, phone and address taken out, for the audit log. */
  reason: string;
}

/** What a removal's transaction returns: what its audit entry needs, and the photo files to delete after the commit. */
export interface RemovalWrite {
  centreId: string;
  reason: string;
  counts: Record<string, number>;
  photoIds: string[];
}

/** `transact` runs the removal in one transaction with its audit row (the route's auditedChange). */
export async function anonymiseBeneficiary(db: Db, dataDir: string, id: string, body: RemovalBody, now: Date, transact: Transact<RemovalWrite>): Promise<AnonymiseOutcome> {
  const b = await loadForRemoval(db, id);
  if (b.anonymisedAt) throw conflict(`this beneficiary was already anonymised on ${b.anonymisedAt.toISOString()}`);
  checkConfirmName(b.fullName, body);
  const label = anonymousLabel(id);
  const needles = identifyingStrings(b);
  const reason = scrubText(body.reason, needles, label);

  const { counts, photoIds } = await transact(async (tx) => {
    const ids = await relatedIds(tx, id);
    const where = { requestId: { in: ids.requestIds } };
    const reports = { reportId: { in: ids.reportIds } };
    const current = await tx.beneficiary.findUniqueOrThrow({ where: { id }, select: { birthDate: true, anonymisedAt: true } });
    if (current.anonymisedAt) throw conflict('this beneficiary was already anonymised');
    const photos = await tx.reportPhoto.findMany({ where: reports, select: { id: true } });
    const profileIds = (await tx.hydrocephalusProfile.findMany({ where: { beneficiaryId: id }, select: { id: true } })).map((p) => p.id);
    const c: Record<string, number> = {};
    c.headCircumferences = (await tx.headCircumference.deleteMany({ where: { profileId: { in: profileIds } } })).count;
    c.cpProfiles = (await tx.cpProfile.deleteMany({ where: { beneficiaryId: id } })).count;
    c.hydrocephalusProfiles = (await tx.hydrocephalusProfile.deleteMany({ where: { beneficiaryId: id } })).count;
    c.familyLinks = (await tx.familyLink.deleteMany({ where: { beneficiaryId: id } })).count;
    // Consent records stay as the record of what was agreed; the guardian's name goes, and
    // anonymisation ends every consent still active.
    await tx.consent.updateMany({ where: { beneficiaryId: id }, data: { guardianName: null } });
    c.consentsEnded = (await tx.consent.updateMany({ where: { beneficiaryId: id, withdrawnAt: null }, data: { withdrawnAt: now } })).count;
    c.referrals = (await tx.referral.updateMany({ where: { beneficiaryId: id }, data: { reason: REMOVED_TEXT } })).count;
    c.assessments = (
      await tx.assessment.updateMany({
        where: { beneficiaryId: id },
        data: { goals: null, usageEnvironment: null, terrain: null, transport: null, transfers: null, currentChair: null, sittingPosture: null, pelvicPosition: null, notes: null },
      })
    ).count;
    await tx.requestTransition.updateMany({ where: { ...where, note: { not: null } }, data: { note: null } });
    await tx.prescription.updateMany({ where, data: { notes: null, accessories: null } });
    await tx.fundingApproval.updateMany({ where: { ...where, reason: { not: null } }, data: { reason: null } });
    await tx.fitting.updateMany({ where, data: { adjustments: null, notes: null } });
    await tx.trainingSession.updateMany({ where, data: { notes: null } });
    c.followUps = (await tx.followUp.updateMany({ where: { beneficiaryId: id }, data: { findings: null } })).count;
    c.reports = (await tx.issueReport.updateMany({ where: { beneficiaryId: id }, data: { description: null } })).count;
    c.reportComments = (await tx.reportComment.updateMany({ where: reports, data: { body: REMOVED_TEXT } })).count;
    await tx.reportEvent.updateMany({ where: { ...reports, note: { not: null } }, data: { note: null } });
    c.photos = (await tx.reportPhoto.deleteMany({ where: reports })).count;
    // What a person typed when opening a work order from their report; the repair facts stay.
    await tx.workOrder.updateMany({ where: { reportId: { in: ids.reportIds }, description: { not: null } }, data: { description: REMOVED_TEXT } });
    c.scrubbed = await scrubRelated(tx, ids, needles, label, identifierValues(b));
    await tx.beneficiary.update({
      where: { id },
      data: {
        fullName: label,
        birthDate: truncatedBirthDate(current.birthDate),
        address: '',
        nik: null,
        phone: null,
        city: null,
        diagnosisNotes: null,
        anonymisedAt: now,
        updatedAt: now,
      },
    });
    return { centreId: b.centreId, reason, counts: c, photoIds: photos.map((p) => p.id) };
  });
  await Promise.all(photoIds.map((p) => removePhoto(dataDir, p)));
  return { anonymisedAt: now, centreId: b.centreId, counts, reason };
}
