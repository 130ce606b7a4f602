// The counts on each staff role's Home, each through the same scope as the list it links to, so a
// number never counts what its reader cannot open: red flags and urgent alerts, overdue follow-ups and
// the week's appointments (therapists), approvals waiting (managers), open and due work orders (technicians).
import { centreStaffRoles } from '../../../schemas/common.ts';
import { openReportStatuses } from '../../../schemas/reports.ts';
import type { HomeSummary } from '../../../schemas/home.ts';
import { activeStatuses } from '../../../schemas/work-orders.ts';
import type { Db } from '../../../core/db/client.ts';
import type { Actor } from '../access/actor.ts';
import { followUpWhere } from '../follow-ups/follow-ups.service.ts';
import { buildWorklist } from '../follow-ups/worklist.service.ts';
import { centreEndOfToday } from '../../../schemas/centre-time.ts';
import { alertScope, beneficiaryScope, reportListScope, requestScope, userScope, workOrderScope } from '../access/scopes.ts';

export async function homeSummary(db: Db, actor: Actor, now: Date): Promise<HomeSummary> {
  const role = actor.role;
  const redFlags = () => db.issueReport.count({ where: { AND: [reportListScope(actor), { redFlag: true, status: { in: [...openReportStatuses] } }] } });
  const urgentAlerts = () => db.alert.count({ where: { AND: [alertScope(actor), { clearedAt: null, severity: 'critical' }] } });
  const overdueFollowUps = () => db.followUp.count({ where: followUpWhere(actor, { status: 'overdue', mine: role === 'therapist' ? 'true' : undefined }, now) });
  const openWork = { AND: [workOrderScope(actor), { status: { in: [...activeStatuses] } }] };
  const openWorkOrders = () => db.workOrder.count({ where: openWork });
  // Due: the visit is today (Western Indonesian Time, where the centres are) or already past.
  const endOfToday = centreEndOfToday(now);
  const dueWorkOrders = () => db.workOrder.count({ where: { AND: [openWork, { scheduledAt: { lt: endOfToday } }] } });
  const approvalsWaiting = () => db.deviceRequest.count({ where: { AND: [requestScope(actor), { state: 'prescribed' }] } });
  const beneficiaries = () => db.beneficiary.count({ where: beneficiaryScope(actor) });
  // A manager's count is of their centre's staff (the families they also see are not staff).
  const staff = () => db.user.count({ where: { AND: [userScope(actor), actor.role === 'admin' ? {} : { role: { in: [...centreStaffRoles] } }] } });

  if (role === 'therapist') {
    const [r, a, o, week] = await Promise.all([redFlags(), urgentAlerts(), overdueFollowUps(), buildWorklist(db, actor, now)]);
    return { redFlags: r, urgentAlerts: a, overdueFollowUps: o, appointmentsThisWeek: week.appointments.length };
  }
  if (role === 'technician') {
    const [o, d, a] = await Promise.all([openWorkOrders(), dueWorkOrders(), urgentAlerts()]);
    return { openWorkOrders: o, dueWorkOrders: d, urgentAlerts: a };
  }
  if (role === 'manager') {
    const [ap, r, a, o, w, b, s] = await Promise.all([approvalsWaiting(), redFlags(), urgentAlerts(), overdueFollowUps(), openWorkOrders(), beneficiaries(), staff()]);
    return { approvalsWaiting: ap, redFlags: r, urgentAlerts: a, overdueFollowUps: o, openWorkOrders: w, beneficiaries: b, staff: s };
  }
  const [ap, r, a, b, s, c] = await Promise.all([approvalsWaiting(), redFlags(), urgentAlerts(), beneficiaries(), staff(), db.centre.count()]);
  return { approvalsWaiting: ap, redFlags: r, urgentAlerts: a, beneficiaries: b, staff: s, centres: c };
}
