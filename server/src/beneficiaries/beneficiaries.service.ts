// Beneficiaries: scoped queries, consent rules, and the view of a beneficiary each role may see.
import { reportCategoriesFor } from '../../../schemas/reports.ts';
import type { Prisma } from '@prisma/client';
import type {
  BeneficiaryDetail,
  BeneficiarySummary,
  ConsentBody,
  ConsentPurpose,
  Diagnosis,
} from '../../../schemas/beneficiaries.ts';
import type { Relationship } from '../../../schemas/users.ts';
import { canSeeClinical, isStaff } from '../access/policy.ts';
import type { Db } from '../../../core/db/client.ts';
import type { Actor } from '../access/actor.ts';
import { conflict, invalid, notFound } from '../lib/errors.ts';

export const isoDate = (d: Date) => d.toISOString().slice(0, 10);

// Defined with the health-data decision that depends on them; re-exported for existing callers.
import { ageInYears, hasActiveConsent, healthDataView, healthSubjectSelect } from '../access/health-data.ts';
import { beneficiaryScope } from '../access/scopes.ts';
export { ageInYears, hasActiveConsent };

export const detailInclude = {
  centre: { select: { name: true } },
  cpProfile: true,
  hydroProfile: { include: { headCircumferences: { orderBy: { measuredAt: 'asc' } } } },
  consents: { orderBy: { givenAt: 'asc' } },
  familyLinks: { include: { user: { select: { id: true, name: true } } } },
} satisfies Prisma.BeneficiaryInclude;

/** What a list row needs: the centre's name and the health-data consents (healthDataView). */
export const summaryInclude = {
  centre: { select: { name: true } },
  consents: healthSubjectSelect.consents,
} satisfies Prisma.BeneficiaryInclude;

type DetailRow = Prisma.BeneficiaryGetPayload<{ include: typeof detailInclude }>;
type SummaryRow = Prisma.BeneficiaryGetPayload<{ include: typeof summaryInclude }>;

export function toSummary(b: SummaryRow, actor: Actor, now: Date): BeneficiarySummary {
  const health = healthDataView(actor, b, now);
  return {
    id: b.id,
    fullName: b.fullName,
    birthDate: isoDate(b.birthDate),
    ageYears: ageInYears(b.birthDate, now),
    sex: b.sex as BeneficiarySummary['sex'],
    city: b.city,
    centreId: b.centreId,
    centreName: b.centre.name,
    ...(health.level === 'full' ? { diagnosis: b.diagnosis as Diagnosis } : {}),
    // Derived from the diagnosis (the shunt signs only with hydrocephalus): for the family, who
    // reports whatever the paperwork says (vital interests), and for those who may see the diagnosis.
    ...(health.level === 'full' || actor.role === 'family' ? { reportCategories: reportCategoriesFor(b.diagnosis) } : {}),
    anonymisedAt: b.anonymisedAt?.toISOString() ?? null,
  };
}

export function toDetail(b: DetailRow, actor: Actor, now: Date): BeneficiaryDetail {
  const clinical = canSeeClinical(actor);
  const staff = isStaff(actor) || actor.role === 'admin';
  const hp = b.hydroProfile;
  // After a withdrawal (or with no health-data consent at all) only admins still see the clinical
  // record, for the duties that outlive consent (export, erasure, legal retention).
  const health = healthDataView(actor, b, now);
  return {
    ...toSummary(b, actor, now),
    createdAt: b.createdAt.toISOString(),
    updatedAt: b.updatedAt.toISOString(),
    ...(staff ? { address: b.address, phone: b.phone } : {}),
    // The NIK identifies a person nationally: clinical staff and the person's own family only.
    ...(clinical || actor.role === 'family' ? { nik: b.nik } : {}),
    ...(staff ? { family: b.familyLinks.map((l) => ({ userId: l.user.id, name: l.user.name, relationship: l.relationship as Relationship })) } : {}),
    ...(clinical ? { healthDataConsent: health.consent, clinicalWithheld: health.withheld } : {}),
    ...(health.level === 'full'
      ? {
          diagnosisNotes: b.diagnosisNotes,
          cpProfile: b.cpProfile
            ? {
                gmfcs: b.cpProfile.gmfcs,
                type: b.cpProfile.type as never,
                distribution: b.cpProfile.distribution as never,
                sittingLevel: b.cpProfile.sittingLevel as never,
                tone: b.cpProfile.tone as never,
                pelvicPosition: b.cpProfile.pelvicPosition,
                scoliosis: b.cpProfile.scoliosis,
                hipDislocation: b.cpProfile.hipDislocation,
                windsweptHips: b.cpProfile.windsweptHips,
                kyphosis: b.cpProfile.kyphosis,
                contractures: b.cpProfile.contractures,
                updatedAt: b.cpProfile.updatedAt.toISOString(),
              }
            : null,
          hydrocephalusProfile: hp
            ? {
                shuntPresent: hp.shuntPresent,
                shuntType: hp.shuntType as never,
                shuntSide: hp.shuntSide as never,
                revisions: hp.revisions,
                lastRevisionAt: hp.lastRevisionAt ? isoDate(hp.lastRevisionAt) : null,
                headSupport: hp.headSupport,
                occiputSkinRisk: hp.occiputSkinRisk as never,
                redFlagNotes: hp.redFlagNotes,
                headCircumferences: hp.headCircumferences.map((h) => ({ measuredAt: isoDate(h.measuredAt), cm: h.cm })),
                updatedAt: hp.updatedAt.toISOString(),
              }
            : null,
        }
      : {}),
    // Consent records stay visible to clinical roles: they are how a new consent gets recorded.
    ...(clinical
      ? {
          consents: b.consents.map((k) => ({
            id: k.id,
            givenBy: k.givenBy as never,
            guardianName: k.guardianName,
            guardianRelationship: (k.guardianRelationship ?? null) as never,
            purpose: k.purpose as never,
            method: k.method as never,
            givenAt: isoDate(k.givenAt),
            withdrawnAt: k.withdrawnAt?.toISOString() ?? null,
          })),
        }
      : {}),
  };
}

