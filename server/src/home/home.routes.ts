// Route declaration for Home: the counts of each staff role's own work.
import { staffRoles } from '../../../schemas/common.ts';
import { HomeSummary } from '../../../schemas/home.ts';
import { defineRoute, json } from '../http/route.ts';

export const summary = defineRoute(staffRoles, {
  method: 'get',
  path: '/api/home',
  tags: ['home'],
  summary: 'The counts on the reader\'s Home, for their role and scope (families have their own Home)',
  description:
    'Therapists: red flags, urgent alerts, their overdue follow-ups and this week\'s appointments. Managers: approvals waiting, ' +
    'red flags, urgent alerts, overdue follow-ups, open work orders, beneficiaries and staff. Technicians: open and due work ' +
    'orders and urgent (non-clinical) alerts. Admins: national counts. Each counts only what the reader may open.',
  responses: { 200: json(HomeSummary, 'The counts') },
});
