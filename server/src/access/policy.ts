// The one authorisation layer: role rules per route (declared with the route, enforced through
// checkAccess), role predicates and centre checks; object scoping per query is in scopes.ts.
import type { Prisma } from '@prisma/client';
import type { Role } from '../../../schemas/common.ts';
import { forbidden, invalid, notFound, unauthenticated } from '../lib/errors.ts';
import type { Actor } from './actor.ts';

/** Who may call a route: 'public', or the roles allowed (object scoping still applies inside). */
export type Access = 'public' | readonly Role[];

/** Throws 401 without an actor and 403 for a role the route does not allow. */
export function checkAccess(access: Access, actor: Actor | null): void {
  if (access === 'public') return;
  if (!actor) throw unauthenticated();
  if (!access.includes(actor.role)) throw forbidden();
}


export const isStaff = (a: Actor) => a.role === 'manager' || a.role === 'therapist' || a.role === 'technician';

/** Clinical detail (diagnosis, CP/hydrocephalus profiles, assessments) is for therapists, managers and admins. */
export const canSeeClinical = (a: Actor) => a.role === 'admin' || a.role === 'manager' || a.role === 'therapist';

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
