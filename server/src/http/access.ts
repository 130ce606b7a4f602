// HTTP side of authorisation: the route-access middleware, the request's actor, and the audit of withheld reads.
import type { Context, MiddlewareHandler } from 'hono';
import type { Actor } from '../access/actor.ts';
import { collectWithheldReads } from '../access/health-data.ts';
import { type Access, checkAccess } from '../access/policy.ts';
import { unauthenticated } from '../lib/errors.ts';
import { auditFrom } from './audit.ts';
import type { AppEnv } from './types.ts';

export function accessMiddleware(access: Access): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    checkAccess(access, c.get('actor'));
    await next();
  };
}

/** The signed-in actor; routes behind accessMiddleware always have one. */
export function actorOf(c: Context<AppEnv>): Actor {
  const actor = c.get('actor');
  if (!actor) throw unauthenticated();
  return actor;
}

/**
 * Writes one `health_data.read_withheld` audit row per person whose withheld record an admin was
 * shown by a successful request (after the handler, before the answer leaves).
 */
export const withheldReadAudit: MiddlewareHandler<AppEnv> = async (c, next) => {
  const actor = c.get('actor');
  if (actor?.role !== 'admin') return next();
  const seen = collectWithheldReads(actor);
  await next();
  if (c.res.status >= 400 || seen.size === 0) return;
  const route = `${c.req.method} ${c.req.path}`;
  for (const [id, centreId] of seen) {
    await auditFrom(c, { action: 'health_data.read_withheld', entityType: 'Beneficiary', entityId: id, centreId, details: { route } });
  }
};
