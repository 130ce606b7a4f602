// Beneficiaries, their CP and hydrocephalus profiles, and consent (UU PDP 27/2022).
import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, Phone, text } from './common.ts';
import { ReportCategory } from './reports.ts';
import { Relationship } from './users.ts';

export const Sex = z.enum(['female', 'male']);
export const Diagnosis = z.enum(['cp', 'hydrocephalus', 'both', 'other']);
export type Diagnosis = z.infer<typeof Diagnosis>;

export const CpType = z.enum(['spastic', 'dyskinetic', 'ataxic', 'mixed']);
export const CpDistribution = z.enum(['hemiplegia', 'diplegia', 'quadriplegia', 'other']);
export const SittingLevel = z.enum(['hands_free', 'hands_dependent', 'propped', 'unable']);
export const Tone = z.enum(['hypertonic', 'hypotonic', 'fluctuating', 'mixed']);
export const ShuntType = z.enum(['vp', 'va', 'vpl', 'etv', 'other']);
export const Side = z.enum(['left', 'right']);
export const RiskLevel = z.enum(['low', 'medium', 'high']);

export const ConsentGivenBy = z.enum(['beneficiary', 'guardian']);
export const ConsentPurpose = z.enum(['service', 'health_data', 'telemetry', 'photos', 'research']);
export type ConsentPurpose = z.infer<typeof ConsentPurpose>;
export const ConsentMethod = z.enum(['written', 'verbal', 'thumbprint']);
/** Who the guardian consenting for a child is to them (issue 13 §6); required when the person is under 18 at consent time. */
export const GuardianRelationship = z.enum(['mother', 'father', 'grandparent', 'sibling', 'legal_guardian', 'other']);
export type GuardianRelationship = z.infer<typeof GuardianRelationship>;

export const CpProfileBody = z.strictObject({
  gmfcs: z.number().int().min(1).max(5),
  type: CpType,
  distribution: CpDistribution,
  sittingLevel: SittingLevel,
  tone: Tone,
  pelvicPosition: text(200).nullable().optional(),
  scoliosis: z.boolean().default(false),
  hipDislocation: z.boolean().default(false),
  windsweptHips: z.boolean().default(false),
  kyphosis: z.boolean().default(false),
  contractures: text(500, { multiline: true }).nullable().optional(),
});
export type CpProfileBody = z.infer<typeof CpProfileBody>;
export const CpProfile = CpProfileBody.extend({ updatedAt: z.string() }).meta({ id: 'CpProfile' });

export const HeadCircumference = z.object({ measuredAt: IsoDate, cm: z.number().min(25).max(80) });

export const HydrocephalusProfileBody = z
  .strictObject({
    shuntPresent: z.boolean(),
    shuntType: ShuntType.nullable().optional(),
    shuntSide: Side.nullable().optional(),
    revisions: z.number().int().min(0).max(100).default(0),
    lastRevisionAt: IsoDate.nullable().optional(),
    headSupport: text(200).nullable().optional(),
    occiputSkinRisk: RiskLevel.default('low'),
    redFlagNotes: text(1000, { multiline: true }).nullable().optional(),
    headCircumferences: z.array(HeadCircumference).max(200).optional(),
  })
  .superRefine((p, ctx) => {
    if (!p.shuntPresent && (p.shuntType || p.shuntSide)) {
      ctx.addIssue({ code: 'custom', path: ['shuntType'], message: 'shunt details given but no shunt present' });
    }
  });
export type HydrocephalusProfileBody = z.infer<typeof HydrocephalusProfileBody>;
export const HydrocephalusProfile = z
  .object({
    shuntPresent: z.boolean(),
    shuntType: ShuntType.nullable(),
    shuntSide: Side.nullable(),
    revisions: z.number().int(),
    lastRevisionAt: z.string().nullable(),
    headSupport: z.string().nullable(),
    occiputSkinRisk: RiskLevel,
    redFlagNotes: z.string().nullable(),
    headCircumferences: z.array(HeadCircumference),
    updatedAt: z.string(),
  })
  .meta({ id: 'HydrocephalusProfile' });

export const ConsentBody = z
  .strictObject({
    givenBy: ConsentGivenBy,
    guardianName: text(120).nullable().optional(),
    guardianRelationship: GuardianRelationship.nullable().optional().describe('the guardian\'s relationship to the person; required when they are under 18 on the consent date (else 422)'),
    purposes: z.array(ConsentPurpose).min(1).max(5),
    method: ConsentMethod,
    givenAt: IsoDate,
  })
  .superRefine((c, ctx) => {
    if (c.givenBy === 'guardian' && !c.guardianName) {
      ctx.addIssue({ code: 'custom', path: ['guardianName'], message: 'name the guardian who consented' });
    }
    if (c.givenBy !== 'guardian' && c.guardianRelationship) {
      ctx.addIssue({ code: 'custom', path: ['guardianRelationship'], message: 'only a guardian\'s consent has a relationship' });
    }
    if (new Set(c.purposes).size !== c.purposes.length) {
      ctx.addIssue({ code: 'custom', path: ['purposes'], message: 'purposes repeat' });
    }
  });
export type ConsentBody = z.infer<typeof ConsentBody>;

export const Consent = z
  .object({
    id: Id,
    givenBy: ConsentGivenBy,
    guardianName: z.string().nullable(),
    guardianRelationship: GuardianRelationship.nullable(),
    purpose: ConsentPurpose,
    method: ConsentMethod,
    givenAt: z.string(),
    withdrawnAt: z.string().nullable(),
  })
  .meta({ id: 'Consent' });

