// A chair's whole life through the API: issued through the pathway to one family's child, returned
// when outgrown into a refurbishment with its checklist, back to stock, re-issued to another
// family's child; each step in the history, and each family seeing only their own time with it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectInvalid, expectJson } from '../helpers/api.ts';
import { type Client, createHarness, type Harness } from '../helpers/harness.ts';
import { FIT, newSerialFields, requestInState, stepBody } from '../helpers/pathway.ts';
import { EMAIL, loadWorld, type World } from '../helpers/world.ts';

let h: Harness;
let world: World;
let tech: Client;
let therapist: Client;
let familyA1: Client;
let familyA2: Client;
let chairId: string;
let refurbId: string;
let nameA1: string;
let nameA2: string;

type Step = { id: string; kind: string; beneficiary: { id: string; name: string } | null; actor: { name: string } | null; reason: string | null; details: Record<string, unknown> | null };
const history = async (c: Client) => (await expectJson<{ items: Step[] }>(await c.get(`/api/devices/${chairId}/history`))).items;
const chair = () => h.db.prisma.device.findUniqueOrThrow({ where: { id: chairId } });

/** Takes a request of `beneficiaryId` from ordered to in use with the given stock chair. */
async function issueThroughPathway(beneficiaryId: string, deviceId: string) {
  const r = await requestInState(h, world.centreA, 'ordered', { beneficiaryId });
  await expectJson(await therapist.post(`/api/requests/${r.id}/transitions`, { to: 'prepared', deviceId }));
  for (const to of ['fitted', 'trained', 'in_use']) await expectJson(await therapist.post(`/api/requests/${r.id}/transitions`, await stepBody(h, to)));
  return r.id;
}

beforeAll(async () => {
  h = await createHarness();
  world = await loadWorld(h);
  [tech, therapist, familyA1, familyA2] = await Promise.all([h.as(EMAIL.technicianA), h.as(EMAIL.therapistA), h.as(EMAIL.familyA1), h.as(EMAIL.familyA2)]);
  const model = await h.db.prisma.deviceModel.findFirstOrThrow({ where: { name: FIT.model } });
  const d = await h.db.prisma.device.create({
    data: { ...newSerialFields(), modelId: model.id, centreId: world.centreA, status: 'in_stock', seatWidthMm: FIT.seatWidthMm, seatDepthMm: FIT.seatDepthMm },
  });
  chairId = d.id;
  const people = await h.db.prisma.beneficiary.findMany({ where: { id: { in: [world.beneficiaryOf.familyA1, world.beneficiaryOf.familyA2] } } });
  nameA1 = people.find((p) => p.id === world.beneficiaryOf.familyA1)!.fullName;
  nameA2 = people.find((p) => p.id === world.beneficiaryOf.familyA2)!.fullName;
});
afterAll(() => h.close());

describe('issued through the pathway', () => {
  it('records the reservation and the issue in the chair\'s history, with who acted', async () => {
    const requestId = await issueThroughPathway(world.beneficiaryOf.familyA1, chairId);
    expect(await chair()).toMatchObject({ status: 'in_use', beneficiaryId: world.beneficiaryOf.familyA1 });
    const steps = await history(tech);
    expect(steps.map((s) => s.kind)).toEqual(['issued', 'reserved']);
    expect(steps[0]).toMatchObject({ beneficiary: { name: nameA1 }, details: { requestId, from: 'reserved', to: 'in_use' } });
    expect(steps[0]!.actor?.name).toBeTruthy();
  });

  it('shows the family their own time with the chair, without who acted', async () => {
    const steps = await history(familyA1);
    expect(steps.map((s) => s.kind)).toEqual(['issued', 'reserved']);
    expect(steps.every((s) => s.actor === null && s.beneficiary?.id === world.beneficiaryOf.familyA1)).toBe(true);
    await expectError(await familyA2.get(`/api/devices/${chairId}/history`), 404);
  });

  it('refuses to lend, send away or retire a chair in use (409)', async () => {
    await expectError(await tech.post(`/api/devices/${chairId}/loan`, { beneficiaryId: world.beneficiaryOf.familyA2, dueAt: '2099-01-01' }), 409);
    await expectError(await tech.post(`/api/devices/${chairId}/transfer`, { toCentreId: world.centreB }), 409);
    await expectError(await tech.post(`/api/devices/${chairId}/retire`, { reason: 'obsolete' }), 409);
  });
});

