// A re-issued chair's privacy: lent to one family's child, returned, refurbished and lent to
// another's. The new family sees none of the earlier time (work orders, last reading, history); the
// old family sees nothing of the chair after its return. The clock is set, so each step has its time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serialKey } from '../../schemas/devices.ts';
import { fixedClock } from '../../core/clock.ts';
import { expectError, expectJson } from '../helpers/api.ts';
import { unique } from '../helpers/fixtures.ts';
import { commitSeries, fleetStore } from '../helpers/fleet-fixture.ts';
import { type Client, createHarness, type Harness } from '../helpers/harness.ts';
import { localDay } from '../helpers/pathway.ts';
import { EMAIL, loadWorld, type World } from '../helpers/world.ts';

const MINUTE = 60_000;
const clock = fixedClock(new Date(Date.now() - 3 * 3_600_000));
let h: Harness;
let world: World;
let tech: Client;
let familyA1: Client;
let familyA2: Client;
let chairId: string;
const wo = { old: '', refurb: '', fresh: '' };

type WorkOrderList = { items: { id: string }[] };
const workOrderIds = async (c: Client) => (await expectJson<WorkOrderList>(await c.get('/api/work-orders?status=all&limit=100'))).items.map((w) => w.id);
const reading = async (socPct: number) => {
  const t = clock.now().getTime();
  await commitSeries(fleetStore(h), chairId, { bootId: `boot-${socPct}`, from: t, to: t, everyMs: MINUTE, at: () => ({ socPct }) });
};
const openRepair = async (description: string) =>
  (await expectJson<{ id: string }>(await tech.post('/api/work-orders', { deviceId: chairId, kind: 'repair', description }), 201)).id;
const lend = async (beneficiaryId: string) => expectJson(await tech.post(`/api/devices/${chairId}/loan`, { beneficiaryId, dueAt: localDay(10) }));

beforeAll(async () => {
  h = await createHarness({ clock });
  world = await loadWorld(h);
  [tech, familyA1, familyA2] = await Promise.all([h.as(EMAIL.technicianA), h.as(EMAIL.familyA1), h.as(EMAIL.familyA2)]);
  const model = await h.db.prisma.deviceModel.findFirstOrThrow({ where: { kind: 'electric' }, orderBy: { name: 'asc' } });
  const serial = `PRIV-${unique().toUpperCase()}`;
  // Both children's guardians agreed to telemetry, so each time's readings are stored.
  for (const beneficiaryId of [world.beneficiaryOf.familyA1, world.beneficiaryOf.familyA2]) {
    await h.db.prisma.consent.create({ data: { beneficiaryId, givenBy: 'guardian', guardianName: 'Wali', purpose: 'telemetry', method: 'written', givenAt: new Date('2026-01-05') } });
  }
  chairId = (await h.db.prisma.device.create({ data: { serial, serialKey: serialKey(serial), modelId: model.id, centreId: world.centreA, status: 'in_stock' } })).id;
});
afterAll(() => h.close());

describe('the first family\'s time with the chair', () => {
  it('shows them the chair\'s work and its latest reading', async () => {
    await lend(world.beneficiaryOf.familyA1);
    clock.advance(5 * MINUTE);
    wo.old = await openRepair('Joystick macet; keluarga Siti.');
    await reading(42);
    expect(await workOrderIds(familyA1)).toContain(wo.old);
    expect((await expectJson(await familyA1.get(`/api/devices/${chairId}`))).state).toMatchObject({ socPct: 42 });
  });
});

describe('returned, refurbished and lent to another family', () => {
  it('goes through refurbishment back to stock and to the second child', async () => {
    clock.advance(MINUTE);
    await expectJson(await tech.post(`/api/devices/${chairId}/return`, { reason: 'loan_ended', condition: 'good' }));
    wo.refurb = (await h.db.prisma.workOrder.findFirstOrThrow({ where: { deviceId: chairId, kind: 'refurbishment' } })).id;
    const patch = async (body: unknown) => expectJson(await tech.patch(`/api/work-orders/${wo.refurb}`, body));
    await patch({ action: 'assign', assigneeId: world.user.technicianA });
    await patch({ action: 'start' });
    const items = ['clean_disinfect', 'frame_welds', 'brakes', 'tyres_castors', 'upholstery_cushion', 'battery_capacity', 'controller_fault_log'];
    await patch({ action: 'checklist', items: items.map((item) => ({ item, done: true })) });
    await patch({ action: 'resolve', notes: 'Siap dipakai lagi.', outcome: 'in_stock' });
    clock.advance(MINUTE);
    const view = await lend(world.beneficiaryOf.familyA2);
    expect(view).toMatchObject({ status: 'on_loan', beneficiary: { id: world.beneficiaryOf.familyA2 } });
  });

  it('hides the earlier time\'s work orders from the new family, in the list and one by one', async () => {
    const ids = await workOrderIds(familyA2);
    expect(ids).not.toContain(wo.old);
    expect(ids).not.toContain(wo.refurb);
    await expectError(await familyA2.get(`/api/work-orders/${wo.old}`), 404);
    await expectError(await familyA2.get(`/api/work-orders/${wo.refurb}`), 404);
    // Staff still see the chair's whole past.
    expect(await workOrderIds(tech)).toEqual(expect.arrayContaining([wo.old, wo.refurb]));
  });

  it('does not show the new family the reading taken in the previous child\'s time, on the page or in the list', async () => {
    expect((await expectJson(await familyA2.get(`/api/devices/${chairId}`))).state).toBeNull();
    const fleet = await expectJson<{ items: { id: string; state: unknown }[] }>(await familyA2.get('/api/devices'));
    expect(fleet.items.find((d) => d.id === chairId)).toMatchObject({ state: null });
    expect((await expectJson(await tech.get(`/api/devices/${chairId}`))).state).toMatchObject({ socPct: 42 });
  });

  it('keeps the earlier time out of the new family\'s history', async () => {
    const steps = (await expectJson<{ items: { kind: string }[] }>(await familyA2.get(`/api/devices/${chairId}/history`))).items;
    expect(steps.map((s) => s.kind)).toEqual(['loaned']);
    expect(JSON.stringify(steps)).not.toContain(world.beneficiaryOf.familyA1);
  });

  it('shows the new family what happens from their own time on', async () => {
    clock.advance(MINUTE);
    await reading(77);
    wo.fresh = await openRepair('Rem kiri longgar.');
    expect((await expectJson(await familyA2.get(`/api/devices/${chairId}`))).state).toMatchObject({ socPct: 77 });
    const ids = await workOrderIds(familyA2);
    expect(ids).toContain(wo.fresh);
    expect(ids).not.toContain(wo.old);
    const steps = (await expectJson<{ items: { kind: string; id: string }[] }>(await familyA2.get(`/api/devices/${chairId}/history`))).items;
    expect(steps.filter((s) => s.kind === 'work_order').map((s) => s.id)).toEqual([wo.fresh]);
  });

  it('shows the first family nothing of the chair after its return', async () => {
    const ids = await workOrderIds(familyA1);
    for (const id of [wo.old, wo.refurb, wo.fresh]) expect(ids).not.toContain(id);
    for (const id of [wo.old, wo.fresh]) await expectError(await familyA1.get(`/api/work-orders/${id}`), 404);
    await expectError(await familyA1.get(`/api/devices/${chairId}`), 404);
    await expectError(await familyA1.get(`/api/devices/${chairId}/history`), 404);
  });
});
