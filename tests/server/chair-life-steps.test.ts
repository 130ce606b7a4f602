// The steps of a chair's life outside the pathway: a loan with its reminders and the overdue list,
// a transfer seen by both centres until received, a battery replacement that resets the wear rule
// (with a real rules run), and retirement.
import type { Prisma } from '@prisma/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remindLoans } from '../../core/chair-life/loan-reminders.ts';
import { RulesEngine } from '../../firmware-bridge/src/rules/engine.ts';
import { serialKey } from '../../schemas/devices.ts';
import { expectError, expectInvalid, expectJson } from '../helpers/api.ts';
import { commitSeries, fleetStore, HOUR } from '../helpers/fleet-fixture.ts';
import { unique } from '../helpers/fixtures.ts';
import { type Client, createHarness, type Harness } from '../helpers/harness.ts';
import { localDay } from '../helpers/pathway.ts';
import { EMAIL, loadWorld, type World } from '../helpers/world.ts';

let h: Harness;
let world: World;
let techA: Client;
let therapistA: Client;
let techB: Client;
let managerB: Client;
let familyA2: Client;

beforeAll(async () => {
  h = await createHarness();
  world = await loadWorld(h);
  [techA, therapistA, techB, managerB, familyA2] = await Promise.all([
    h.as(EMAIL.technicianA), h.as(EMAIL.therapistA), h.as(EMAIL.technicianB), h.as(EMAIL.managerB), h.as(EMAIL.familyA2),
  ]);
});
afterAll(() => h.close());

async function stockChair(kind: 'electric' | 'manual_adaptive' = 'electric', extra: Partial<Prisma.DeviceUncheckedCreateInput> = {}) {
  const model = await h.db.prisma.deviceModel.findFirstOrThrow({ where: { kind }, orderBy: { name: 'asc' } });
  const serial = `STEP-${unique().toUpperCase()}`;
  return h.db.prisma.device.create({ data: { serial, serialKey: serialKey(serial), modelId: model.id, centreId: world.centreA, status: 'in_stock', ...extra } });
}
const statusOf = async (id: string) => (await h.db.prisma.device.findUniqueOrThrow({ where: { id } })).status;

describe('a loan', () => {
  let chairId: string;
  const person = () => world.beneficiaryOf.familyA2;

  it('checks the person and the date (422)', async () => {
    chairId = (await stockChair()).id;
    await expectInvalid(await therapistA.post(`/api/devices/${chairId}/loan`, { beneficiaryId: world.beneficiaryOf.familyB1, dueAt: localDay(3) }), ['beneficiaryId']);
    await expectInvalid(await therapistA.post(`/api/devices/${chairId}/loan`, { beneficiaryId: person(), dueAt: localDay(-1) }), ['dueAt']);
    await expectInvalid(await therapistA.post(`/api/devices/${chairId}/loan`, { beneficiaryId: person(), dueAt: '2026-02-30' }), ['dueAt']);
    expect(await statusOf(chairId)).toBe('in_stock');
  });

  it('lends the chair: the family sees it like their chair, and it cannot be lent again (409)', async () => {
    const view = await expectJson(await therapistA.post(`/api/devices/${chairId}/loan`, { beneficiaryId: person(), dueAt: localDay(3), note: 'Sementara.' }));
    expect(view).toMatchObject({ status: 'on_loan', beneficiary: { id: person() } });
    const list = await expectJson<{ items: { id: string }[] }>(await familyA2.get('/api/devices'));
    expect(list.items.map((d) => d.id)).toContain(chairId);
    await expectError(await techA.post(`/api/devices/${chairId}/loan`, { beneficiaryId: person(), dueAt: localDay(5) }), 409);
    await expectError(await techA.post(`/api/devices/${chairId}/transfer`, { toCentreId: world.centreB }), 409);
    const [step] = (await expectJson(await familyA2.get(`/api/devices/${chairId}/history`))).items;
    expect(step).toMatchObject({ kind: 'loaned', beneficiary: { id: person() }, actor: null, details: null });
  });

  it('reminds the family and the centre\'s staff once before it is due, and once more when overdue', async () => {
    const loan = await h.db.prisma.loan.findFirstOrThrow({ where: { deviceId: chairId } });
    const familyUser = world.user.familyA2;
    const notes = (kind: string) => h.db.prisma.notification.findMany({ where: { kind, params: { contains: loan.dueAt.toISOString().slice(0, 10) } } });
    await remindLoans(h.db.prisma, new Date());
    await remindLoans(h.db.prisma, new Date());
    const due = await notes('loan_due');
    expect(due.map((n) => n.userId)).toEqual(expect.arrayContaining([familyUser, world.user.technicianA, world.user.managerA, world.user.therapistA]));
    expect(due.map((n) => n.userId)).not.toContain(world.user.technicianB);
    expect(new Set(due.map((n) => n.userId)).size).toBe(due.length);
    expect((await h.db.prisma.loan.findUniqueOrThrow({ where: { id: loan.id } })).reminderSentAt).not.toBeNull();
    expect(await notes('loan_overdue')).toHaveLength(0);

    await h.db.prisma.loan.update({ where: { id: loan.id }, data: { dueAt: new Date(`${localDay(-2)}T00:00:00Z`) } });
    await remindLoans(h.db.prisma, new Date());
    await remindLoans(h.db.prisma, new Date());
    const late = await h.db.prisma.notification.findMany({ where: { kind: 'loan_overdue', params: { contains: localDay(-2) } } });
    expect(late.map((n) => n.userId)).toContain(familyUser);
    expect(new Set(late.map((n) => n.userId)).size).toBe(late.length);
  });

  it('is listed as overdue for its centre only', async () => {
    const overdue = await expectJson(await techA.get('/api/loans?overdue=true'));
    expect(overdue.items.map((l: { deviceId: string }) => l.deviceId)).toContain(chairId);
    expect(overdue.items.find((l: { deviceId: string }) => l.deviceId === chairId)).toMatchObject({ overdue: true, returnedAt: null });
    expect((await expectJson(await managerB.get('/api/loans?overdue=true'))).items).toEqual([]);
  });

  it('ends with the return: the loan closes and the chair goes to refurbishment with the electric checklist', async () => {
    await expectJson(await therapistA.post(`/api/devices/${chairId}/return`, { reason: 'loan_ended', condition: 'good' }));
    expect((await h.db.prisma.loan.findFirstOrThrow({ where: { deviceId: chairId } })).returnedAt).not.toBeNull();
    expect((await expectJson(await techA.get('/api/loans?overdue=true'))).items.map((l: { deviceId: string }) => l.deviceId)).not.toContain(chairId);
    const w = await h.db.prisma.workOrder.findFirstOrThrow({ where: { deviceId: chairId, kind: 'refurbishment' } });
    expect(JSON.parse(w.checklist!).map((e: { item: string }) => e.item)).toContain('battery_capacity');
    await expectError(await familyA2.get(`/api/devices/${chairId}`), 404);
  });
});

