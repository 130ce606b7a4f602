// Home's counts per role, each moving with the work it counts and blind to another centre's; and the
// therapist told when the manager approves funding.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageFor } from '../../core/notifications/messages.ts';
import { expectError, expectJson } from '../helpers/api.ts';
import { type Client, createHarness, type Harness } from '../helpers/harness.ts';
import { requestInState, stepBody } from '../helpers/pathway.ts';
import { EMAIL, loadWorld, type World } from '../helpers/world.ts';

let h: Harness;
let world: World;
let as: Record<'therapist' | 'tech' | 'manager' | 'admin' | 'family' | 'therapistB', Client>;

beforeAll(async () => {
  h = await createHarness();
  world = await loadWorld(h);
  const [therapist, tech, manager, admin, family, therapistB] = await Promise.all([
    h.as(EMAIL.therapistA), h.as(EMAIL.technicianA), h.as(EMAIL.managerA), h.as(EMAIL.admin), h.as(EMAIL.familyA1), h.as(EMAIL.therapistB),
  ]);
  as = { therapist, tech, manager, admin, family, therapistB };
});
afterAll(() => h.close());

const home = async (c: Client) => expectJson(await c.get('/api/home'));
const DAY = 86_400_000;

describe('GET /api/home', () => {
  it('gives each role the counts of its own work, and no others', async () => {
    expect(Object.keys(await home(as.therapist)).sort()).toEqual(['appointmentsThisWeek', 'overdueFollowUps', 'redFlags', 'urgentAlerts']);
    expect(Object.keys(await home(as.tech)).sort()).toEqual(['dueWorkOrders', 'openWorkOrders', 'urgentAlerts']);
    expect(Object.keys(await home(as.manager)).sort()).toEqual(
      ['approvalsWaiting', 'beneficiaries', 'openWorkOrders', 'overdueFollowUps', 'redFlags', 'staff', 'urgentAlerts'],
    );
    expect(Object.keys(await home(as.admin))).toEqual(expect.arrayContaining(['centres', 'approvalsWaiting', 'redFlags', 'beneficiaries']));
    await expectError(await as.family.get('/api/home'), 403);
  });

  it('counts move with the work, in the reader\'s centre only', async () => {
    const [t0, m0, k0, b0] = await Promise.all([home(as.therapist), home(as.manager), home(as.tech), home(as.therapistB)]);
    // A red flag: therapists and the manager of centre A, not centre B; an urgent alert for each.
    await expectJson(await (await h.as(EMAIL.familyA2)).post('/api/reports', { beneficiaryId: world.beneficiaryOf.familyA2, category: 'vomiting', clientRequestId: randomUUID() }), 201);
    // A request waiting for the manager's decision.
    await requestInState(h, world.centreA, 'prescribed', { therapistId: world.user.therapistA });
    // An overdue follow-up of the therapist's own request.
    const mine = await requestInState(h, world.centreA, 'in_use', { therapistId: world.user.therapistA });
    await h.db.prisma.followUp.create({ data: { beneficiaryId: mine.beneficiaryId, requestId: mine.id, kind: 'routine', dueAt: new Date(Date.now() - 10 * DAY) } });
    // A work order whose visit was yesterday.
    await h.db.prisma.workOrder.create({ data: { centreId: world.centreA, kind: 'repair', status: 'scheduled', scheduledAt: new Date(Date.now() - DAY), location: 'centre' } });
    const [t1, m1, k1, b1] = await Promise.all([home(as.therapist), home(as.manager), home(as.tech), home(as.therapistB)]);
    expect(t1.redFlags - t0.redFlags).toBe(1);
    expect(t1.urgentAlerts - t0.urgentAlerts).toBe(1);
    expect(t1.overdueFollowUps - t0.overdueFollowUps).toBe(1);
    expect(m1.redFlags - m0.redFlags).toBe(1);
    expect(m1.approvalsWaiting - m0.approvalsWaiting).toBe(1);
    expect(m1.openWorkOrders - m0.openWorkOrders).toBe(1);
    expect(k1.dueWorkOrders - k0.dueWorkOrders).toBe(1);
    expect(k1.openWorkOrders - k0.openWorkOrders).toBe(1);
    // The red flag's alert is clinical: not an urgent alert for technicians.
    expect(k1.urgentAlerts).toBe(k0.urgentAlerts);
    expect(b1).toEqual(b0);
  });

  it('counts the therapist\'s appointments of the coming week', async () => {
    const before = (await home(as.therapist)).appointmentsThisWeek;
    const r = await requestInState(h, world.centreA, 'in_use', { therapistId: world.user.therapistA });
    await h.db.prisma.followUp.create({ data: { beneficiaryId: r.beneficiaryId, requestId: r.id, kind: 'routine', dueAt: new Date(Date.now() + 2 * DAY) } });
    expect((await home(as.therapist)).appointmentsThisWeek).toBe(before + 1);
  });
});

describe('funding approved', () => {
  it('tells the request\'s therapist at once, in both languages', async () => {
    const r = await requestInState(h, world.centreA, 'prescribed', { therapistId: world.user.therapistA2 });
    await expectJson(await as.manager.post(`/api/requests/${r.id}/transitions`, await stepBody(h, 'approved', 'prescribed')));
    const told = await h.db.prisma.notification.findMany({ where: { link: `/requests/${r.id}` } });
    expect(told.map((n) => [n.userId, n.kind])).toEqual([[world.user.therapistA2, 'request_approved']]);
    const b = await h.db.prisma.beneficiary.findUniqueOrThrow({ where: { id: r.beneficiaryId } });
    expect(JSON.parse(told[0]!.params)).toEqual({ requestId: r.id, beneficiary: b.fullName });
    expect(messageFor('request_approved', { beneficiary: 'Siti' }, 'id')).toBe('Pendanaan disetujui untuk Siti. Kursi roda bisa dipesan.');
    expect(messageFor('request_approved', {}, 'en')).toBe('Funding approved. The chair can be ordered.');
  });
});
