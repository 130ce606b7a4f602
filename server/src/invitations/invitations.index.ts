// Invitations: re-inviting an account (managers within their centre), and the public link page's
// two routes, rate-limited per address like sign-in; accepting sets the password and signs in.
import { type Context } from 'hono';
import { hashPassword } from '../auth/password.ts';
import { assertStrongPassword } from '../auth/password-policy.ts';
import { loadMe } from '../auth/auth.index.ts';
import { auditedChange } from '../http/audit.ts';
import { actorOf } from '../http/access.ts';
import { writeSessionCookie } from '../http/cookies.ts';
import { clientIp } from '../http/middleware.ts';
import { createRouter } from '../http/router.ts';
import type { AppEnv } from '../http/types.ts';
import { ApiError, conflict, notFound } from '../lib/errors.ts';
import { userManageScope } from '../access/scopes.ts';
import { admitPublicToken, publicTokenChecked } from '../sessions/login-limit.ts';
import type { Role } from '../../../schemas/common.ts';
import * as routes from './invitations.routes.ts';
import { consumeInvitation, findInvitation, invitationState, issueInvitation } from './invitations.service.ts';

const goneMessage = { used: 'this invitation was already used; sign in instead', expired: 'this invitation has expired; ask your centre for a new one', revoked: 'this invitation was replaced or withdrawn; ask your centre for a new one' } as const;

/** Counts the request against the caller's address before the token is looked up. */
async function admit(c: Context<AppEnv>) {
  const wait = await admitPublicToken(c.get('deps').loginLimiters, clientIp(c));
  if (wait === null) return;
  c.header('Retry-After', String(wait));
  throw new ApiError(429, 'rate_limited', 'too many attempts; try again later');
}

/** The open invitation of a token: 404 when unknown, 410 when used, expired or revoked. */
async function openInvitation(c: Context<AppEnv>, token: string) {
  const { db, clock } = c.get('deps');
  const inv = await findInvitation(db, token);
  if (!inv) throw notFound('invitation');
  const state = invitationState(inv, clock.now());
  if (state !== 'open') throw new ApiError(410, 'gone', goneMessage[state]);
  return inv;
}

export function invitationRoutes() {
  const app = createRouter();

  app.openapi(routes.reinvite, async (c) => {
    const { id } = c.req.valid('param');
    const { db, clock } = c.get('deps');
    const actor = actorOf(c);
    const user = await db.user.findFirst({ where: { AND: [{ id }, userManageScope(actor)] } });
    if (!user) throw notFound('user');
    if (user.disabled) throw conflict('enable the account before inviting it again');
    const issued = await auditedChange(
      c,
      (tx) => issueInvitation(tx, id, actor.id, clock.now()),
      (r) => ({ action: 'user.invite', entityType: 'User', entityId: id, centreId: user.centreId, details: { invitationId: r.id, revoked: r.revoked, again: true } }),
    );
    return c.json({ invitation: issued.link, revoked: issued.revoked }, 201);
  });

  app.openapi(routes.view, async (c) => {
    await admit(c);
    const inv = await openInvitation(c, c.req.valid('param').token);
    await publicTokenChecked(c.get('deps').loginLimiters, clientIp(c));
    return c.json({ name: inv.user.name, role: inv.user.role as Role, centre: inv.user.centre ? { name: inv.user.centre.name } : null }, 200);
  });

  app.openapi(routes.accept, async (c) => {
    await admit(c);
    const { token } = c.req.valid('param');
    const { password } = c.req.valid('json');
    const { db, clock, sessions, config } = c.get('deps');
    const inv = await openInvitation(c, token);
    await publicTokenChecked(c.get('deps').loginLimiters, clientIp(c));
    assertStrongPassword(password, [inv.user.email, inv.user.name], 'password');
    const passwordHash = await hashPassword(password);
    const user = inv.user;
    const session = await auditedChange(
      c,
      async (tx) => {
        const now = clock.now();
        if (!(await consumeInvitation(tx, inv.id, user.id, passwordHash, now))) throw new ApiError(410, 'gone', goneMessage.used);
        // A forgotten password replaced: whoever held the old one is signed out everywhere.
        const endedSessions = user.passwordHash ? await sessions.revokeAllFor(user.id, tx) : 0;
        await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
        return { token: await sessions.create(user.id, tx), endedSessions };
      },
      (r) => ({
        action: 'invitation.accept', actorId: user.id, actorRole: user.role, entityType: 'User', entityId: user.id, centreId: user.centreId,
        details: { invitationId: inv.id, endedSessions: r.endedSessions },
      }),
    );
    writeSessionCookie(c, session.token, Math.floor(sessions.ttlMs / 1000), config.trustProxy);
    return c.json(await loadMe(db, user.id), 200);
  });

  return app;
}
