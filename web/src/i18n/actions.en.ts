// English words for consequential actions (spread into en.ts; the same keys as actions.id.ts).
import type { actionsId } from './actions.id.ts';

export const actionsEn: Record<keyof typeof actionsId, string> = {
  'signOut.unsent.title': '{count} reports have not been sent yet',
  'signOut.unsent.consequence': 'These reports are still stored on this device and have not reached the centre. If you sign out now, they are deleted from this device and will not be sent.',
  'signOut.unsent.confirm': 'Delete the reports and sign out',
  'signOut.unsent.keep': 'Stay signed in',
  'error.reason.refit_needed': 'The last fitting found a problem (size, posture, pressure or movement). Send the chair for a refit first, then train the user.',
  'error.reason.open_request_exists': 'This person already has a request in progress. Continue or cancel that one rather than starting a second.',
  'error.reason.request_changed': 'Someone else changed this request just now. Reload the page, then try again.',
  'error.way.openRequest': 'Open the request in progress',
  'error.way.refit': 'Send for refit',
  'error.way.reload': 'Reload',
  'requests.noStepForYou': 'Nothing for you to do here now; the next step is the therapist\'s.',
  'requests.cancel.open': 'Cancel the request…',
  'requests.cancel.back': 'Back to the next step',
  'requests.cancel.title': 'Cancel the request for {name}?',
  'requests.cancel.consequence': 'The request stops here and cannot be continued. A chair already prepared goes back to stock. Starting again needs a new referral.',
  'requests.cancel.confirm': 'Yes, cancel the request',
  'requests.cancel.keep': 'Do not cancel',
  'requests.fitProblem.title': 'Record the fitting with a problem?',
  'requests.fitProblem.consequence': 'Not ticked: {checks}. The fitting is recorded with a problem, and the chair must be refitted before the user is trained.',
  'requests.fitProblem.confirm': 'Record with a problem',
  'requests.fitProblem.keep': 'Check the list again',
};
