// Whose consent counts, as one pure rule shared by the API and the telemetry bridge: for a child
// (under 18 today) only a guardian's (UU PDP 27/2022 art. 25); for an adult their own, or a
// guardian's for an adult with a disability under guardianship (art. 26).
import type { ConsentPurpose } from '../../schemas/beneficiaries.ts';

export interface ConsentRow {
  purpose: string;
  givenBy: string;
  withdrawnAt: Date | string | null;
}

export function ageInYears(birth: Date, now: Date): number {
  let age = now.getUTCFullYear() - birth.getUTCFullYear();
  const beforeBirthday =
    now.getUTCMonth() < birth.getUTCMonth() ||
    (now.getUTCMonth() === birth.getUTCMonth() && now.getUTCDate() < birth.getUTCDate());
  if (beforeBirthday) age -= 1;
  return Math.max(0, age);
}

/** Whether an active consent for the purpose is on file. */
export function hasActiveConsent(consents: readonly ConsentRow[], birthDate: Date, purpose: ConsentPurpose, now: Date): boolean {
  const child = ageInYears(birthDate, now) < 18;
  return consents.some((k) => k.purpose === purpose && !k.withdrawnAt && (!child || k.givenBy === 'guardian'));
}

/** The last birth date (midnight UTC) of someone 18 or older today: the same arithmetic as ageInYears. */
export function adultBornBy(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear() - 18, now.getUTCMonth(), now.getUTCDate()));
}

/**
 * The rule as SQL over the raw connection (the bridge and the fleet read model): true when the
 * beneficiary row aliased `b` has an active consent for `@consentPurpose`; bind `@adultBornBy` to
 * `adultBornBy(now)` as YYYY-MM-DD (birth dates are stored as ISO text, compared by their date).
 */
export function activeConsentSql(b: string): string {
  return `EXISTS (SELECT 1 FROM "Consent" k WHERE k.beneficiaryId = ${b}.id AND k.purpose = @consentPurpose AND k.withdrawnAt IS NULL
    AND (k.givenBy = 'guardian' OR substr(${b}.birthDate, 1, 10) <= @adultBornBy))`;
}

/** Parameters for activeConsentSql. */
export function consentSqlParams(purpose: ConsentPurpose, now: Date) {
  return { consentPurpose: purpose, adultBornBy: adultBornBy(now).toISOString().slice(0, 10) };
}

/**
 * activeConsentSql for PostgreSQL (quoted column names, positional parameters): `purpose` and
 * `adultBornBy` name the parameters ($n) bound to consentSqlParams' consentPurpose and adultBornBy.
 */
export function activeConsentPgSql(b: string, purpose: string, adultBornBy: string): string {
  return `EXISTS (SELECT 1 FROM "Consent" k WHERE k."beneficiaryId" = ${b}.id AND k.purpose = ${purpose} AND k."withdrawnAt" IS NULL
    AND (k."givenBy" = 'guardian' OR ${b}."birthDate"::date <= ${adultBornBy}::date))`;
}
