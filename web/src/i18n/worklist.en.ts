// English: a therapist's or technician's worklist of follow-ups, appointments and open requests; the type demands exactly the keys of worklist.id.ts.
import type { worklistId } from './worklist.id.ts';

export const worklistEn: Record<keyof typeof worklistId, string> = {
  'worklist.title': 'Worklist',
  'worklist.followUps': 'Follow-ups',
  'worklist.overdueCount': 'Overdue: {count}',
  'worklist.noFollowUps': 'No open follow-ups.',
  'worklist.appointments': 'Appointments in the next 7 days',
  'worklist.noAppointments': 'No appointments this week.',
  'worklist.assessmentVisit': 'assessment',
  'worklist.followUpVisit': 'follow-up',
  'worklist.openRequests': 'Open requests by step',
  'worklist.noRequests': 'No open requests.',
};
