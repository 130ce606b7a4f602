// Object-level scoping: which rows each actor may see, one Prisma filter per kind of object.
import type { Prisma } from '@prisma/client';
import { centreStaffRoles } from '../../../schemas/common.ts';
import { CLINICAL_ALERT_KINDS } from '../../../core/telemetry/fleet-read-model.ts';
import { managerInvitableRoles } from '../../../schemas/users.ts';
import type { Actor } from './actor.ts';
import { canSeeClinical } from './policy.ts';

export function beneficiaryScope(a: Actor): Prisma.BeneficiaryWhereInput {
  if (a.role === 'admin') return {};
  if (a.role === 'family') return { id: { in: a.beneficiaryIds } };
  return { centreId: a.centreId ?? '__none__' };
}

/**
 * Admins see every account; managers see their own centre's staff and families (a family of the
 * centre, or linked to one of its beneficiaries), so they can invite them again; never admins.
 */
export function userScope(a: Actor): Prisma.UserWhereInput {
  if (a.role === 'admin') return {};
  const centreId = a.centreId ?? '__none__';
  return {
    OR: [
      { centreId, role: { in: [...centreStaffRoles, 'family'] } },
      { role: 'family', familyLinks: { some: { beneficiary: { centreId } } } },
    ],
  };
}

/** The accounts an actor may change, disable or re-invite: any for admins; for a manager, the centre's therapists, technicians and families. */
export function userManageScope(a: Actor): Prisma.UserWhereInput {
  if (a.role === 'admin') return {};
  if (a.role !== 'manager') return { id: '__none__' };
  return { AND: [userScope(a), { role: { in: [...managerInvitableRoles] } }] };
}

export function followUpScope(a: Actor): Prisma.FollowUpWhereInput {
  return { beneficiary: beneficiaryScope(a) };
}

/** Admins read everything; a manager only what happened in their own centre; no one else. */
export function auditScope(actor: Actor): Prisma.AuditLogWhereInput {
  if (actor.role === 'admin') return {};
  return { centreId: actor.centreId ?? '__none__' };
}

/** Staff see their centre's requests, families their linked beneficiaries', admins all. */
export function requestScope(a: Actor): Prisma.DeviceRequestWhereInput {
  if (a.role === 'admin') return {};
  if (a.role === 'family') return { beneficiaryId: { in: a.beneficiaryIds } };
  return { centreId: a.centreId ?? '__none__' };
}

/**
 * Technicians see no clinical detail (docs/architecture.md, Access): a red-flag report is a clinical sign, so they never
 * open one (its words, photos and thread are clinical); it reaches them in the list only as
 * "urgent, clinical" without its sign (reportListScope, toSummary), and as a work order once triaged.
 */
export function reportScope(a: Actor): Prisma.IssueReportWhereInput {
  const scope = reportListScope(a);
  return a.role === 'technician' ? { ...scope, redFlag: false } : scope;
}

/** The reports a person finds in the list: technicians also the red flags, without the sign. */
export function reportListScope(a: Actor): Prisma.IssueReportWhereInput {
  if (a.role === 'admin') return {};
  if (a.role === 'family') return { beneficiaryId: { in: a.beneficiaryIds } };
  return { beneficiary: { centreId: a.centreId ?? '__none__' } };
}

export function alertScope(a: Actor): Prisma.AlertWhereInput {
  const centre = a.role === 'admin' ? {} : a.role === 'family' ? { id: '__none__' } : { centreId: a.centreId ?? '__none__' };
  return { AND: [centre, alertKindScope(a)] };
}

export function workOrderScope(a: Actor): Prisma.WorkOrderWhereInput {
  if (a.role === 'admin') return {};
  if (a.role === 'family') {
    // Their chair's work orders only from when it became theirs (a re-issued chair's earlier work is
    // the previous user's), and the work made of their own reports.
    const onTheirChairs = (a.chairs ?? []).map((c) => ({ deviceId: c.deviceId, ...(c.since ? { createdAt: { gte: c.since } } : {}) }));
    return { OR: [...onTheirChairs, { report: { beneficiaryId: { in: a.beneficiaryIds } } }] };
  }
  return { centreId: a.centreId ?? '__none__' };
}

/** Staff see their centre's chairs, and while a chair is in transit to their centre, that one too. */
export function deviceScope(a: Actor): Prisma.DeviceWhereInput {
  if (a.role === 'admin') return {};
  if (a.role === 'family') return { beneficiaryId: { in: a.beneficiaryIds } };
  const centreId = a.centreId ?? '__none__';
  return { OR: [{ centreId }, { status: 'in_transit', transfers: { some: { toCentreId: centreId, receivedAt: null } } }] };
}

/** The same rule as deviceScope, for rows read without Prisma. */
export function canSeeDevice(a: Actor, d: { centreId: string; beneficiaryId: string | null; transitToCentreId?: string | null }): boolean {
  if (a.role === 'admin') return true;
  if (a.role === 'family') return d.beneficiaryId !== null && a.beneficiaryIds.includes(d.beneficiaryId);
  return d.centreId === a.centreId || (a.centreId !== null && d.transitToCentreId === a.centreId);
}

export const alertKindScope = (a: Actor): Prisma.AlertWhereInput => (canSeeClinical(a) ? {} : { kind: { notIn: [...CLINICAL_ALERT_KINDS] } });

export function centreScope(a: Actor): Prisma.CentreWhereInput {
  if (a.role === 'admin') return {};
  if (a.role === 'family') return { beneficiaries: { some: { id: { in: a.beneficiaryIds } } } };
  return { id: a.centreId ?? '__none__' };
}