describe('returned when outgrown', () => {
  it('rejects an unknown condition with a 422 naming the field', async () => {
    await expectInvalid(await therapist.post(`/api/devices/${chairId}/return`, { reason: 'outgrown', condition: 'broken' }), ['condition']);
  });

  it('leaves the child, goes to refurbishing and opens a refurbishment with the manual chair\'s checklist', async () => {
    const view = await expectJson(await therapist.post(`/api/devices/${chairId}/return`, { reason: 'outgrown', condition: 'fair', notes: 'Anak sudah besar.' }));
    expect(view).toMatchObject({ id: chairId, status: 'refurbishing', beneficiary: null });
    const w = await h.db.prisma.workOrder.findFirstOrThrow({ where: { deviceId: chairId, kind: 'refurbishment' } });
    refurbId = w.id;
    const detail = await expectJson(await tech.get(`/api/work-orders/${w.id}`));
    // A manual chair: no battery or controller items.
    expect(detail.checklist.map((e: { item: string }) => e.item)).toEqual(['clean_disinfect', 'frame_welds', 'brakes', 'tyres_castors', 'upholstery_cushion']);
    const [returned] = await history(tech);
    expect(returned).toMatchObject({ kind: 'returned', reason: 'outgrown', beneficiary: { name: nameA1 }, details: { condition: 'fair', workOrderId: w.id } });
  });

  it('is no longer the family\'s: not on their list, its page and history are 404', async () => {
    await expectError(await familyA1.get(`/api/devices/${chairId}`), 404);
    await expectError(await familyA1.get(`/api/devices/${chairId}/history`), 404);
    const list = await expectJson<{ items: { id: string }[] }>(await familyA1.get('/api/devices'));
    expect(list.items.map((d) => d.id)).not.toContain(chairId);
  });

  it('cannot be returned twice (409)', async () => {
    await expectError(await therapist.post(`/api/devices/${chairId}/return`, { reason: 'outgrown', condition: 'fair' }), 409);
  });
});

describe('refurbishment', () => {
  const patch = (body: unknown) => tech.patch(`/api/work-orders/${refurbId}`, body);

  it('goes back to stock only once every item is ticked (409 before), and an item not on the list is 422', async () => {
    await expectJson(await patch({ action: 'assign', assigneeId: world.user.technicianA }));
    await expectJson(await patch({ action: 'start' }));
    await expectInvalid(await patch({ action: 'checklist', items: [{ item: 'battery_capacity', done: true }] }), ['items', 0, 'item']);
    await expectJson(await patch({ action: 'checklist', items: [{ item: 'clean_disinfect', done: true, note: 'Disinfektan klorin.' }] }));
    await expectError(await patch({ action: 'resolve', notes: 'Selesai.', outcome: 'in_stock' }), 409);
    await expectInvalid(await patch({ action: 'resolve', notes: 'Selesai.' }), ['outcome']);
    const rest = ['frame_welds', 'brakes', 'tyres_castors', 'upholstery_cushion'].map((item) => ({ item, done: true }));
    const ticked = await expectJson(await patch({ action: 'checklist', items: rest }));
    expect(ticked.checklist[0]).toEqual({ item: 'clean_disinfect', done: true, note: 'Disinfektan klorin.' });
    const done = await expectJson(await patch({ action: 'resolve', notes: 'Siap dipakai lagi.', outcome: 'in_stock' }));
    expect(done).toMatchObject({ status: 'resolved', outcome: 'in_stock' });
    expect(await chair()).toMatchObject({ status: 'in_stock', beneficiaryId: null });
    expect((await history(tech))[0]).toMatchObject({ kind: 'refurbished', details: { workOrderId: refurbId, from: 'refurbishing', to: 'in_stock' } });
  });

  it('audits each step with the change', async () => {
    const actions = (await h.db.prisma.auditLog.findMany({ where: { entityId: { in: [chairId, refurbId] } }, select: { action: true } })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['device.return', 'work_order.create', 'work_order.checklist', 'work_order.resolve', 'device.refurbished']));
  });
});

describe('re-issued to another child', () => {
  it('keeps the whole history for staff', async () => {
    await issueThroughPathway(world.beneficiaryOf.familyA2, chairId);
    const steps = await history(tech);
    expect(steps.map((s) => s.kind).filter((k) => k !== 'work_order')).toEqual(['issued', 'reserved', 'refurbished', 'returned', 'issued', 'reserved']);
    const users = new Set(steps.filter((s) => s.kind === 'issued').map((s) => s.beneficiary?.name));
    expect(users).toEqual(new Set([nameA1, nameA2]));
  });

  it('shows the new family only their own steps: never the previous child, the return or the refurbishment', async () => {
    const steps = await history(familyA2);
    expect(steps.map((s) => s.kind)).toEqual(['issued', 'reserved']);
    expect(JSON.stringify(steps)).not.toContain(nameA1);
    expect(JSON.stringify(steps)).not.toContain(world.beneficiaryOf.familyA1);
    const detail = await expectJson(await familyA2.get(`/api/devices/${chairId}`));
    expect(detail.beneficiary).toBeUndefined();
    await expectError(await familyA1.get(`/api/devices/${chairId}`), 404);
  });

  it('shows a family the work done on the chair during their own time', async () => {
    await expectJson(await tech.post('/api/work-orders', { deviceId: chairId, kind: 'repair', description: 'Rem kiri longgar.' }), 201);
    const steps = await history(familyA2);
    expect(steps[0]).toMatchObject({ kind: 'work_order', details: { workOrderKind: 'repair', status: 'open' } });
    expect(steps.filter((s) => s.kind === 'work_order')).toHaveLength(1);
  });
});
