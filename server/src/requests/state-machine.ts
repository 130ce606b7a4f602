// The WHO pathway as a transition table: which state may follow which, and which roles may make
// each move. Pure data and functions; the route enforces them, the unit tests check every pair.
import { clinicalWriterRoles, managementRoles, type Role } from '../../../schemas/common.ts';
import { requestStates, type RequestState } from '../../../schemas/requests.ts';

/** Every allowed move. `fitted → prepared` is the refit loop; in_use, rejected and cancelled end. */
export const transitions: Readonly<Record<RequestState, readonly RequestState[]>> = {
  referred: ['assessed', 'cancelled'],
  assessed: ['prescribed', 'cancelled'],
  prescribed: ['approved', 'rejected', 'cancelled'],
  approved: ['ordered', 'cancelled'],
  ordered: ['prepared', 'cancelled'],
  prepared: ['fitted', 'cancelled'],
  fitted: ['trained', 'prepared', 'cancelled'],
  trained: ['in_use', 'cancelled'],
  in_use: [],
  rejected: [],
  cancelled: [],
};

export const terminalStates: readonly RequestState[] = requestStates.filter((s) => transitions[s].length === 0);
export const openStates: readonly RequestState[] = requestStates.filter((s) => transitions[s].length > 0);


/**
 * Who may move a request into each state: therapists do the clinicalWriterRoles and delivery steps, the centre
 * manager decides funding and may cancel; admins may do everything. `referred` is only ever the
 * first state (a new request), never a move.
 */
export const rolesFor: Readonly<Record<RequestState, readonly Role[]>> = {
  referred: [],
  assessed: clinicalWriterRoles,
  prescribed: clinicalWriterRoles,
  approved: managementRoles,
  rejected: managementRoles,
  ordered: clinicalWriterRoles,
  prepared: clinicalWriterRoles,
  fitted: clinicalWriterRoles,
  trained: clinicalWriterRoles,
  in_use: clinicalWriterRoles,
  cancelled: managementRoles,
};

export function isAllowed(from: RequestState, to: RequestState): boolean {
  return transitions[from].includes(to);
}

export type TransitionCheck =
  | { ok: true }
  | { ok: false; reason: 'illegal'; message: string }
  | { ok: false; reason: 'forbidden'; message: string };

const list = (xs: readonly string[]) => (xs.length === 0 ? 'nothing: the request is closed' : xs.join(' or '));

/** Whether `role` may move a request from `from` to `to`, with the reason in words when not. */
export function checkTransition(from: RequestState, to: RequestState, role: Role): TransitionCheck {
  if (!isAllowed(from, to)) {
    return { ok: false, reason: 'illegal', message: `a request that is ${from} cannot become ${to}; it can next become ${list(transitions[from])}` };
  }
  if (!rolesFor[to].includes(role)) {
    return { ok: false, reason: 'forbidden', message: `a ${role} may not move a request to ${to}` };
  }
  return { ok: true };
}

/** The next states this role may choose from, for the web's step buttons. */
export function nextStatesFor(from: RequestState, role: Role): RequestState[] {
  return transitions[from].filter((to) => rolesFor[to].includes(role));
}

export const isOpen = (state: RequestState) => transitions[state].length > 0;
