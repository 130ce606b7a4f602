// Red flags as each role meets them: clinical staff get their own guidance (not the family's advice)
// and the family's phone, and urgent notices with the sign; technicians only "urgent, clinical"
// without the sign (notifications, report lists, work orders), and nothing derived from a diagnosis.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageFor } from '../../core/notifications/messages.ts';
import { expectError, expectJson } from '../helpers/api.ts';
import { type Client, createHarness, type Harness } from '../helpers/harness.ts';
import { EMAIL, loadWorld, type World } from '../helpers/world.ts';

let h: Harness;
let world: World;
let familyA1: Client;
let familyA2: Client;
let therapist: Client;
let tech: Client;
let manager: Client;
let admin: Client;
type Detail = Record<string, any>;
let flag: Detail;

const make = async (c: Client, body: Record<string, unknown>): Promise<Detail> => expectJson(await c.post('/api/reports', { clientRequestId: randomUUID(), ...body }), 201);
const a1 = () => world.beneficiaryOf.familyA1;
const a2 = () => world.beneficiaryOf.familyA2;

beforeAll(async () => {
  h = await createHarness();
  world = await loadWorld(h);
  [familyA1, familyA2, therapist, tech, manager, admin] = await Promise.all([
    h.as(EMAIL.familyA1), h.as(EMAIL.familyA2), h.as(EMAIL.therapistA), h.as(EMAIL.technicianA), h.as(EMAIL.managerA), h.as(EMAIL.admin),
  ]);
  await h.db.prisma.user.update({ where: { id: world.user.familyA2 }, data: { phone: '+62 812 5555 0102' } });
  flag = await make(familyA2, { beneficiaryId: a2(), category: 'vomiting', description: 'Muntah tiga kali sejak pagi' });
});
afterAll(() => h.close());

describe('clinical staff on a red flag', () => {
  it('see staff guidance, not the family\'s advice, and how to reach the family at once', async () => {
    const b = await h.db.prisma.beneficiary.findUniqueOrThrow({ where: { id: a2() } });
    for (const c of [therapist, manager]) {
      const d = await expectJson(await c.get(`/api/reports/${flag.id}`));
      expect(d.advice).toBeNull();
      expect(d.staffGuidance).toMatch(/IGD/);
      expect(d.staffGuidance).toMatch(/Telepon keluarga sekarang/);
      expect(d.contact.phone).toBe(b.phone);
      expect(d.contact.family).toEqual([expect.objectContaining({ phone: '+62 812 5555 0102', relationship: expect.any(String) })]);
    }
    // The family still reads its own advice, and never the staff's contact block or guidance.
    const own = await expectJson(await familyA2.get(`/api/reports/${flag.id}`));
    expect(own.advice).toMatch(/IGD/);
    expect(own).not.toHaveProperty('staffGuidance');
    expect(own).not.toHaveProperty('contact');
    // An ordinary report: contact for staff, no guidance.
    const plain = await make(familyA1, { beneficiaryId: a1(), category: 'brakes' });
    const seen = await expectJson(await therapist.get(`/api/reports/${plain.id}`));
    expect(seen.staffGuidance).toBeNull();
    expect(seen.contact.family.length).toBeGreaterThan(0);
  });

  it('the urgent notice with the sign reaches every therapist and the manager', async () => {
    for (const who of ['therapistA', 'therapistA2', 'managerA'] as const) {
      const n = await h.db.prisma.notification.findMany({ where: { userId: world.user[who], link: `/reports/${flag.id}` } });
      expect(n.map((x) => [x.kind, x.urgent, JSON.parse(x.params).category]), who).toEqual([['report_red_flag', true, 'vomiting']]);
    }
  });

  it('a work order made of a red flag is urgent unless chosen otherwise; an ordinary one normal', async () => {
    const other = await make(familyA2, { beneficiaryId: a2(), category: 'pain_skin' });
    const d = await expectJson(await therapist.post(`/api/reports/${other.id}/triage`, { outcome: 'work_order' }));
    expect((await h.db.prisma.workOrder.findUniqueOrThrow({ where: { id: d.workOrderId } })).priority).toBe('urgent');
    const plain = await make(familyA1, { beneficiaryId: a1(), category: 'seat_fit' });
    const p = await expectJson(await therapist.post(`/api/reports/${plain.id}/triage`, { outcome: 'work_order' }));
    expect((await h.db.prisma.workOrder.findUniqueOrThrow({ where: { id: p.workOrderId } })).priority).toBe('normal');
  });
});

