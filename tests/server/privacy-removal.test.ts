// Anonymisation and erasure of one beneficiary (UU PDP 27/2022): afterwards no text column of the
// database holds their name, phone or address, their photo files are gone, and the fleet's rows
// (chairs, work orders, telemetry; for anonymisation also requests) are still there.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { photoFile } from '../../server/src/reports/photos.ts';
import { expectError, expectInvalid, expectJson } from '../helpers/api.ts';
import { type Client, createHarness, type Harness } from '../helpers/harness.ts';
import { richBeneficiary, type RichBeneficiary, textColumnsContaining } from '../helpers/privacy.ts';
import { EMAIL, loadWorld, type World } from '../helpers/world.ts';

let h: Harness;
let world: World;
let admin: Client;
let therapist: Client;
let technician: Client;

beforeAll(async () => {
  h = await createHarness();
  world = await loadWorld(h);
  [admin, therapist, technician] = await Promise.all([h.as(EMAIL.admin), h.as(EMAIL.therapistA), h.as(EMAIL.technicianA)]);
});
afterAll(() => h.close());

const needlesOf = (b: RichBeneficiary) => [b.fullName, b.phone, b.address];
const body = (b: { fullName: string }, reason = 'Permintaan wali secara tertulis, surat 12/2026.') => ({ reason, confirmName: b.fullName });
const auditOf = (res: Response) => h.db.prisma.auditLog.findMany({ where: { requestId: res.headers.get('x-request-id') } });

async function fleetCounts(b: RichBeneficiary) {
  const db = h.db.prisma;
  const chair = await db.chairState.findUniqueOrThrow({ where: { deviceId: b.deviceId } });
  return {
    device: await db.device.count({ where: { id: b.deviceId } }),
    workOrders: await db.workOrder.count({ where: { id: { in: b.workOrderIds } } }),
    hourly: await db.telemetryHourly.count({ where: { deviceKey: chair.key } }),
  };
}

describe('the control: a rich beneficiary leaves their data in many places', () => {
  it('name, phone and address are found across tables before anything is removed', async () => {
    const b = await richBeneficiary(h, { therapist, technician }, world.centreA);
    const hits = textColumnsContaining(h, needlesOf(b));
    for (const where of ['Beneficiary.fullName', 'Beneficiary.phone', 'Beneficiary.address', 'IssueReport.description', 'ReportComment.body', 'WorkOrder.description', 'Notification.params']) {
      expect(hits.some((x) => x.startsWith(where)), where).toBe(true);
    }
    expect(fs.existsSync(photoFile(h.config.dataDir, b.photoId))).toBe(true);
  });
});

