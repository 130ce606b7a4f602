// English words for consequential actions (spread into en.ts; the same keys as actions.id.ts).
import type { actionsId } from './actions.id.ts';

export const actionsEn: Record<keyof typeof actionsId, string> = {
  'signOut.unsent.title': '{count} reports have not been sent yet',
  'signOut.unsent.consequence': 'These reports are still stored on this device and have not reached the centre. If you sign out now, they are deleted from this device and will not be sent.',
  'signOut.unsent.confirm': 'Delete the reports and sign out',
  'signOut.unsent.keep': 'Stay signed in',
};
