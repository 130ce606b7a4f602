// Sign-in, sign-out and the signed-in user's own record.
import { createRouter } from '../http/router.ts';
import type { Me } from '../../../schemas/auth.ts';
import type { Locale, Role } from '../../../schemas/common.ts';
import { actorOf } from '../access/policy.ts';
import type { Db } from '../db/client.ts';
import { ApiError } from '../lib/errors.ts';
import { clientIp } from '../http/middleware.ts';
import type { AppEnv } from '../http/types.ts';
import { clearSessionCookie, writeSessionCookie } from './cookies.ts';
import { dummyPasswordHash, verifyPassword } from './password.ts';
import * as routes from './auth.routes.ts';
import pkg from '../../../package.json' with { type: 'json' };

const startedAt = Date.now();
const version = pkg.version;

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

function rateLimited(retryMs: number) {
  const err = new ApiError(429, 'rate_limited', `too many sign-in attempts; try again in ${Math.ceil(retryMs / 60000)} min`);
  return err;
}

export function authRoutes() {
  const app = createRouter();

  app.openapi(routes.health, async (c) => {
    await c.get('deps').db.$queryRaw`SELECT 1`;
    return c.json({ status: 'ok' as const, version, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) }, 200);
  });

  app.openapi(routes.login, async (c) => {
    const { db, sessions, audit, limiters } = c.get('deps');
    const { email, password } = c.req.valid('json');
    const ip = clientIp(c);
    const emailKey = email;
    const [byEmail, byIp] = await Promise.all([limiters.loginByEmail.get(emailKey), limiters.loginByIp.get(ip)]);
    const blocked = [byEmail, byIp].find((r) => r && r.remainingPoints <= 0);
    if (blocked) {
      c.header('Retry-After', String(Math.ceil(blocked.msBeforeNext / 1000)));
      await audit.record({ action: 'auth.login_blocked', requestId: c.get('requestId'), details: { reason: 'rate_limited' } });
      throw rateLimited(blocked.msBeforeNext);
    }

    const user = await db.user.findUnique({ where: { email } });
    const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
    if (!user || !ok || user.disabled) {
      await Promise.all([
        limiters.loginByEmail.penalty(emailKey).catch(() => undefined),
        limiters.loginByIp.penalty(ip).catch(() => undefined),
      ]);
      await audit.record({
        action: 'auth.login_failed',
        actorId: user?.id ?? null,
        requestId: c.get('requestId'),
        details: { reason: !user ? 'unknown_account' : user.disabled ? 'disabled' : 'wrong_password' },
      });
      throw new ApiError(401, 'unauthenticated', 'email or password is wrong');
    }

    await limiters.loginByEmail.delete(emailKey);
    const token = await sessions.create(user.id);
    await db.user.update({ where: { id: user.id }, data: { lastLoginAt: c.get('deps').clock.now() } });
    writeSessionCookie(c, token, Math.floor(sessions.ttlMs / 1000), c.get('deps').config.trustProxy);
    await audit.record({ action: 'auth.login', actorId: user.id, actorRole: user.role, centreId: user.centreId, requestId: c.get('requestId') });
    return c.json(await loadMe(db, user.id), 200);
  });

  app.openapi(routes.logout, async (c) => {
    const { sessions, audit, config } = c.get('deps');
    const token = c.get('sessionToken');
    const actor = c.get('actor');
    if (token) await sessions.revoke(token);
    clearSessionCookie(c, config.trustProxy);
    if (actor) await audit.record({ action: 'auth.logout', actorId: actor.id, actorRole: actor.role, requestId: c.get('requestId') });
    return c.json({ ok: true as const }, 200);
  });

  app.openapi(routes.me, async (c) => c.json(await loadMe(c.get('deps').db, actorOf(c).id), 200));

  app.openapi(routes.updateMe, async (c) => {
    const { db, audit } = c.get('deps');
    const actor = actorOf(c);
    const body = c.req.valid('json');
    await db.user.update({ where: { id: actor.id }, data: body });
    await audit.record({
      action: 'user.update_self',
      actorId: actor.id,
      actorRole: actor.role,
      entityType: 'User',
      entityId: actor.id,
      requestId: c.get('requestId'),
      details: { fields: Object.keys(body) },
    });
    return c.json(await loadMe(db, actor.id), 200);
  });

  return app;
}
