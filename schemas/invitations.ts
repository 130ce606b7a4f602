// Invitations: the one-time link by which an invited person sets their own password (no one types
// a password for someone else), and what its public page may show.
import { z } from 'zod';
import { Role } from './common.ts';
import { Password } from './password.ts';
import { User } from './users.ts';

/** How long an invitation link works; a new one can be sent at any time (it replaces the old). */
export const INVITATION_VALID_DAYS = 7;

/** The web page an invitation link opens; the token follows it. */
export const INVITATION_PATH = '/invite/';

/** The link, shown once to whoever invited: only its SHA-256 is stored. */
export const InvitationLink = z
  .object({ path: z.string().describe('the page to open, /invite/<token>; shown only in this answer'), expiresAt: z.string() })
  .meta({ id: 'InvitationLink' });
export type InvitationLink = z.infer<typeof InvitationLink>;

export const InvitedAccount = z.object({ user: User, invitation: InvitationLink }).meta({ id: 'InvitedAccount' });
export type InvitedAccount = z.infer<typeof InvitedAccount>;

/** Who is invited: name, role and centre, nothing else (the link may be seen over a shoulder). */
export const InvitationView = z
  .strictObject({ name: z.string(), role: Role, centre: z.object({ name: z.string() }).nullable() })
  .meta({ id: 'InvitationView' });
export type InvitationView = z.infer<typeof InvitationView>;

export const InvitationParams = z.object({ token: z.string().min(1).max(200) });

export const AcceptInvitationBody = z.strictObject({ password: Password });
export type AcceptInvitationBody = z.infer<typeof AcceptInvitationBody>;
