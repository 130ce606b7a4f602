// The signed-in person's own account: their sessions (list, end one, sign out everywhere) and a
// password change that ends their other sessions. Every write is audited.
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { clearSessionCookie } from '../http/cookies.ts';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import { assertStrongPassword } from '../auth/password-policy.ts';
import { auditFrom } from '../http/audit.ts';
import { createRouter } from '../http/router.ts';
import { ApiError, invalid, notFound } from '../lib/errors.ts';
import * as routes from './account.routes.ts';
import { deviceOf } from './user-agent.ts';
import { actorOf } from '../http/access.ts';

/** Wrong current passwords per account before a pause: a stolen session must not become a way to guess it. */
const PASSWORD_CHECKS = { points: 5, duration: 15 * 60 };

export function accountRoutes() {
  const app = createRouter();
  const passwordChecks = new RateLimiterMemory(PASSWORD_CHECKS);

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
    if (!(await sessions.revokeOne(actor.id, id))) throw notFound('session');
    if (id === c.get('sessionId')) clearSessionCookie(c, config.trustProxy);
    await auditFrom(c, { action: 'session.end', entityType: 'Session', entityId: id, details: { userId: actor.id, own: id === c.get('sessionId') } });
    return c.json({ ok: true as const }, 200);
  });

  app.openapi(routes.signOutEverywhere, async (c) => {
    const { sessions, config } = c.get('deps');
    const actor = actorOf(c);
    const endedSessions = await sessions.revokeAllFor(actor.id);
    clearSessionCookie(c, config.trustProxy);
    await auditFrom(c, { action: 'auth.sign_out_everywhere', entityType: 'User', entityId: actor.id, centreId: actor.centreId, details: { endedSessions } });
    return c.json({ ok: true as const, endedSessions }, 200);
  });

  app.openapi(routes.changePassword, async (c) => {
    const { currentPassword, newPassword } = c.req.valid('json');
    const { db, sessions } = c.get('deps');
    const actor = actorOf(c);
    // Counted before the (slow) check, so parallel guesses cannot all pass the limit.
    try {
      await passwordChecks.consume(actor.id);
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      c.header('Retry-After', String(Math.ceil(e.msBeforeNext / 1000)));
      throw new ApiError(429, 'rate_limited', 'too many wrong passwords; try again later');
    }
    const user = await db.user.findUniqueOrThrow({ where: { id: actor.id } });
    if (!(await verifyPassword(currentPassword, user.passwordHash))) {
      throw invalid('the current password is wrong', [{ path: ['currentPassword'], message: 'wrong password', code: 'wrong_password' }]);
    }
    await passwordChecks.delete(actor.id);
    assertStrongPassword(newPassword, [user.email, user.name], 'newPassword');
    await db.user.update({ where: { id: actor.id }, data: { passwordHash: await hashPassword(newPassword) } });
    const endedSessions = await sessions.revokeOthers(actor.id, c.get('sessionId'));
    await auditFrom(c, { action: 'user.password_change', entityType: 'User', entityId: actor.id, centreId: actor.centreId, details: { endedSessions } });
    return c.json({ ok: true as const, endedSessions }, 200);
  });

  return app;
}
