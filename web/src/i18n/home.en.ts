// English: the home page summary; the type demands exactly the keys of home.id.ts.
import type { homeId } from './home.id.ts';

export const homeEn: Record<keyof typeof homeId, string> = {
  'home.title': 'Home',
  'home.welcome': 'Welcome, {name}',
  'home.summary': 'Summary',
  'home.beneficiaries': 'Beneficiaries',
  'home.centres': 'Centres',
  'home.users': 'Users',
  'home.staff': 'Centre staff',
  'home.yourWork': 'Your work',
  'home.needsAction': 'Needs action',
  'home.redFlags': 'Open red-flag reports',
  'home.urgentAlerts': 'Urgent alerts',
  'home.dueWorkOrders': 'Work orders due today or overdue',
  'home.approvalsWaiting': 'Requests waiting for a funding decision',
  'home.overdueFollowUps': 'Overdue follow-ups',
  'home.appointmentsThisWeek': 'Appointments in the next 7 days',
  'home.openWorkOrders': 'Open work orders',
  'home.familyEmpty': 'No beneficiary is linked to your account yet. Please contact your centre.',
  'home.start.centres': 'No centres yet. First step: load the ATENSI programme\'s centre list or add a centre.',
  'home.start.centresLink': 'Go to centres',
  'home.start.users': 'No centre staff yet. Next step: invite a centre manager, therapists, technicians and families.',
  'home.start.team': 'Invite your centre\'s therapists, technicians and families; each sets their own password through an invitation link.',
  'home.start.usersLink': 'Go to users',
};
