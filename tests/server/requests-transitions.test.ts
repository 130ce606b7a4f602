// Every pair of states through the API: each allowed move succeeds and is kept on the timeline with
// who and when; each illegal one is 409 with a clear message and changes nothing. Then who may make
// which move: the roles of the transition table, other centres, technicians and families.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestStates, type RequestState } from '../../schemas/requests.ts';
import { rolesFor, transitions } from '../../server/src/requests/state-machine.ts';
import { expectError, expectInvalid, expectJson, quickSession } from '../helpers/api.ts';
import { type Client, createHarness, type Harness } from '../helpers/harness.ts';
import { requestInState, stepBody } from '../helpers/pathway.ts';
import { EMAIL, loadWorld, type World } from '../helpers/world.ts';

let h: Harness;
let world: World;
let admin: Client;
let manager: Client;
let therapist: Client;
let technician: Client;
let family: Client;
let therapistB: Client;

beforeAll(async () => {
  h = await createHarness();
  world = await loadWorld(h);
  const s = (email: string) => quickSession(h, email);
  [admin, manager, therapist, technician, family, therapistB] = await Promise.all([
    s(EMAIL.admin), s(EMAIL.managerA), s(EMAIL.therapistA), s(EMAIL.technicianA), s(EMAIL.familyA1), s(EMAIL.therapistB),
  ]);
});
afterAll(() => h.close());

const targets = requestStates.filter((s) => s !== 'referred');

/** What an unchanged request looks like: its state, its transitions, its step records. */
async function snapshot(id: string) {
  const r = await h.db.prisma.deviceRequest.findUniqueOrThrow({
    where: { id },
    include: { transitions: true, assessments: true, prescription: true, funding: true, fittings: true, trainings: true, followUps: true },
  });
  return JSON.stringify(r);
}

describe('every allowed transition', () => {
  const pairs = requestStates.flatMap((from) => transitions[from].map((to) => [from, to] as const));

  it('covers the 18 moves of the table (pinned down by the unit tests)', () => {
    expect(pairs).toHaveLength(18);
  });

  it.each(pairs)('%s → %s succeeds for the admin and is recorded with who and when', async (from, to) => {
    const r = await requestInState(h, world.centreA, from);
    const before = Date.now();
    const res = await admin.post(`/api/requests/${r.id}/transitions`, await stepBody(h, to, from));
    const body = await expectJson(res);
    expect(body.request.state).toBe(to);
    const last = body.request.timeline.at(-1);
    expect(last).toMatchObject({ from, to, by: { id: world.user.admin } });
    expect(new Date(last.at).getTime()).toBeGreaterThanOrEqual(before - 1000);
    const row = await h.db.prisma.requestTransition.findFirstOrThrow({ where: { requestId: r.id, toState: to, fromState: from }, orderBy: { at: 'desc' } });
    expect(row.byUserId).toBe(world.user.admin);
  });
});

describe('every illegal transition', () => {
  const pairs = requestStates.flatMap((from) => targets.filter((to) => !transitions[from].includes(to)).map((to) => [from, to] as const));

  it('covers the 92 other pairs of a state and a target', () => {
    expect(pairs).toHaveLength(requestStates.length * targets.length - 18);
  });

  it.each(pairs)('%s → %s is 409 with a clear message, and nothing changes', async (from, to) => {
    const r = await requestInState(h, world.centreA, from);
    const before = await snapshot(r.id);
    const error = await expectError(await admin.post(`/api/requests/${r.id}/transitions`, await stepBody(h, to, from)), 409);
    expect(error.message).toContain(`${from} cannot become ${to}`);
    expect(await snapshot(r.id)).toBe(before);
  });

  it('referred is never a move (only the first state of a new request): 422', async () => {
    const r = await requestInState(h, world.centreA, 'assessed');
    await expectInvalid(await admin.post(`/api/requests/${r.id}/transitions`, { to: 'referred' }), ['to']);
  });
});

describe('who may make each move', () => {
  /** One legal move into each target, from the state just before it. */
  const fromFor: Record<Exclude<RequestState, 'referred'>, RequestState> = {
    assessed: 'referred', prescribed: 'assessed', approved: 'prescribed', rejected: 'prescribed', ordered: 'approved',
    prepared: 'ordered', fitted: 'prepared', trained: 'fitted', in_use: 'trained', cancelled: 'approved',
  };

  it.each(targets)('→ %s: the roles of the table succeed, the other centre staff role gets 403 and nothing changes', async (to) => {
    const from = fromFor[to];
    const allowed = rolesFor[to];
    for (const [role, client] of [['therapist', therapist], ['manager', manager]] as const) {
      const r = await requestInState(h, world.centreA, from);
      const res = await client.post(`/api/requests/${r.id}/transitions`, await stepBody(h, to, from));
      if (allowed.includes(role)) {
        expect((await expectJson(res)).request.state, role).toBe(to);
      } else {
        const before = await snapshot(r.id);
        const error = await expectError(res, 403);
        expect(error.message).toContain(`may not move a request to ${to}`);
        expect(await snapshot(r.id)).toBe(before);
      }
    }
  });

  it('a technician and a family may make no move at all (403), whatever the step', async () => {
    const r = await requestInState(h, world.centreA, 'prepared');
    const before = await snapshot(r.id);
    for (const client of [technician, family]) {
      for (const to of ['fitted', 'cancelled'] as const) {
        await expectError(await client.post(`/api/requests/${r.id}/transitions`, await stepBody(h, to, 'prepared')), 403);
      }
    }
    expect(await snapshot(r.id)).toBe(before);
  });

  it('a therapist of another centre gets 404, exactly like a missing request, and nothing changes', async () => {
    const r = await requestInState(h, world.centreA, 'referred');
    const before = await snapshot(r.id);
    const other = await expectError(await therapistB.post(`/api/requests/${r.id}/transitions`, await stepBody(h, 'assessed')), 404);
    const missing = await expectError(await therapistB.post('/api/requests/nosuchrequest123/transitions', await stepBody(h, 'assessed')), 404);
    expect(other.message).toBe(missing.message);
    expect(await snapshot(r.id)).toBe(before);
  });

  it('the detail offers each role exactly the moves it may make', async () => {
    const r = await requestInState(h, world.centreA, 'prescribed');
    const as = async (c: Client) => (await expectJson(await c.get(`/api/requests/${r.id}`))).allowedTransitions;
    expect(await as(admin)).toEqual(['approved', 'rejected', 'cancelled']);
    expect(await as(manager)).toEqual(['approved', 'rejected', 'cancelled']);
    expect(await as(therapist)).toEqual([]);
    expect(await as(technician)).toEqual([]);
    const fitted = await requestInState(h, world.centreA, 'fitted');
    expect((await expectJson(await therapist.get(`/api/requests/${fitted.id}`))).allowedTransitions).toEqual(['trained', 'prepared']);
  });
});
