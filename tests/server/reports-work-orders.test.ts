// A report triaged into a work order follows the work: assigning tells the assignee; a booked visit,
// the start and the end of the work move the report and tell the family (the visit in their words);
// a cancelled work order closes the report with the reason.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectJson } from '../helpers/api.ts';
import { type Client, createHarness, type Harness } from '../helpers/harness.ts';
import { EMAIL, loadWorld, type World } from '../helpers/world.ts';

let h: Harness;
let world: World;
let familyA1: Client;
let tech: Client;
let manager: Client;

beforeAll(async () => {
  h = await createHarness();
  world = await loadWorld(h);
  [familyA1, tech, manager] = await Promise.all([h.as(EMAIL.familyA1), h.as(EMAIL.technicianA), h.as(EMAIL.managerA)]);
});
afterAll(() => h.close());

type Detail = Record<string, any>;

async function triaged(category = 'wont_move') {
  const r = await expectJson(await familyA1.post('/api/reports', { beneficiaryId: world.beneficiaryOf.familyA1, category, clientRequestId: randomUUID() }), 201);
  const d = await expectJson(await tech.post(`/api/reports/${r.id}/triage`, { outcome: 'work_order' }));
  return { reportId: r.id as string, workOrderId: d.workOrderId as string };
}
const move = async (c: Client, id: string, body: unknown) => expectJson(await c.patch(`/api/work-orders/${id}`, body));
const familyNotes = async (reportId: string) =>
  (await h.db.prisma.notification.findMany({ where: { userId: world.user.familyA1, link: `/reports/${reportId}` }, orderBy: { createdAt: 'asc' } })).map(
    (n) => ({ kind: n.kind, ...JSON.parse(n.params) }) as Detail,
  );

describe('a report follows its work order', () => {
  it('assign tells the assignee; schedule, start and resolve move the report and tell the family each time', async () => {
    const { reportId, workOrderId } = await triaged();
    await move(manager, workOrderId, { action: 'assign', assigneeId: world.user.technicianA });
    const assigned = await h.db.prisma.notification.findMany({ where: { userId: world.user.technicianA, kind: 'work_order_assigned' } });
    expect(assigned.map((n) => n.link)).toContain(`/work-orders/${workOrderId}`);
    let d = await expectJson(await familyA1.get(`/api/reports/${reportId}`));
    expect(d.status).toBe('work_order'); // assigning is the centre's business, not a change for the family

    // 10:00 WIB on a fixed day two days ahead.
    const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const at = `${day}T10:00:00+07:00`;
    await move(tech, workOrderId, { action: 'schedule', scheduledAt: at, location: 'home' });
    d = await expectJson(await familyA1.get(`/api/reports/${reportId}`));
    expect(d.status).toBe('scheduled');
    expect(d.visit).toEqual({ at: new Date(at).toISOString(), location: 'home' });
    const note = d.events.at(-1).note as string;
    expect(d.events.at(-1).status).toBe('scheduled');
    expect(note).toMatch(/^Kunjungan: .*10\.00 WIB, di rumah$/);
    expect(note).toContain(String(Number(day.slice(8, 10))));
    const list = await expectJson(await familyA1.get('/api/reports'));
    expect(list.items.find((x: Detail) => x.id === reportId).visit).toEqual({ at: new Date(at).toISOString(), location: 'home' });

    await move(tech, workOrderId, { action: 'start' });
    expect((await expectJson(await familyA1.get(`/api/reports/${reportId}`))).status).toBe('in_progress');
    await move(tech, workOrderId, { action: 'resolve', notes: 'Sekring motor diganti.' });
    d = await expectJson(await familyA1.get(`/api/reports/${reportId}`));
    expect(d.status).toBe('resolved');
    // Internal notes stay with the centre.
    expect(JSON.stringify(d)).not.toContain('Sekring');
    expect(d.events.map((e: Detail) => e.status)).toEqual(['new', 'work_order', 'scheduled', 'in_progress', 'resolved']);

    const told = await familyNotes(reportId);
    expect(told.map((n) => [n.kind, n.status])).toEqual([
      ['report_status', 'work_order'],
      ['report_status', 'scheduled'],
      ['report_status', 'in_progress'],
      ['report_status', 'resolved'],
    ]);
    expect(told[1]).toMatchObject({ visitAt: new Date(at).toISOString(), location: 'home' });
    const staffView = await expectJson(await manager.get(`/api/reports/${reportId}`));
    expect(staffView.events.at(-1).by).toEqual({ id: world.user.technicianA, name: expect.any(String) });
  });

  it('words the visit in the family\'s language', async () => {
    await h.db.prisma.user.update({ where: { id: world.user.familyA1 }, data: { locale: 'en' } });
    try {
      const { reportId, workOrderId } = await triaged('brakes');
      await move(tech, workOrderId, { action: 'assign', assigneeId: world.user.technicianA });
      await move(tech, workOrderId, { action: 'schedule', scheduledAt: new Date(Date.now() + 86_400_000).toISOString(), location: 'centre' });
      const d = await expectJson(await familyA1.get(`/api/reports/${reportId}`));
      expect(d.events.at(-1).note).toMatch(/^Visit: .* WIB, at the centre$/);
    } finally {
      await h.db.prisma.user.update({ where: { id: world.user.familyA1 }, data: { locale: 'id' } });
    }
  });

  it('a cancelled work order closes the report with the reason, and the family is told', async () => {
    const { reportId, workOrderId } = await triaged('battery_drains');
    await move(manager, workOrderId, { action: 'cancel', reason: 'Baterai masih baik; cukup diisi penuh setiap malam.' });
    const d = await expectJson(await familyA1.get(`/api/reports/${reportId}`));
    expect(d.status).toBe('closed');
    expect(d.visit).toBeNull();
    expect(d.events.at(-1)).toMatchObject({ status: 'closed', note: 'Baterai masih baik; cukup diisi penuh setiap malam.' });
    expect((await familyNotes(reportId)).map((n) => n.status)).toEqual(['work_order', 'closed']);
  });

  it('a work order without a report moves as before and tells no family', async () => {
    const chair = await h.db.prisma.device.findFirstOrThrow({ where: { beneficiaryId: world.beneficiaryOf.familyA1 } });
    const w = await h.db.prisma.workOrder.create({ data: { centreId: world.centreA, deviceId: chair.id, kind: 'repair' } });
    const before = await h.db.prisma.notification.count({ where: { userId: world.user.familyA1 } });
    await move(tech, w.id, { action: 'assign', assigneeId: world.user.technicianA });
    await move(tech, w.id, { action: 'start' });
    expect((await move(tech, w.id, { action: 'resolve', notes: 'ok' })).status).toBe('resolved');
    expect(await h.db.prisma.notification.count({ where: { userId: world.user.familyA1 } })).toBe(before);
  });
});