/** The beneficiary if the actor may see it; 404 otherwise (whether missing or not theirs). */
export async function findVisible(db: Db, actor: Actor, id: string) {
  const b = await db.beneficiary.findFirst({ where: { AND: [{ id }, beneficiaryScope(actor)] }, include: detailInclude });
  if (!b) throw notFound('beneficiary');
  return b;
}

export function consentRows(consent: ConsentBody, recordedById: string) {
  return consent.purposes.map((purpose) => ({
    givenBy: consent.givenBy,
    guardianName: consent.guardianName ?? null,
    guardianRelationship: consent.givenBy === 'guardian' ? (consent.guardianRelationship ?? null) : null,
    purpose,
    method: consent.method,
    givenAt: new Date(`${consent.givenAt}T00:00:00Z`),
    recordedById,
  }));
}

/** A child's consent must come from a guardian (UU PDP 27/2022, art. 25); it is dated between birth and today. */
export function checkConsentGiver(consent: ConsentBody, birthDate: Date, now: Date) {
  const givenAt = new Date(`${consent.givenAt}T00:00:00Z`);
  if (givenAt > now || givenAt < birthDate) {
    throw invalid('consent must be dated between the birth date and today', [
      { path: ['consent', 'givenAt'], message: 'before the birth date or in the future', code: 'custom' },
    ]);
  }
  if (ageInYears(birthDate, now) < 18 && consent.givenBy !== 'guardian') {
    throw invalid('a child\'s consent is given by a parent or guardian', [
      { path: ['consent', 'givenBy'], message: 'must be guardian for a beneficiary under 18', code: 'custom' },
    ]);
  }
  if (consent.givenBy === 'guardian' && ageInYears(birthDate, givenAt) < 18 && !consent.guardianRelationship) {
    throw invalid('say how the guardian is related to the child', [
      { path: ['consent', 'guardianRelationship'], message: 'required for a consent given while the person was under 18', code: 'custom' },
    ]);
  }
}

type ConsentReader = Pick<Prisma.TransactionClient, 'beneficiary'>;

/**
 * Refuses (409) unless an active consent for the purpose is on file (a guardian's, for a child).
 * Pass the transaction that writes the data, so a withdrawal cannot slip in between check and write.
 */
export async function requireActiveConsent(db: ConsentReader, beneficiaryId: string, purpose: ConsentPurpose, now: Date) {
  const b = await db.beneficiary.findUniqueOrThrow({ where: { id: beneficiaryId }, include: { consents: { where: { purpose } } } });
  if (hasActiveConsent(b.consents, b.birthDate, purpose, now)) return;
  const child = ageInYears(b.birthDate, now) < 18;
  const withdrawn = b.consents.filter((k) => k.withdrawnAt && (!child || k.givenBy === 'guardian')).map((k) => k.withdrawnAt!).sort((x, y) => y.getTime() - x.getTime())[0];
  const whose = child ? `a parent's or guardian's consent for ${purpose} (this beneficiary is a child)` : `an active consent for ${purpose}`;
  throw conflict(
    withdrawn
      ? `the ${purpose} consent was withdrawn on ${isoDate(withdrawn)}: nothing more may be recorded until ${whose} is recorded again`
      : `no ${whose} on file: record the consent first`,
  );
}

/** An anonymised record keeps only statistics: nothing identifying or clinical may be added to it. */
export function assertNotAnonymised(b: { anonymisedAt: Date | null }) {
  if (b.anonymisedAt) throw conflict('this beneficiary was anonymised; its record can no longer be changed');
}
