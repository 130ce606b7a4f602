// Route declaration for Home: the counts of each staff role's own work.
import { HomeSummary } from '../../../schemas/home.ts';
import { json, routeGroup } from '../http/route.ts';
import { staffRoles } from '../../../schemas/common.ts';

const route = routeGroup('home');

export const summary = route.get(staffRoles, '/api/home', { 200: json(HomeSummary, 'The counts') },
  'The counts on the reader\'s Home, for their role and scope (families have their own Home)',
  'Therapists: red flags, urgent alerts, their overdue follow-ups and this week\'s appointments. Managers: approvals waiting, ' +
  'red flags, urgent alerts, overdue follow-ups, open work orders, beneficiaries and staff. Technicians: open and due work ' +
  'orders and urgent (non-clinical) alerts. Admins: national counts. Each counts only what the reader may open.');
