// Making a report: checks the category against the beneficiary, attaches the chair in use, and in
// one transaction writes the report, its first event, a red flag's alert, the notifications and the audit row.
// Idempotent on clientRequestId, so a phone that resends after a lost answer makes no second report.
import { centreStaffRoles } from '../../../schemas/common.ts';
import { isRedFlag, reportCategoriesFor, type CreateReportBody } from '../../../schemas/reports.ts';
import { type Db, isUniqueViolation, type Transact } from '../../../core/db/client.ts';
import type { Actor } from '../access/actor.ts';
import { conflict, forbidden, invalid, notFound } from '../lib/errors.ts';
import { centreStaff, familyOf, notify } from '../../../core/notifications/notify.ts';
import { raiseAlert } from '../../../core/maintenance/maintenance.service.ts';
import { beneficiaryScope } from '../access/scopes.ts';

export interface CreateOutcome {
  id: string;
  /** false: a resend of a report this person already made. */
  created: boolean;
  centreId: string;
  redFlag: boolean;
}

async function replay(db: Db, actor: Actor, clientRequestId: string): Promise<CreateOutcome | null> {
  const existing = await db.issueReport.findUnique({
    where: { clientRequestId },
    select: { id: true, reportedById: true, redFlag: true, beneficiary: { select: { centreId: true } } },
  });
  if (!existing) return null;
  if (existing.reportedById !== actor.id) throw conflict('this clientRequestId belongs to another report; make a new one');
  return { id: existing.id, created: false, centreId: existing.beneficiary.centreId, redFlag: existing.redFlag };
}

/** `transact` runs the writes in one transaction with their audit row (the route's auditedChange); a replay writes nothing. */
export async function createReport(db: Db, actor: Actor, body: CreateReportBody, now: Date, transact: Transact<CreateOutcome>): Promise<CreateOutcome> {
  const earlier = await replay(db, actor, body.clientRequestId);
  if (earlier) return earlier;

  const b = await db.beneficiary.findFirst({
    where: { AND: [{ id: body.beneficiaryId }, beneficiaryScope(actor)] },
    select: { id: true, centreId: true, diagnosis: true, fullName: true },
  });
  if (!b) throw notFound('beneficiary');
  const redFlag = isRedFlag(body.category);
  // Technicians see no clinical detail, so they neither record nor see clinical signs.
  if (redFlag && actor.role === 'technician') throw forbidden('a therapist records pain, skin and hydrocephalus signs');
  if (!reportCategoriesFor(b.diagnosis).includes(body.category)) {
    throw invalid('this sign is asked about only for hydrocephalus', [{ path: ['category'], message: 'not for this beneficiary', code: 'custom' }]);
  }
  const device = await db.device.findFirst({ where: { beneficiaryId: b.id, status: 'in_use' }, select: { id: true }, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] });

  try {
    return await transact(async (tx) => {
      const report = await tx.issueReport.create({
        data: {
          beneficiaryId: b.id,
          deviceId: device?.id ?? null,
          reportedById: actor.id,
          category: body.category,
          description: body.description ?? null,
          redFlag,
          status: 'new',
          clientRequestId: body.clientRequestId,
          createdAt: now,
          updatedAt: now,
          events: { create: { status: 'new', byUserId: actor.id, at: now } },
        },
        select: { id: true },
      });
      const link = `/reports/${report.id}`;
      const params = { reportId: report.id, category: body.category, beneficiary: b.fullName };
      const others = (ids: string[]) => ids.filter((u) => u !== actor.id);
      if (redFlag) {
        // Details hold ids and the category only, never the family's words.
        // Raised through the maintenance service; the report's own audit row (report.create) covers it.
        await raiseAlert({ tx, now }, {
          centreId: b.centreId, deviceId: device?.id ?? null, beneficiaryId: b.id, kind: 'red_flag', severity: 'critical',
          details: { reportId: report.id, category: body.category },
        });
        // One urgent notification instead of report_new: the same people, told once. Technicians
        // learn that something urgent and clinical came in, never the sign (nor a link they cannot open).
        const clinical = others(await centreStaff(tx, b.centreId, ['therapist', 'manager']));
        await notify(tx, { userIds: clinical, kind: 'report_red_flag', params, link, urgent: true, now });
        const workshop = others(await centreStaff(tx, b.centreId, ['technician']));
        const { category: _sign, ...unsigned } = params;
        await notify(tx, { userIds: workshop, kind: 'report_red_flag', params: unsigned, link: '/reports?redFlag=true', urgent: true, now });
      } else {
        const staff = others(await centreStaff(tx, b.centreId, centreStaffRoles));
        await notify(tx, { userIds: staff, kind: 'report_new', params, link, now });
      }
      // Staff logging a report for a family: the family is told it exists.
      if (actor.role !== 'family') {
        await notify(tx, { userIds: others(await familyOf(tx, b.id)), kind: 'report_status', params: { ...params, status: 'new' }, link, now });
      }
      return { id: report.id, created: true, centreId: b.centreId, redFlag };
    });
  } catch (err) {
    // Two resends racing: the unique clientRequestId lets one through; the other answers like a replay.
    if (isUniqueViolation(err)) {
      const raced = await replay(db, actor, body.clientRequestId);
      if (raced) return raced;
    }
    throw err;
  }
}