describe('a transfer', () => {
  let chairId: string;

  it('offers every other centre as a destination, by name', async () => {
    const ids = (await expectJson(await techA.get('/api/transfer-targets'))).items.map((c: { id: string }) => c.id);
    expect(ids).toContain(world.centreB);
    expect(ids).not.toContain(world.centreA);
  });

  it('sends a stock chair to another centre (an unknown or the same centre is 422)', async () => {
    chairId = (await stockChair('manual_adaptive')).id;
    await expectInvalid(await techA.post(`/api/devices/${chairId}/transfer`, { toCentreId: world.centreA }), ['toCentreId']);
    await expectInvalid(await techA.post(`/api/devices/${chairId}/transfer`, { toCentreId: 'nosuchcentre1' }), ['toCentreId']);
    const view = await expectJson(await techA.post(`/api/devices/${chairId}/transfer`, { toCentreId: world.centreB, note: 'Kelebihan stok.' }));
    expect(view.status).toBe('in_transit');
  });

  it('is seen by both centres\' staff while in transit, in the fleet and on the chair page', async () => {
    for (const c of [techA, techB]) {
      const fleet = await expectJson<{ items: { id: string }[] }>(await c.get('/api/devices?status=in_transit'));
      expect(fleet.items.map((d) => d.id)).toContain(chairId);
      await expectJson(await c.get(`/api/devices/${chairId}`));
      await expectJson(await c.get(`/api/devices/${chairId}/history`));
    }
    await expectError(await techA.post(`/api/devices/${chairId}/transfer`, { toCentreId: world.centreB }), 409);
    await expectError(await techB.post(`/api/devices/${chairId}/loan`, { beneficiaryId: world.beneficiaryOf.familyB1, dueAt: localDay(3) }), 403);
  });

  it('is received by the receiving centre only, and then belongs to it', async () => {
    await expectError(await techA.post(`/api/devices/${chairId}/receive`, {}), 403);
    const view = await expectJson(await techB.post(`/api/devices/${chairId}/receive`, { note: 'Diterima baik.' }));
    expect(view).toMatchObject({ status: 'in_stock', centreId: world.centreB });
    await expectError(await techA.get(`/api/devices/${chairId}`), 404);
    const kinds = (await expectJson(await techB.get(`/api/devices/${chairId}/history`))).items.map((s: { kind: string }) => s.kind);
    expect(kinds).toEqual(['transfer_received', 'transfer_sent']);
    await expectError(await techB.post(`/api/devices/${chairId}/receive`, {}), 409);
  });
});

