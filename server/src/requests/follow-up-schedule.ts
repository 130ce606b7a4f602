// When follow-ups fall due: the first within six months of delivery (sooner, and as a priority,
// when pressure-injury risk is high), then every six months with a growth review for children.
// Pure: the services pass in dates and ages.
import type { FollowUpKind } from '../../../schemas/requests.ts';

export const FIRST_FOLLOW_UP_MONTHS = 3;
export const PRIORITY_FOLLOW_UP_MONTHS = 1;
export const CHILD_INTERVAL_MONTHS = 6;
export const ADULT_AGE = 18;
/** The window of the "followed up within 6 months" indicator. */
export const FOLLOW_UP_WINDOW_MONTHS = 6;

export interface NextFollowUp {
  kind: FollowUpKind;
  dueAt: Date;
}

/** Adds calendar months in UTC, keeping the day or clamping to the month's last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(d: Date, months: number): Date {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const out = new Date(d);
  out.setUTCFullYear(y, m, Math.min(d.getUTCDate(), lastDay));
  return out;
}

export function ageAt(birthDate: Date, at: Date): number {
  let age = at.getUTCFullYear() - birthDate.getUTCFullYear();
  if (at.getUTCMonth() < birthDate.getUTCMonth() || (at.getUTCMonth() === birthDate.getUTCMonth() && at.getUTCDate() < birthDate.getUTCDate())) age -= 1;
  return Math.max(0, age);
}

/** The follow-up scheduled when the chair is delivered. */
export function firstFollowUp(o: { deliveredAt: Date; pressureInjuryRisk: string | null | undefined }): NextFollowUp {
  if (o.pressureInjuryRisk === 'high') return { kind: 'priority', dueAt: addMonths(o.deliveredAt, PRIORITY_FOLLOW_UP_MONTHS) };
  return { kind: 'first', dueAt: addMonths(o.deliveredAt, FIRST_FOLLOW_UP_MONTHS) };
}

/**
 * The follow-up scheduled when one is completed: a priority visit in a month when the risk found is
 * high; for a child, a growth review in six months; none for an adult otherwise (the family reports
 * problems, and the maintenance rules raise low use).
 */
export function nextFollowUp(o: { completedAt: Date; birthDate: Date; pressureInjuryRisk: string }): NextFollowUp | null {
  if (o.pressureInjuryRisk === 'high') return { kind: 'priority', dueAt: addMonths(o.completedAt, PRIORITY_FOLLOW_UP_MONTHS) };
  if (ageAt(o.birthDate, o.completedAt) < ADULT_AGE) return { kind: 'growth_review', dueAt: addMonths(o.completedAt, CHILD_INTERVAL_MONTHS) };
  return null;
}
