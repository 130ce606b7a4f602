// Invitations: a random one-time token (only its SHA-256 stored) by which an invited person sets
// their own password; a new invitation revokes the account's open ones, and so does disabling it.
import { randomBytes } from 'node:crypto';
import type { Tx } from '../../../core/db/client.ts';
import { INVITATION_PATH, INVITATION_VALID_DAYS, type InvitationLink } from '../../../schemas/invitations.ts';
import { hashToken } from '../sessions/sessions.service.ts';

const DAY_MS = 86_400_000;

/** Revokes the account's invitations that are neither used nor revoked; how many were open. */
export async function revokeOpenInvitations(tx: Tx, userId: string, now: Date): Promise<number> {
  return (await tx.invitation.updateMany({ where: { userId, usedAt: null, revokedAt: null }, data: { revokedAt: now } })).count;
}

/** A new invitation for the account (older open ones revoked); the link holds the token, shown once. */
export async function issueInvitation(tx: Tx, userId: string, createdById: string | null, now: Date) {
  const revoked = await revokeOpenInvitations(tx, userId, now);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + INVITATION_VALID_DAYS * DAY_MS);
  const row = await tx.invitation.create({ data: { userId, tokenHash: hashToken(token), expiresAt, createdById, createdAt: now } });
  const link: InvitationLink = { path: `${INVITATION_PATH}${token}`, expiresAt: expiresAt.toISOString() };
  return { id: row.id, link, revoked };
}

export type InvitationState = 'open' | 'used' | 'expired' | 'revoked';

/** Why an invitation can or cannot be accepted now; a disabled account's invitation counts as revoked. */
export function invitationState(inv: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date; user: { disabled: boolean } }, now: Date): InvitationState {
  if (inv.usedAt) return 'used';
  if (inv.revokedAt || inv.user.disabled) return 'revoked';
  if (inv.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'open';
}

/** The invitation of a token, with who is invited; null for an unknown token. */
export function findInvitation(tx: Tx, token: string) {
  return tx.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: { select: { id: true, email: true, name: true, role: true, centreId: true, disabled: true, passwordHash: true, centre: { select: { name: true } } } } },
  });
}

/**
 * Marks the invitation used and sets the account's password, only if it is still open at `now`
 * (checked in the write itself, so two parallel accepts cannot both succeed); false otherwise.
 */
export async function consumeInvitation(tx: Tx, invitationId: string, userId: string, passwordHash: string, now: Date): Promise<boolean> {
  const used = await tx.invitation.updateMany({
    where: { id: invitationId, usedAt: null, revokedAt: null, expiresAt: { gt: now }, user: { disabled: false } },
    data: { usedAt: now },
  });
  if (used.count !== 1) return false;
  await tx.user.update({ where: { id: userId }, data: { passwordHash } });
  await revokeOpenInvitations(tx, userId, now);
  return true;
}