describe('a new battery', () => {
  it('refuses a manual chair and a future date (422)', async () => {
    const manual = await stockChair('manual_adaptive');
    await expectInvalid(await techA.post(`/api/devices/${manual.id}/battery`, { installedAt: localDay(0) }), ['installedAt']);
    const electric = await stockChair();
    await expectInvalid(await techA.post(`/api/devices/${electric.id}/battery`, { installedAt: localDay(2) }), ['installedAt']);
  });

  it('clears the worn-battery alert on the next rules run: the old battery\'s readings no longer count', async () => {
    const model = await h.db.prisma.deviceModel.findFirstOrThrow({ where: { kind: 'electric', ratedAh: { not: null } }, orderBy: { name: 'asc' } });
    const chair = await stockChair('electric', { modelId: model.id, status: 'in_use', beneficiaryId: world.beneficiaryOf.familyA2, mqttSecretHash: 'x', batteryInstalledAt: new Date(Date.now() - 400 * 86_400_000) });
    const worn = model.ratedAh! * 0.5;
    await commitSeries(fleetStore(h), chair.id, { from: Date.now() - 3 * HOUR, to: Date.now() - 60_000, everyMs: 20 * 60_000, at: () => ({ fullChargeAh: worn, cycleCount: 300 }) });
    const engine = new RulesEngine({ prisma: h.db.prisma, telemetry: fleetStore(h) });
    const openAlert = () => h.db.prisma.alert.findFirst({ where: { deviceId: chair.id, kind: 'battery_wear', clearedAt: null } });
    await engine.evaluate([chair.id]);
    await engine.evaluate([chair.id]);
    expect(await openAlert()).not.toBeNull();

    await expectJson(await techA.post(`/api/devices/${chair.id}/battery`, { installedAt: localDay(0), notes: 'Baterai baru.' }));
    await engine.evaluate([chair.id]);
    expect(await openAlert()).toBeNull();
    const [step] = (await expectJson(await techA.get(`/api/devices/${chair.id}/history`))).items;
    expect(step).toMatchObject({ kind: 'battery_replaced', details: { installedAt: localDay(0) } });
  });
});

describe('refurbishment work orders', () => {
  it('are opened by a return only, never by hand (422)', async () => {
    const chair = await stockChair();
    await expectInvalid(await techA.post('/api/work-orders', { deviceId: chair.id, kind: 'refurbishment', description: 'Rekondisi.' }), ['kind']);
  });

  it('take no checklist or outcome on another kind of work order (422)', async () => {
    const chair = await stockChair('electric', { status: 'in_use', beneficiaryId: world.beneficiaryOf.familyA2 });
    const w = await expectJson(await techA.post('/api/work-orders', { deviceId: chair.id, kind: 'repair', description: 'Rem.' }), 201);
    await expectInvalid(await techA.patch(`/api/work-orders/${w.id}`, { action: 'checklist', items: [{ item: 'brakes', done: true }] }), ['items']);
  });
});

describe('retirement', () => {
  it('writes off a stock chair with its reason, after which nothing more can be done with it (409)', async () => {
    const chair = await stockChair();
    await expectInvalid(await techA.post(`/api/devices/${chair.id}/retire`, { reason: 'worn_out' }), ['reason']);
    const view = await expectJson(await techA.post(`/api/devices/${chair.id}/retire`, { reason: 'beyond_repair', notes: 'Rangka retak.' }));
    expect(view.status).toBe('retired');
    expect(await h.db.prisma.device.findUniqueOrThrow({ where: { id: chair.id } })).toMatchObject({ retiredReason: 'beyond_repair' });
    await expectError(await techA.post(`/api/devices/${chair.id}/loan`, { beneficiaryId: world.beneficiaryOf.familyA2, dueAt: localDay(3) }), 409);
    await expectError(await techA.post(`/api/devices/${chair.id}/transfer`, { toCentreId: world.centreB }), 409);
    await expectError(await techA.post(`/api/devices/${chair.id}/retire`, { reason: 'lost' }), 409);
  });

  it('ends a refurbishment under way, cancelling its work order', async () => {
    const chair = await stockChair('electric', { status: 'in_use', beneficiaryId: world.beneficiaryOf.familyA2 });
    await expectJson(await therapistA.post(`/api/devices/${chair.id}/return`, { reason: 'deceased', condition: 'poor' }));
    await expectJson(await techA.post(`/api/devices/${chair.id}/retire`, { reason: 'obsolete' }));
    const w = await h.db.prisma.workOrder.findFirstOrThrow({ where: { deviceId: chair.id, kind: 'refurbishment' } });
    expect(w).toMatchObject({ status: 'cancelled', outcome: 'retired' });
    expect(await statusOf(chair.id)).toBe('retired');
  });
});