/**
 * Whether a 16-digit string can be a NIK (Nomor Induk Kependudukan): a province code (11–94), then
 * regency and district, then the birth date as DDMMYY with 40 added to the day for women.
 */
export function isPlausibleNik(nik: string): boolean {
  if (!/^\d{16}$/.test(nik)) return false;
  const province = Number(nik.slice(0, 2));
  const day = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const dayOfMonth = day > 40 ? day - 40 : day;
  return province >= 11 && province <= 94 && dayOfMonth >= 1 && dayOfMonth <= 31 && month >= 1 && month <= 12;
}

/** A NIK as typed (spaces and dots between the groups are dropped), checked to be plausible. */
export const Nik = z
  .string()
  .transform((s) => s.replace(/[\s.]/g, ''))
  .pipe(z.string().regex(/^\d{16}$/, 'a NIK has 16 digits').refine(isPlausibleNik, 'not a valid NIK (region or birth-date digits)'));

/** How two names are compared for the duplicate warning: case, accents and spacing do not count. */
export const nameKey = (name: string) =>
  name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

const beneficiaryFields = {
  fullName: text(120),
  nik: Nik.nullable().optional().describe('Nomor Induk Kependudukan, unique nationally (409 when already registered)'),
  birthDate: IsoDate,
  sex: Sex,
  address: text(300, { multiline: true }),
  city: text(80).nullable().optional(),
  phone: Phone.nullable().optional(),
  diagnosis: Diagnosis,
  diagnosisNotes: text(2000, { multiline: true }).nullable().optional(),
};

export const CreateBeneficiaryBody = z.strictObject({
  ...beneficiaryFields,
  centreId: Id.optional().describe('admins choose the centre; staff create in their own'),
  consent: ConsentBody,
  confirmDuplicate: z
    .boolean()
    .optional()
    .describe('register even though someone with the same name and birth date is at the centre (else 409, reason possible_duplicate)'),
});
export type CreateBeneficiaryBody = z.infer<typeof CreateBeneficiaryBody>;

export const UpdateBeneficiaryBody = z.strictObject({
  fullName: beneficiaryFields.fullName.optional(),
  nik: beneficiaryFields.nik,
  birthDate: beneficiaryFields.birthDate.optional(),
  sex: beneficiaryFields.sex.optional(),
  address: beneficiaryFields.address.optional(),
  city: beneficiaryFields.city,
  phone: beneficiaryFields.phone,
  diagnosis: beneficiaryFields.diagnosis.optional(),
  diagnosisNotes: beneficiaryFields.diagnosisNotes,
});
export type UpdateBeneficiaryBody = z.infer<typeof UpdateBeneficiaryBody>;

export const BeneficiarySummary = z
  .object({
    id: Id,
    fullName: z.string(),
    birthDate: z.string(),
    ageYears: z.number().int(),
    sex: Sex,
    city: z.string().nullable(),
    centreId: Id,
    centreName: z.string(),
    diagnosis: Diagnosis.optional().describe('clinical: absent for technicians and families, and for everyone but admins without an active health-data consent'),
    reportCategories: z
      .array(ReportCategory)
      .optional()
      .describe('what may be reported for this person (the shunt signs only with hydrocephalus): for the family (without the diagnosis) and for those who see the diagnosis; absent for technicians'),
    anonymisedAt: z
      .string()
      .nullable()
      .describe('when identifying data was removed (POST /api/beneficiaries/{id}/anonymise); null for a normal record'),
  })
  .meta({ id: 'BeneficiarySummary' });
export type BeneficiarySummary = z.infer<typeof BeneficiarySummary>;

export const BeneficiaryDetail = BeneficiarySummary.extend({
  address: z.string().optional().describe('absent for families (they know it)'),
  nik: z.string().nullable().optional().describe('clinical staff and the person\'s own family only; null when unknown or anonymised'),
  phone: z.string().nullable().optional(),
  diagnosisNotes: z.string().nullable().optional(),
  cpProfile: CpProfile.nullable().optional(),
  hydrocephalusProfile: HydrocephalusProfile.nullable().optional(),
  consents: z.array(Consent).optional(),
  healthDataConsent: z
    .boolean()
    .optional()
    .describe('clinical roles: whether an active health-data consent (a guardian\'s, for a child) is on file; without it clinical writes are refused (409)'),
  clinicalWithheld: z
    .boolean()
    .optional()
    .describe('clinical roles: true when the health-data consent is missing or withdrawn, so the diagnosis, notes and profiles (and every clinical record of the person) are shown to admins only'),
  family: z
    .array(z.object({ userId: Id, name: z.string(), relationship: Relationship }))
    .optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
}).meta({ id: 'BeneficiaryDetail' });
export type BeneficiaryDetail = z.infer<typeof BeneficiaryDetail>;

export const BeneficiaryListQuery = z.object({
  q: text(100, { min: 0 })
    // LIKE metacharacters cannot be escaped through Prisma on SQLite, and names never contain them.
    .transform((s) => s.replace(/[%_\\]/g, '').trim())
    .optional(),
  centreId: z.string().optional(),
  diagnosis: Diagnosis.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const BeneficiaryList = z.object({
  items: z.array(BeneficiarySummary),
  total: z.number().int(),
});

export const ConsentWithdrawParams = z.object({ id: Id, consentId: Id });
