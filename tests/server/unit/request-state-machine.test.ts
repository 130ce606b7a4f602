// The pathway's transition table, checked pair by pair against the WHO steps written out by hand,
// and the roles allowed to make each move.
import { describe, expect, it } from 'vitest';
import { roles } from '../../../schemas/common.ts';
import { requestStates } from '../../../schemas/requests.ts';
import { checkTransition, isAllowed, isOpen, nextStatesFor, openStates, rolesFor, terminalStates } from '../../../server/src/requests/state-machine.ts';

/** The allowed moves, written independently of the module: the pathway, its exits and the refit loop. */
const expected = new Set([
  'referred>assessed', 'assessed>prescribed', 'prescribed>approved', 'approved>ordered', 'ordered>prepared',
  'prepared>fitted', 'fitted>trained', 'trained>in_use',
  'prescribed>rejected',
  'fitted>prepared',
  'referred>cancelled', 'assessed>cancelled', 'prescribed>cancelled', 'approved>cancelled', 'ordered>cancelled',
  'prepared>cancelled', 'fitted>cancelled', 'trained>cancelled',
]);

const allPairs = requestStates.flatMap((from) => requestStates.map((to) => [from, to] as const));

describe('the transition table', () => {
  it.each(allPairs)('%s → %s is allowed exactly when the pathway says so', (from, to) => {
    expect(isAllowed(from, to)).toBe(expected.has(`${from}>${to}`));
  });

  it('checks all 121 ordered pairs of the 11 states, 18 of them allowed', () => {
    expect(allPairs).toHaveLength(121);
    expect(allPairs.filter(([f, t]) => isAllowed(f, t))).toHaveLength(18);
  });

  it('no state moves to itself, and nothing ever returns to referred', () => {
    for (const s of requestStates) expect(isAllowed(s, s), s).toBe(false);
    for (const s of requestStates) expect(isAllowed(s, 'referred'), s).toBe(false);
  });

  it('in_use, rejected and cancelled end the pathway; everything else is open and may be cancelled', () => {
    expect([...terminalStates].sort()).toEqual(['cancelled', 'in_use', 'rejected']);
    expect(openStates).toHaveLength(8);
    for (const s of openStates) {
      expect(isOpen(s)).toBe(true);
      expect(isAllowed(s, 'cancelled'), s).toBe(true);
    }
  });
});

describe('checkTransition', () => {
  it.each(allPairs.filter(([f, t]) => !expected.has(`${f}>${t}`)))('%s → %s is illegal for everyone, with the next states named', (from, to) => {
    for (const role of roles) {
      const check = checkTransition(from, to, role);
      expect(check.ok).toBe(false);
      if (check.ok) return;
      expect(check.reason).toBe('illegal');
      expect(check.message).toContain(`${from} cannot become ${to}`);
    }
  });

  it('names what may come next, or that the request is closed', () => {
    const c = checkTransition('referred', 'approved', 'admin');
    expect(!c.ok && c.message).toBe('a request that is referred cannot become approved; it can next become assessed or cancelled');
    const closed = checkTransition('in_use', 'cancelled', 'admin');
    expect(!closed.ok && closed.message).toContain('nothing: the request is closed');
  });

  const roleTable: Record<string, string[]> = {
    assessed: ['admin', 'therapist'], prescribed: ['admin', 'therapist'], ordered: ['admin', 'therapist'], prepared: ['admin', 'therapist'],
    fitted: ['admin', 'therapist'], trained: ['admin', 'therapist'], in_use: ['admin', 'therapist'],
    approved: ['admin', 'manager'], rejected: ['admin', 'manager'], cancelled: ['admin', 'manager'],
  };

  it.each(allPairs.filter(([f, t]) => expected.has(`${f}>${t}`)))('%s → %s: only its roles may make it; technicians and families never', (from, to) => {
    for (const role of roles) {
      const check = checkTransition(from, to, role);
      const may = roleTable[to]!.includes(role);
      expect(check.ok, `${role}`).toBe(may);
      if (!check.ok) expect(check.reason).toBe('forbidden');
    }
  });

  it('the role table matches the module, and referred is nobody\'s move', () => {
    for (const [to, allowed] of Object.entries(roleTable)) expect([...rolesFor[to as keyof typeof rolesFor]].sort(), to).toEqual([...allowed].sort());
    expect(rolesFor.referred).toEqual([]);
  });

  it('nextStatesFor offers each role only the moves it may make', () => {
    expect(nextStatesFor('fitted', 'therapist')).toEqual(['trained', 'prepared']);
    expect(nextStatesFor('fitted', 'manager')).toEqual(['cancelled']);
    expect(nextStatesFor('prescribed', 'manager')).toEqual(['approved', 'rejected', 'cancelled']);
    expect(nextStatesFor('prescribed', 'admin')).toEqual(['approved', 'rejected', 'cancelled']);
    expect(nextStatesFor('prescribed', 'therapist')).toEqual([]);
    for (const s of requestStates) {
      expect(nextStatesFor(s, 'technician')).toEqual([]);
      expect(nextStatesFor(s, 'family')).toEqual([]);
    }
  });
});
