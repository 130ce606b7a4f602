// English: the user list and user access; the type demands exactly the keys of users.id.ts.
import type { usersId } from './users.id.ts';

export const usersEn: Record<keyof typeof usersId, string> = {
  'users.title': 'Users',
  'users.titleStaff': 'Centre staff',
  'users.caption': 'List of users',
  'users.empty': 'No users yet.',
  'users.active': 'Active',
  'users.disabled': 'Disabled',
  'users.never': 'Never',
  'users.actions': 'Actions',
  'users.reset.button': 'Reset password',
  'users.reset.label': 'Reset the password of {name}',
  'users.reset.confirm': 'Reset the password of {name}? All their sessions end, and the old password stops working.',
  'users.reset.yes': 'Yes, reset',
  'users.reset.done': 'New password for {name}, shown only once. Give it to them in person; they can change it on My account.',
  'users.reset.doneLabel': 'New password for {name}',
  'users.reset.hide': 'Hide',
  'users.disable.button': 'Disable',
  'users.disable.label': 'Disable {name}',
  'users.disable.confirm': 'Disable {name}? All their sessions end at once and they cannot sign in.',
  'users.disable.yes': 'Yes, disable',
  'users.enable.button': 'Enable',
  'users.enable.label': 'Enable {name}',
};
