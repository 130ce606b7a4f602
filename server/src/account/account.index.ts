// The signed-in person's own account: their sessions (list, end one, sign out everywhere) and a
// password change that ends their other sessions. Every write is audited.
import { clearSessionCookie } from '../http/cookies.ts';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import { assertStrongPassword } from '../auth/password-policy.ts';
import { auditedChange } from '../http/audit.ts';
import { createRouter } from '../http/router.ts';
import { ApiError, invalid, notFound } from '../lib/errors.ts';
import * as routes from './account.routes.ts';
import { deviceOf } from './user-agent.ts';
import { actorOf } from '../http/access.ts';
import { take } from '../sessions/login-limit.ts';

export function accountRoutes() {
  const app = createRouter();

  app.openapi(routes.listSessions, async (c) => {
    const rows = await c.get('deps').sessions.listFor(actorOf(c).id);
    const current = c.get('sessionId');
    const items = rows.map((s) => ({
      id: s.id,
      device: deviceOf(s.userAgent),
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      current: s.id === current,
    }));
    return c.json({ items }, 200);
  });

  app.openapi(routes.endSession, async (c) => {
    const { id } = c.req.valid('param');
    const { sessions, config } = c.get('deps');
    const actor = actorOf(c);
    const own = id === c.get('sessionId');
    await auditedChange(
      c,
      async (tx) => {
        if (!(await sessions.revokeOne(actor.id, id, tx))) throw notFound('session');
      },
      () => ({ action: 'session.end', entityType: 'Session', entityId: id, details: { userId: actor.id, own } }),
    );
    if (own) clearSessionCookie(c, config.trustProxy);
    return c.json({ ok: true as const }, 200);
  });

  app.openapi(routes.signOutEverywhere, async (c) => {
    const { sessions, config } = c.get('deps');
    const actor = actorOf(c);
    const endedSessions = await auditedChange(
      c,
      (tx) => sessions.revokeAllFor(actor.id, tx),
      (ended) => ({ action: 'auth.sign_out_everywhere', entityType: 'User', entityId: actor.id, centreId: actor.centreId, details: { endedSessions: ended } }),
    );
    clearSessionCookie(c, config.trustProxy);
    return c.json({ ok: true as const, endedSessions }, 200);
  });

  app.openapi(routes.changePassword, async (c) => {
    const { currentPassword, newPassword } = c.req.valid('json');
    const { db, sessions, loginLimiters } = c.get('deps');
    const { passwordChecks } = loginLimiters;
    const actor = actorOf(c);
    // Counted before the (slow) check, so parallel guesses cannot all pass the limit.
    const wait = await take(passwordChecks, actor.id);
    if (wait !== null) {
      c.header('Retry-After', String(wait));
      throw new ApiError(429, 'rate_limited', 'too many wrong passwords; try again later');
    }
    const user = await db.user.findUniqueOrThrow({ where: { id: actor.id } });
    if (!user.passwordHash || !(await verifyPassword(currentPassword, user.passwordHash))) {
      throw invalid('the current password is wrong', [{ path: ['currentPassword'], message: 'wrong password', code: 'wrong_password' }]);
    }
    await passwordChecks.delete(actor.id);
    assertStrongPassword(newPassword, [user.email, user.name], 'newPassword');
    const passwordHash = await hashPassword(newPassword);
    const endedSessions = await auditedChange(
      c,
      async (tx) => {
        await tx.user.update({ where: { id: actor.id }, data: { passwordHash } });
        return sessions.revokeOthers(actor.id, c.get('sessionId'), tx);
      },
      (ended) => ({ action: 'user.password_change', entityType: 'User', entityId: actor.id, centreId: actor.centreId, details: { endedSessions: ended } }),
    );
    return c.json({ ok: true as const, endedSessions }, 200);
  });

  return app;
}
