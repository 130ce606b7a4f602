// The one decision on what of a person's health data a reader may see: by role, centre and the
// health-data consent (UU PDP 27/2022 art. 9 and 40: a withdrawal stops the processing).
import type { Prisma } from '@prisma/client';
import { adultBornBy, ageInYears, hasActiveConsent } from '../../../core/consent/consent-rule.ts';
import type { Actor } from './actor.ts';

/**
 * - `none`: no clinical record at all (technicians, families, anyone outside the person's centre);
 * - `service`: what keeps the chair working — model, seat sizes, device, dates, states, who did
 *   what — and nothing diagnosis-derived or free text (clinical staff while the consent is missing
 *   or withdrawn);
 * - `full`: the whole clinical record (clinical staff with consent; admins always).
 */
export type HealthDataLevel = 'none' | 'service' | 'full';

export interface HealthDataView {
  level: HealthDataLevel;
  /** An active health-data consent is on file (a guardian's, for a child). */
  consent: boolean;
  /** A clinical reader is kept from the record by the consent alone (shown as `clinicalWithheld`). */
  withheld: boolean;
}

export interface HealthSubject {
  id: string;
  centreId: string;
  birthDate: Date;
  consents: readonly { purpose: string; givenBy: string; withdrawnAt: Date | null }[];
}

export { ageInYears, hasActiveConsent };

/** What a query must load about a person for healthDataView. */
export const healthSubjectSelect = {
  id: true,
  centreId: true,
  birthDate: true,
  consents: { where: { purpose: 'health_data' }, select: { purpose: true, givenBy: true, withdrawnAt: true } },
} satisfies Prisma.BeneficiarySelect;

/** The same rule as hasActiveConsent, as a query: people with an active health-data consent today. */
export function healthDataConsentWhere(now: Date): Prisma.BeneficiaryWhereInput {
  const adultBy = adultBornBy(now);
  return {
    consents: {
      some: { purpose: 'health_data', withdrawnAt: null, OR: [{ givenBy: 'guardian' }, { beneficiary: { birthDate: { lte: adultBy } } }] },
    },
  };
}

// Admin reads of a withheld record, per request. Views are plain functions of the actor, so the
// record travels with the (per-request) actor object and no route can forget it.
const overrides = new WeakMap<Actor, Map<string, string>>();

/** What of this person's health data the actor may see. Records an admin's read of a withheld record. */
export function healthDataView(actor: Actor, subject: HealthSubject, now: Date): HealthDataView {
  const consent = hasActiveConsent(subject.consents, subject.birthDate, 'health_data', now);
  if (actor.role === 'admin') {
    if (!consent) overrides.get(actor)?.set(subject.id, subject.centreId);
    return { level: 'full', consent, withheld: false };
  }
  const clinical = (actor.role === 'manager' || actor.role === 'therapist') && actor.centreId === subject.centreId;
  if (!clinical) return { level: 'none', consent, withheld: false };
  return consent ? { level: 'full', consent, withheld: false } : { level: 'service', consent, withheld: true };
}

/** Starts collecting, for this actor, the people whose withheld record healthDataView shows them. */
export function collectWithheldReads(actor: Actor): Map<string, string> {
  const seen = new Map<string, string>();
  overrides.set(actor, seen);
  return seen;
}
