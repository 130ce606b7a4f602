// What each staff role's Home shows: the counts of its own work, each a link to the list behind it.
import { z } from 'zod';

const count = (what: string) => z.number().int().nonnegative().optional().describe(what);

export const HomeSummary = z
  .object({
    redFlags: count('open red-flag reports (therapists, managers, admins; technicians see them as urgent, clinical)'),
    urgentAlerts: count('uncleared critical alerts the reader may see'),
    overdueFollowUps: count('open follow-ups past their due day: a therapist\'s own, the centre\'s for managers'),
    appointmentsThisWeek: count('a therapist\'s appointments and follow-ups due in the next seven days'),
    approvalsWaiting: count('requests prescribed and waiting for a funding decision (managers, admins)'),
    openWorkOrders: count('work orders not yet resolved or cancelled (technicians, managers)'),
    dueWorkOrders: count('open work orders whose visit is today or already past (technicians)'),
    beneficiaries: count('beneficiaries in scope (managers, admins)'),
    staff: count('accounts in scope (managers: the centre\'s staff; admins: every account)'),
    centres: count('centres (admins)'),
  })
  .meta({ id: 'HomeSummary' });
export type HomeSummary = z.infer<typeof HomeSummary>;