describe('anonymising', () => {
  let b: RichBeneficiary;
  let fleetBefore: Awaited<ReturnType<typeof fleetCounts>>;
  let requestsBefore: number;
  beforeAll(async () => {
    b = await richBeneficiary(h, { therapist, technician }, world.centreA);
    fleetBefore = await fleetCounts(b);
    requestsBefore = await h.db.prisma.deviceRequest.count({ where: { beneficiaryId: b.id } });
  });

  it('is for admins only: a therapist gets 403 and nothing changes', async () => {
    await expectError(await therapist.post(`/api/beneficiaries/${b.id}/anonymise`, body(b)), 403);
    expect((await h.db.prisma.beneficiary.findUniqueOrThrow({ where: { id: b.id } })).anonymisedAt).toBeNull();
  });

  it('a name that is not exactly the current one, or a short reason, is 422 and changes nothing', async () => {
    await expectInvalid(await admin.post(`/api/beneficiaries/${b.id}/anonymise`, { ...body(b), confirmName: b.fullName.toUpperCase() }), ['confirmName']);
    await expectInvalid(await admin.post(`/api/beneficiaries/${b.id}/anonymise`, { ...body(b), confirmName: `${b.fullName} ` }), ['confirmName']);
    await expectInvalid(await admin.post(`/api/beneficiaries/${b.id}/anonymise`, body(b, 'singkat')), ['reason']);
    await expectInvalid(await admin.post(`/api/beneficiaries/${b.id}/anonymise`, { reason: 'Permintaan wali secara tertulis.' }), ['confirmName']);
    const row = await h.db.prisma.beneficiary.findUniqueOrThrow({ where: { id: b.id } });
    expect(row).toMatchObject({ fullName: b.fullName, phone: b.phone, anonymisedAt: null });
  });

  it('answers { id, anonymisedAt } and records the reason (without the name) and the counts', async () => {
    const res = await admin.post(`/api/beneficiaries/${b.id}/anonymise`, body(b, `Wali dari ${b.fullName} meminta penghapusan identitas.`));
    const out = await expectJson(res.clone());
    expect(out).toEqual({ id: b.id, anonymisedAt: expect.any(String) });
    const [entry] = await auditOf(res);
    expect(entry).toMatchObject({ action: 'beneficiary.anonymise', entityType: 'Beneficiary', entityId: b.id, actorRole: 'admin', centreId: world.centreA });
    const details = JSON.parse(entry!.details!);
    expect(details.reason).toBe(`Wali dari Anonim ${b.id.slice(0, 6)} meminta penghapusan identitas.`);
    expect(details.counts).toMatchObject({ cpProfiles: 1, hydrocephalusProfiles: 1, headCircumferences: 2, familyLinks: 1, photos: 1, reportComments: 1 });
  });

  it('no text column anywhere holds the name, phone or address any more', () => {
    expect(textColumnsContaining(h, needlesOf(b))).toEqual([]);
  });

  it('the record keeps a neutral label, the birth year (1 July) and no contact or clinical detail', async () => {
    const detail = await expectJson(await admin.get(`/api/beneficiaries/${b.id}`));
    expect(detail).toMatchObject({
      fullName: `Anonim ${b.id.slice(0, 6)}`, phone: null, city: null, address: '', diagnosisNotes: null, cpProfile: null, hydrocephalusProfile: null, family: [],
    });
    expect(detail.anonymisedAt).toEqual(expect.any(String));
    expect(detail.birthDate).toMatch(/^\d{4}-07-01$/);
    expect(detail.consents.every((k: { guardianName: string | null; withdrawnAt: string | null }) => k.guardianName === null && k.withdrawnAt !== null)).toBe(true);
    expect(await h.db.prisma.headCircumference.count({ where: { profile: { beneficiaryId: b.id } } })).toBe(0);
    const list = await expectJson(await admin.get(`/api/beneficiaries?q=Anonim`));
    expect(list.items.find((x: { id: string }) => x.id === b.id)).toMatchObject({ anonymisedAt: detail.anonymisedAt });
  });

  it('report texts and comments are replaced, photo rows and files are gone, the family no longer reaches it', async () => {
    const report = await h.db.prisma.issueReport.findUniqueOrThrow({ where: { id: b.reportId }, include: { comments: true, photos: true } });
    expect(report.description).toBeNull();
    expect(report.comments.map((c) => c.body)).toEqual(['[dihapus / removed]']);
    expect(report.photos).toEqual([]);
    expect(fs.existsSync(photoFile(h.config.dataDir, b.photoId))).toBe(false);
    await expectError(await b.family.client.get(`/api/beneficiaries/${b.id}`), 404);
    const assessment = await h.db.prisma.assessment.findFirstOrThrow({ where: { beneficiaryId: b.id } });
    expect(assessment).toMatchObject({ goals: null, notes: null, hipWidthMm: expect.any(Number) });
  });

  it('requests, the chair, work orders and telemetry stay for the statistics', async () => {
    expect(await h.db.prisma.deviceRequest.count({ where: { beneficiaryId: b.id } })).toBe(requestsBefore);
    expect(await fleetCounts(b)).toEqual(fleetBefore);
    expect((await h.db.prisma.device.findUniqueOrThrow({ where: { id: b.deviceId } })).beneficiaryId).toBe(b.id);
  });

  it('a second time is 409, and the record can no longer be changed or given clinical data', async () => {
    const again = await admin.post(`/api/beneficiaries/${b.id}/anonymise`, { reason: 'Sekali lagi untuk uji.', confirmName: `Anonim ${b.id.slice(0, 6)}` });
    await expectError(again, 409);
    await expectError(await therapist.patch(`/api/beneficiaries/${b.id}`, { fullName: b.fullName }), 409);
    await expectError(await therapist.put(`/api/beneficiaries/${b.id}/cp-profile`, { gmfcs: 2, type: 'spastic', distribution: 'diplegia', sittingLevel: 'hands_free', tone: 'hypertonic' }), 409);
    expect(textColumnsContaining(h, [b.fullName])).toEqual([]);
  });
});

