// Sign-in, sign-out and the signed-in user's own record.
import { createRouter } from '../http/router.ts';
import type { Me } from '../../../schemas/auth.ts';
import type { Locale, Role } from '../../../schemas/common.ts';
import type { Db } from '../../../core/db/client.ts';
import { auditedChange } from '../http/audit.ts';
import { ApiError } from '../lib/errors.ts';
import { clientIp } from '../http/middleware.ts';
import type { AppEnv } from '../http/types.ts';
import { clearSessionCookie, writeSessionCookie } from '../http/cookies.ts';
import { admitLogin, loginSucceeded } from '../sessions/login-limit.ts';
import { dummyPasswordHash, verifyPassword } from './password.ts';
import * as routes from './auth.routes.ts';
import { actorOf } from '../http/access.ts';

export async function loadMe(db: Db, userId: string): Promise<Me> {
  const u = await db.user.findUniqueOrThrow({
    where: { id: userId },
    include: { centre: true, familyLinks: { select: { beneficiaryId: true } } },
  });
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role as Role,
    locale: u.locale as Locale,
    centre: u.centre ? { id: u.centre.id, code: u.centre.code, name: u.centre.name } : null,
    beneficiaryIds: u.role === 'family' ? u.familyLinks.map((l) => l.beneficiaryId) : [],
  };
}

export function authRoutes() {
  const app = createRouter();

  app.openapi(routes.login, async (c) => {
    const { db, sessions, audit, loginLimiters, config } = c.get('deps');
    const { email, password } = c.req.valid('json');
    const address = clientIp(c);
    const requestId = c.get('requestId');
    // Refusals are counted per key and login window, one audit row each (not one per attempt).
    const windowMs = config.loginWindowMinutes * 60_000;

    const admission = await admitLogin(loginLimiters, email, address);
    if (!admission.ok) {
      // Only the account limit names an account: an address out of attempts costs no lookup.
      const target = admission.by === 'account' ? await db.user.findUnique({ where: { email }, select: { id: true } }) : null;
      await audit.recordAggregate(
        { action: 'auth.login_blocked', actorId: target?.id ?? null, requestId, details: { reason: 'rate_limited', limit: admission.by } },
        { key: `${admission.by}:${target?.id ?? '-'}`, windowMs },
      );
      c.header('Retry-After', String(admission.retryAfterSeconds));
      throw new ApiError(429, 'rate_limited', `too many sign-in attempts; try again in ${Math.ceil(admission.retryAfterSeconds / 60)} min`);
    }

    const user = await db.user.findUnique({ where: { email } });
    const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
    if (!user || !ok || user.disabled) {
      const reason = !user ? 'unknown_account' : user.disabled ? 'disabled' : 'wrong_password';
      await audit.recordAggregate(
        { action: 'auth.login_failed', actorId: user?.id ?? null, requestId, details: { reason } },
        { key: `${user?.id ?? '-'}:${reason}`, windowMs },
      );
      throw new ApiError(401, 'unauthenticated', 'email or password is wrong');
    }

    await loginSucceeded(loginLimiters, email, address);
    const token = await auditedChange(
      c,
      async (tx) => {
        const t = await sessions.create(user.id, tx);
        await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: c.get('deps').clock.now() } });
        return t;
      },
      () => ({ action: 'auth.login', actorId: user.id, actorRole: user.role, centreId: user.centreId }),
    );
    writeSessionCookie(c, token, Math.floor(sessions.ttlMs / 1000), config.trustProxy);
    return c.json(await loadMe(db, user.id), 200);
  });

  app.openapi(routes.logout, async (c) => {
    const { sessions, config } = c.get('deps');
    const token = c.get('sessionToken');
    const actor = c.get('actor');
    // No session, nothing to record: a signed-out caller only gets the cookie cleared.
    await auditedChange(
      c,
      async (tx) => {
        if (token) await sessions.revoke(token, tx);
      },
      () => (actor ? { action: 'auth.logout' } : null),
    );
    clearSessionCookie(c, config.trustProxy);
    return c.json({ ok: true as const }, 200);
  });

  app.openapi(routes.me, async (c) => c.json(await loadMe(c.get('deps').db, actorOf(c).id), 200));

  app.openapi(routes.updateMe, async (c) => {
    const { db } = c.get('deps');
    const actor = actorOf(c);
    const body = c.req.valid('json');
    await auditedChange(
      c,
      (tx) => tx.user.update({ where: { id: actor.id }, data: body }),
      () => ({ action: 'user.update_self', entityType: 'User', entityId: actor.id, details: { fields: Object.keys(body) } }),
    );
    return c.json(await loadMe(db, actor.id), 200);
  });

  return app;
}
