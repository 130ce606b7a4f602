// The one authorisation layer: role rules per route (declared with the route) and object-level
// scoping (centre for staff, linked beneficiaries for families) used by every query.
import type { Prisma } from '@prisma/client';
import type { Context, MiddlewareHandler } from 'hono';
import { centreStaffRoles, clinicalRoles, inRoles, type Role } from '../../../schemas/common.ts';
import { forbidden, invalid, notFound, unauthenticated } from '../lib/errors.ts';
import type { Actor, AppEnv } from '../http/types.ts';

/** Who may call a route: 'public', or the roles allowed (object scoping still applies inside). */
export type Access = 'public' | readonly Role[];

export function accessMiddleware(access: Access): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (access !== 'public') {
      const actor = c.get('actor');
      if (!actor) throw unauthenticated();
      if (!access.includes(actor.role)) throw forbidden();
    }
    await next();
  };
}

/** The signed-in actor; routes behind accessMiddleware always have one. */
export function actorOf(c: Context<AppEnv>): Actor {
  const actor = c.get('actor');
  if (!actor) throw unauthenticated();
  return actor;
}

export const isStaff = (a: Actor) => inRoles(centreStaffRoles, a.role);

/** Clinical detail (diagnosis, CP/hydrocephalus profiles, assessments) is for therapists, managers and admins. */
export const canSeeClinical = (a: Actor) => inRoles(clinicalRoles, a.role);

export function beneficiaryScope(a: Actor): Prisma.BeneficiaryWhereInput {
  if (a.role === 'admin') return {};
  if (a.role === 'family') return { id: { in: a.beneficiaryIds } };
  return { centreId: a.centreId ?? '__none__' };
}

/** Throws 404 (not 403) for an object outside the actor's scope, so ids cannot be probed. */
export function assertCentre(a: Actor, centreId: string, what = 'resource') {
  if (a.role === 'admin') return;
  if (a.role === 'family' || a.centreId !== centreId) throw notFound(what);
}

/** The centre a staff member acts in; admins must name one. */
export function centreForWrite(a: Actor, requested: string | undefined): string {
  if (a.role === 'admin') {
    if (!requested) throw invalid('admins must name the centre', [{ path: ['centreId'], message: 'admins must name the centre', code: 'custom' }]);
    return requested;
  }
  if (!a.centreId) throw forbidden('your account has no centre');
  if (requested && requested !== a.centreId) throw notFound('centre');
  return a.centreId;
}