describe('technicians and red flags', () => {
  it('are told "urgent, clinical" without the sign, linked to the list', async () => {
    const n = await h.db.prisma.notification.findMany({ where: { userId: world.user.technicianA, params: { contains: flag.id } } });
    expect(n).toHaveLength(1);
    expect(n[0]).toMatchObject({ kind: 'report_red_flag', urgent: true, link: '/reports?redFlag=true' });
    expect(JSON.parse(n[0]!.params)).not.toHaveProperty('category');
    const listed = await expectJson(await tech.get('/api/notifications?limit=200'));
    const mine = listed.items.find((x: Detail) => x.params.reportId === flag.id);
    expect(mine.params).not.toHaveProperty('category');
    for (const locale of ['id', 'en'] as const) expect(messageFor('report_red_flag', JSON.parse(n[0]!.params), locale)).not.toMatch(/muntah|vomit/i);
    expect(messageFor('report_red_flag', {}, 'en')).toBe('URGENT: a clinical report, handled by the centre\'s therapists.');
  });

  it('find it in the report list as a red flag without sign, words or photos, and cannot open it', async () => {
    const items = (await expectJson(await tech.get('/api/reports?limit=200&redFlag=true'))).items as Detail[];
    const row = items.find((x) => x.id === flag.id);
    expect(row).toMatchObject({ redFlag: true, category: null, description: null, photoCount: 0 });
    expect(items.every((x) => x.category === null)).toBe(true);
    await expectError(await tech.get(`/api/reports/${flag.id}`), 404);
    await expectError(await tech.post(`/api/reports/${flag.id}/comments`, { body: 'x' }), 404);
    // Clinical staff and admins list the same report with its sign.
    for (const c of [therapist, manager, admin]) {
      const all = (await expectJson(await c.get('/api/reports?limit=200&redFlag=true'))).items as Detail[];
      expect(all.find((x) => x.id === flag.id)?.category).toBe('vomiting');
    }
  });

  it('see its work order as urgent repair work with no sign or family words', async () => {
    const other = await make(familyA2, { beneficiaryId: a2(), category: 'headache', description: 'Sakit kepala hebat' });
    const d = await expectJson(await manager.post(`/api/reports/${other.id}/triage`, { outcome: 'work_order' }));
    const w = await expectJson(await tech.get(`/api/work-orders/${d.workOrderId}`));
    expect(w.priority).toBe('urgent');
    expect(JSON.stringify(w)).not.toMatch(/headache|sakit kepala|Sakit kepala hebat/i);
  });

  it('get no report categories (derived from the diagnosis); families and clinical staff do', async () => {
    const techList = (await expectJson(await tech.get('/api/beneficiaries?limit=200'))).items as Detail[];
    expect(techList.length).toBeGreaterThan(0);
    for (const b of techList) expect(b).not.toHaveProperty('reportCategories');
    expect(await expectJson(await tech.get(`/api/beneficiaries/${a2()}`))).not.toHaveProperty('reportCategories');
    expect((await expectJson(await familyA2.get(`/api/beneficiaries/${a2()}`))).reportCategories).toContain('headache');
    for (const c of [therapist, manager, admin]) {
      expect((await expectJson(await c.get(`/api/beneficiaries/${a2()}`))).reportCategories).toContain('headache');
    }
  });
});

describe('asking the family for a photo', () => {
  it('notifies the family, who then adds it through the usual upload; closed reports refuse', async () => {
    const r = await make(familyA1, { beneficiaryId: a1(), category: 'footrest' });
    expect(await expectJson(await tech.post(`/api/reports/${r.id}/photo-request`))).toEqual({ notified: 1 });
    const n = await h.db.prisma.notification.findMany({ where: { userId: world.user.familyA1, link: `/reports/${r.id}` } });
    expect(n.map((x) => x.kind)).toEqual(['report_photo_request']);
    expect(messageFor('report_photo_request', {}, 'en')).toMatch(/asks for a photo/);
    expect(await h.db.prisma.auditLog.count({ where: { action: 'report.photo.request', entityId: r.id } })).toBe(1);
    await expectError(await familyA1.post(`/api/reports/${r.id}/photo-request`), 403);
    await expectJson(await therapist.post(`/api/reports/${r.id}/triage`, { outcome: 'closed', note: 'Sudah diperbaiki di rumah.' }));
    await expectError(await therapist.post(`/api/reports/${r.id}/photo-request`), 409);
  });
});
