// English: the public invitation page; the type demands exactly the keys of invite.id.ts.
import type { inviteId } from './invite.id.ts';

export const inviteEn: Record<keyof typeof inviteId, string> = {
  'invite.title': 'Set your password',
  'invite.who': 'Invitation for {name} ({role})',
  'invite.intro': 'Choose your own password. No one else knows it, not even the centre\'s staff.',
  'invite.password': 'New password',
  'invite.submit': 'Save and sign in',
  'invite.gone': 'This invitation link was already used, has expired or was replaced. If you already set a password, sign in; if not, ask your centre for a new link.',
  'invite.unknown': 'This invitation link is not known. Check the link, or ask your centre for a new one.',
  'invite.toLogin': 'Go to sign-in',
};