describe('erasing', () => {
  let b: RichBeneficiary;
  let fleetBefore: Awaited<ReturnType<typeof fleetCounts>>;
  let notificationIds: string[];
  beforeAll(async () => {
    b = await richBeneficiary(h, { therapist, technician }, world.centreA);
    fleetBefore = await fleetCounts(b);
    notificationIds = (await h.db.prisma.notification.findMany({ where: { link: `/reports/${b.reportId}` }, select: { id: true } })).map((n) => n.id);
  });

  it('the control: notifications about the report went out, some as webhook messages', async () => {
    expect(notificationIds.length).toBeGreaterThan(0);
    expect(await h.db.prisma.webhookDelivery.count({ where: { notificationId: { in: notificationIds } } })).toBeGreaterThan(0);
  });

  it('is for admins only, and needs the exact current name', async () => {
    await expectError(await therapist.post(`/api/beneficiaries/${b.id}/erase`, body(b)), 403);
    await expectInvalid(await admin.post(`/api/beneficiaries/${b.id}/erase`, { ...body(b), confirmName: 'Orang Lain' }), ['confirmName']);
    expect(await h.db.prisma.beneficiary.count({ where: { id: b.id } })).toBe(1);
  });

  it('deletes the person and everything theirs, answering { id, erasedAt } with counts', async () => {
    const res = await admin.post(`/api/beneficiaries/${b.id}/erase`, body(b, `Wali ${b.fullName} (telp ${b.phone}) meminta penghapusan.`));
    const out = await expectJson(res.clone());
    expect(out).toMatchObject({ id: b.id, erasedAt: expect.any(String) });
    expect(out.counts).toMatchObject({ requests: 1, reports: 1, photos: 1, familyLinks: 1, devicesUnassigned: 1, workOrdersDetached: 1 });
    const db = h.db.prisma;
    expect(await db.beneficiary.count({ where: { id: b.id } })).toBe(0);
    expect(await db.deviceRequest.count({ where: { id: b.requestId } })).toBe(0);
    expect(await db.issueReport.count({ where: { id: b.reportId } })).toBe(0);
    expect(await db.consent.count({ where: { beneficiaryId: b.id } })).toBe(0);
    expect(await db.familyLink.count({ where: { beneficiaryId: b.id } })).toBe(0);
    expect(await db.reportPhoto.count({ where: { id: b.photoId } })).toBe(0);
    expect(fs.existsSync(photoFile(h.config.dataDir, b.photoId))).toBe(false);
    // The audit entry keeps the id, the reason without personal data, and the counts: nothing else.
    const [entry] = await auditOf(res);
    expect(entry).toMatchObject({ action: 'beneficiary.erase', entityId: b.id, centreId: world.centreA });
    const details = JSON.parse(entry!.details!);
    expect(Object.keys(details).sort()).toEqual(['counts', 'reason']);
    expect(details.reason).not.toContain(b.fullName);
    expect(details.reason).not.toContain(b.phone);
  });

  it('no text column anywhere holds the name, phone or address', () => {
    expect(textColumnsContaining(h, needlesOf(b))).toEqual([]);
  });

  it('the chair, its work orders and telemetry stay, detached from the person', async () => {
    expect(await fleetCounts(b)).toEqual(fleetBefore);
    const device = await h.db.prisma.device.findUniqueOrThrow({ where: { id: b.deviceId } });
    expect(device.beneficiaryId).toBeNull();
    const fromReport = await h.db.prisma.workOrder.findUniqueOrThrow({ where: { id: b.workOrderIds[0] } });
    expect(fromReport.reportId).toBeNull();
    expect(fromReport.description).toBe('[dihapus / removed]');
    expect(await h.db.prisma.notification.count({ where: { link: `/reports/${b.reportId}` } })).toBe(0);
    expect(await h.db.prisma.webhookDelivery.count({ where: { notificationId: { in: notificationIds } } })).toBe(0);
    // Another family's and centre's data is untouched.
    expect(await h.db.prisma.beneficiary.count({ where: { id: world.beneficiaryOf.familyA1 } })).toBe(1);
  });

  it('the family account stays (it is another person\'s), without the link; erasing again is 404', async () => {
    expect(await h.db.prisma.user.count({ where: { id: b.family.id } })).toBe(1);
    expect(await expectJson(await b.family.client.get('/api/beneficiaries'))).toEqual({ items: [], total: 0 });
    await expectError(await admin.post(`/api/beneficiaries/${b.id}/erase`, body(b)), 404);
  });

  it('an anonymised record can still be erased, confirmed with its label', async () => {
    const c = await richBeneficiary(h, { therapist, technician }, world.centreA);
    await expectJson(await admin.post(`/api/beneficiaries/${c.id}/anonymise`, body(c)));
    await expectJson(await admin.post(`/api/beneficiaries/${c.id}/erase`, { reason: 'Permintaan lanjutan: hapus semuanya.', confirmName: `Anonim ${c.id.slice(0, 6)}` }));
    expect(await h.db.prisma.beneficiary.count({ where: { id: c.id } })).toBe(0);
    expect(textColumnsContaining(h, needlesOf(c))).toEqual([]);
  });
});
