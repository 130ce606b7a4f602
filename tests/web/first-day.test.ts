// The first day at a real centre, in Chromium, on a fresh ATENSI_DEMO=0 server: the admin from
// `npm run admin:create`, a centre and a model from their pages, staff and a family by invitation (link
// and QR, each accepted in its own browser), a child registered with consent and taken through the
// pathway to a chair in use that the family sees at 360 px, the chair returned outgrown, refurbished
// into stock and re-issued through the pathway to another family's child (who see nothing of the first
// child; the first family no longer sees it), another chair sent to a second centre and received there,
// a semicolon CSV with a BOM imported. axe on every page; one in English.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../core/db/client.ts';
import { ensureWebBuild } from '../../scripts/build-web.ts';
import { startServer, type RunningServer } from '../helpers/process.ts';
import { launchBrowser, openPage, submitLogin } from './browser.ts';
import { approveFunding, orderAndHandOver, referAssessPrescribe } from './first-day-pathway.ts';
import { expectChairGone, expectOnlyTheirTime } from './first-day-reissue.ts';
import { accept, CHAIRS_HEADER, expectAxeClean, expectFitsWidth, fetchJson, fillChild, importFile, invite, main, npmAdminCreate, refuseOnce } from './first-day-steps.ts';

const PASSWORD = 'kursi roda biru di balai kota';
const CENTRE = { code: 'BBRSPD-UJI', name: 'Balai Uji Pertama', city: 'Bekasi', province: 'Jawa Barat' };
const CENTRE_2 = { code: 'BBRSPD-DUA', name: 'Balai Uji Kedua', city: 'Solo', province: 'Jawa Tengah' };
const MODEL = 'Kursi Anak Adaptif';
const CHILD = 'Rina Hari Pertama';
const CHILD_2 = 'Dewi Penerima Kedua';
/** The first family's report, and the refurbishment's notes: never shown to the chair's next family. */
const FIRST_REPORT = 'Rem kiri berbunyi saat dipakai ke sekolah.';
const REFURB_NOTES = 'Dibersihkan, rem disetel, bantalan baru.';
const SERIAL = 'HP-0001';
const SERIAL_2 = 'HP-0002';
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

let dir: string;
let server: RunningServer;
let db: OpenedDatabase;
let browser: Browser;
let base: string;
/** One browser context per person, as each would be on their own device. */
let admin: Page, manager: Page, therapist: Page, technician: Page, family: Page, family2: Page;
let childId: string, chairId: string, child2Id: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atensi-first-day-'));
  await ensureWebBuild();
  [server, browser] = await Promise.all([startServer({ DATA_DIR: dir, ATENSI_DEMO: '0' }), launchBrowser()]);
  base = `http://localhost:${server.port}`;
  db = openDatabase(path.join(dir, 'atensi.db'));
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await db?.close();
  await server?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const prisma = () => db.prisma;
describe('the first admin, from the command line', () => {
  it('is made by `npm run admin:create` on an empty install, and signs in', async () => {
    expect(await prisma().user.count()).toBe(0);
    const made = await npmAdminCreate({ DATA_DIR: dir, ATENSI_DEMO: '0' }, 'kepala@kemensos.example', 'Admin Pusat', PASSWORD);
    expect(made.out).toContain('Created admin kepala@kemensos.example');
    expect(made.code).toBe(0);
    admin = await openPage(browser, { bypassCSP: true });
    await admin.goto(`${base}/`);
    await submitLogin(admin, 'kepala@kemensos.example', PASSWORD);
    await admin.getByRole('navigation', { name: 'Menu utama' }).waitFor();
    await main(admin).getByRole('heading', { level: 1 }).waitFor();
    await expectAxeClean(admin);
  });
});

describe('1. the admin sets up a centre and the catalogue', () => {
  it('adds a centre on the centres page', async () => {
    await admin.goto(`${base}/centres`);
    const form = main(admin).getByRole('form', { name: 'Tambah balai' });
    await form.waitFor();
    await expectAxeClean(admin);
    for (const [label, value] of [['Kode', CENTRE.code], ['Nama', CENTRE.name], ['Kota', CENTRE.city], ['Provinsi', CENTRE.province]] as const) {
      await form.getByLabel(label, { exact: true }).fill(value);
    }
    await form.getByRole('button', { name: 'Tambah balai' }).click();
    await main(admin).getByText(`Tersimpan: ${CENTRE.name}.`).waitFor();
    await main(admin).getByRole('row', { name: new RegExp(CENTRE.code) }).waitFor();
    expect(await prisma().centre.count({ where: { code: CENTRE.code } })).toBe(1);
  });

  it('adds a manual adaptive model with its sizes on the catalogue page', async () => {
    await admin.goto(`${base}/catalogue`);
    await admin.getByRole('heading', { level: 1, name: 'Katalog kursi roda' }).waitFor();
    await main(admin).getByRole('button', { name: 'Tambah model' }).click();
    await main(admin).getByLabel('Nama model').fill(MODEL);
    await main(admin).getByLabel('Pembuat').fill('Bengkel Nusantara');
    await main(admin).getByLabel('Jenis', { exact: true }).selectOption('manual_adaptive');
    await main(admin).getByLabel('Kode ISO 9999').fill('122203');
    await main(admin).getByLabel('Ukuran (lebar × kedalaman dudukan, mm)').fill('340×360, 380×400');
    await expectAxeClean(admin);
    await main(admin).getByRole('button', { name: 'Tambah ke katalog' }).click();
    await main(admin).getByRole('status').getByText(`${MODEL} ditambahkan ke katalog.`).waitFor();
    const model = await prisma().deviceModel.findFirstOrThrow({ where: { name: MODEL }, include: { sizes: true } });
    expect(model.sizes.map((s) => `${s.seatWidthMm}x${s.seatDepthMm}`).sort()).toEqual(['340x360', '380x400']);
  });
});

describe('2. staff by invitation', () => {
  it('the admin invites a manager, who sets a password in another browser and is signed in', async () => {
    const link = await invite(admin, base, { name: 'Bu Kepala Balai', email: 'kepala.balai@uji.example', role: 'manager', centre: CENTRE.name });
    manager = await accept(browser, link, PASSWORD);
    const user = await prisma().user.findUniqueOrThrow({ where: { email: 'kepala.balai@uji.example' }, include: { centre: true } });
    expect([user.role, user.centre?.code, user.passwordHash?.startsWith('scrypt$')]).toEqual(['manager', CENTRE.code, true]);
  });

  it('the manager invites a therapist and a technician the same way', async () => {
    await manager.goto(`${base}/users`);
    await expectAxeClean(manager);
    // A refusal about a field the manager's form does not show (the centre) is said, not swallowed.
    await refuseOnce(manager, '**/api/users', [{ path: ['centreId'], message: 'staff accounts belong to a centre', code: 'custom' }]);
    await main(manager).getByLabel('Nama', { exact: true }).fill('Pak Terapis');
    await main(manager).getByLabel('Email', { exact: true }).fill('terapis@uji.example');
    await main(manager).getByLabel('Peran').selectOption('therapist');
    await main(manager).getByRole('button', { name: 'Buat akun dan tautan undangan' }).click();
    await main(manager).getByRole('alert').getByText('Data yang dikirim tidak valid.').waitFor();
    therapist = await accept(browser, await invite(manager, base, { name: 'Pak Terapis', email: 'terapis@uji.example', role: 'therapist' }), PASSWORD);
    technician = await accept(browser, await invite(manager, base, { name: 'Mas Teknisi', email: 'teknisi@uji.example', role: 'technician' }), PASSWORD);
    const staff = await prisma().user.findMany({ where: { centre: { code: CENTRE.code } }, orderBy: { email: 'asc' } });
    expect(staff.map((u) => `${u.email} ${u.role} ${u.passwordHash !== null}`)).toEqual(['kepala.balai@uji.example manager true', 'teknisi@uji.example technician true', 'terapis@uji.example therapist true']);
  });
});

describe('3. a child registered with consent, taken through the pathway to a chair in use', () => {
  it('the therapist registers the child with the guardian’s consent', async () => {
    await therapist.goto(`${base}/beneficiaries/new`);
    await therapist.getByRole('heading', { level: 1, name: 'Daftarkan orang' }).waitFor();
    await expectAxeClean(therapist);
    await fillChild(therapist, CHILD);
    await main(therapist).getByRole('button', { name: 'Daftarkan' }).click();
    await therapist.getByRole('heading', { level: 1, name: CHILD }).waitFor();
    childId = new URL(therapist.url()).pathname.split('/').pop()!;
    await expectAxeClean(therapist);
    const consents = await prisma().consent.findMany({ where: { beneficiaryId: childId } });
    expect(consents.map((c) => [c.purpose, c.givenBy]).sort()).toEqual([['health_data', 'guardian'], ['service', 'guardian']]);
  });

  it('the manager invites the mother linked to the child; she accepts on her phone', async () => {
    const link = await invite(manager, base, { name: 'Ibu Wulan', email: 'wulan@keluarga.example', role: 'family', child: CHILD });
    family = await accept(browser, link, PASSWORD, PHONE);
    await main(family).getByRole('link', { name: CHILD }).waitFor();
    await expectFitsWidth(family);
    await expectAxeClean(family);
  });

  it('the technician receives two chairs of the model on the stock page', async () => {
    await technician.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Stok' }).click();
    await technician.getByRole('heading', { level: 1, name: 'Stok kursi roda' }).waitFor();
    const chair = (n: number) => main(technician).getByRole('group', { name: `Kursi ${n}` });
    await chair(1).getByLabel('Nomor seri').fill(SERIAL);
    await chair(1).getByLabel('Model').selectOption({ label: `${MODEL} (Manual adaptif)` });
    await chair(1).getByLabel('Ukuran dudukan (lebar × kedalaman)').selectOption({ label: '380 × 400 mm' });
    await main(technician).getByRole('button', { name: 'Tambah baris' }).click();
    await chair(2).getByLabel('Nomor seri').fill(SERIAL_2);
    await expectAxeClean(technician);
    await main(technician).getByRole('button', { name: 'Terima ke stok' }).click();
    await main(technician).getByRole('status').getByText('2 kursi diterima ke stok:').waitFor();
    const made = await prisma().device.findMany({ where: { serial: { in: [SERIAL, SERIAL_2] } }, orderBy: { serial: 'asc' } });
    expect(made.map((d) => [d.serial, d.status, d.seatWidthMm, d.seatDepthMm])).toEqual([[SERIAL, 'in_stock', 380, 400], [SERIAL_2, 'in_stock', 380, 400]]);
    chairId = made[0]!.id;
  });

  it('the therapist refers, assesses and prescribes', async () => {
    await referAssessPrescribe(therapist, base, childId, MODEL);
  });

  it('the manager approves the funding', async () => {
    await approveFunding(manager, base, CHILD);
  });

  it('the therapist orders from stock, prepares the stock chair, fits, trains and hands it over', async () => {
    await orderAndHandOver(therapist, SERIAL);
    const chair = await prisma().device.findUniqueOrThrow({ where: { id: chairId } });
    expect([chair.status, chair.beneficiaryId]).toEqual(['in_use', childId]);
  });

  it('the family sees the chair on their phone at 360 px', async () => {
    await family.reload();
    const chair = main(family).locator(`[data-chair="${chairId}"]`);
    await chair.waitFor();
    expect(await chair.getAttribute('aria-label')).toBe(`${MODEL} · ${SERIAL}`);
    await expectFitsWidth(family);
    await expectAxeClean(family);
    // Something of the first child's time with the chair that its next family must never see.
    const report = { beneficiaryId: childId, category: 'brakes', description: FIRST_REPORT, clientRequestId: crypto.randomUUID() };
    expect((await fetchJson(family, 'POST', '/api/reports', report)).status).toBe(201);
  });
});

describe('4. the chair comes back when the child outgrows it', () => {
  it('the technician takes it back on the chair page and refurbishes it on its work order', async () => {
    await technician.goto(`${base}/fleet/${chairId}`);
    const actions = main(technician).getByRole('region', { name: 'Langkah untuk kursi ini' });
    await actions.waitFor();
    await expectAxeClean(technician);
    await actions.getByText('Terima kembali', { exact: true }).click();
    const form = actions.locator('[data-action="return"]');
    await form.getByLabel('Alasan').selectOption('outgrown');
    await form.getByLabel('Kondisi saat diterima').selectOption('good');
    await form.getByRole('button', { name: 'Terima kembali dan mulai rekondisi' }).click();
    const link = main(technician).getByRole('link', { name: 'Rekondisi kursi kembali' });
    await link.first().waitFor();
    await link.first().click();
    const checklist = main(technician).getByRole('region', { name: 'Daftar periksa rekondisi' });
    await checklist.waitFor();
    await expectAxeClean(technician);
    // The technician takes the work on, starts it, ticks every item and sends the chair back to stock.
    await main(technician).getByLabel('Tugaskan kepada').selectOption({ label: 'Mas Teknisi (Teknisi)' });
    await main(technician).getByRole('button', { name: 'Tugaskan', exact: true }).click();
    await main(technician).getByRole('button', { name: 'Mulai kerjakan' }).click();
    for (const box of await checklist.locator('input[type="checkbox"]').all()) await box.check();
    await checklist.getByRole('button', { name: 'Simpan daftar periksa' }).click();
    await expect.poll(() => checklist.innerText()).toContain('5 dari 5 selesai');
    await main(technician).getByLabel(/^Apa yang dikerjakan/).fill(REFURB_NOTES);
    await main(technician).getByRole('radio', { name: 'Siap dipakai lagi (kembali ke gudang)' }).check();
    await expectAxeClean(technician);
    await main(technician).getByRole('button', { name: 'Selesaikan' }).click();
    await expect.poll(async () => (await prisma().device.findUniqueOrThrow({ where: { id: chairId } })).status).toBe('in_stock');
    const chair = await prisma().device.findUniqueOrThrow({ where: { id: chairId } });
    expect(chair.beneficiaryId).toBeNull();
  });

  it('the family no longer sees the returned chair', async () => {
    await expectChairGone(family, chairId, CHILD);
  });
});

describe('5. the refurbished chair is re-issued to another family’s child', () => {
  it('the therapist registers a second child; the manager invites her father, who accepts on his phone', async () => {
    await therapist.goto(`${base}/beneficiaries/new`);
    await fillChild(therapist, CHILD_2, { nik: '3275010906200004', guardian: 'Pak Joko', relationship: 'father' });
    await main(therapist).getByRole('button', { name: 'Daftarkan' }).click();
    await therapist.getByRole('heading', { level: 1, name: CHILD_2 }).waitFor();
    child2Id = new URL(therapist.url()).pathname.split('/').pop()!;
    family2 = await accept(browser, await invite(manager, base, { name: 'Pak Joko', email: 'joko@keluarga.example', role: 'family', child: CHILD_2 }), PASSWORD, PHONE);
  });

  it('the chair goes to her through the pathway screens, its history kept', async () => {
    await referAssessPrescribe(therapist, base, child2Id, MODEL);
    await approveFunding(manager, base, CHILD_2);
    await orderAndHandOver(therapist, SERIAL);
    const chair = await prisma().device.findUniqueOrThrow({ where: { id: chairId }, include: { events: { orderBy: { at: 'asc' } } } });
    expect([chair.status, chair.beneficiaryId]).toEqual(['in_use', child2Id]);
    expect(chair.events.filter((e) => e.kind === 'issued').map((e) => e.beneficiaryId)).toEqual([childId, child2Id]);
  });

  it('her family sees the chair at 360 px, and nothing of the first child; the first family no longer sees it', async () => {
    const before = await prisma().workOrder.findMany({ where: { deviceId: chairId } });
    expect(before.length).toBeGreaterThan(0);
    const hidden = [CHILD, childId, FIRST_REPORT, REFURB_NOTES, ...before.map((w) => w.id)];
    await expectOnlyTheirTime(family2, { id: chairId, label: `${MODEL} · ${SERIAL}` }, CHILD_2, hidden);
    await expectChairGone(family, chairId, CHILD);
  });
});

describe('6. another chair goes to a second centre', () => {
  it('the technician sends it from its page; that centre’s technician receives it, in English', async () => {
    expect((await fetchJson(admin, 'POST', '/api/centres', CENTRE_2)).status).toBe(201);
    const link = await invite(admin, base, { name: 'Teknisi Solo', email: 'teknisi.solo@uji.example', role: 'technician', centre: CENTRE_2.name });
    const solo = await accept(browser, link, PASSWORD);
    const chair2 = await prisma().device.findUniqueOrThrow({ where: { serial: SERIAL_2 } });

    await technician.goto(`${base}/fleet/${chair2.id}`);
    const actions = main(technician).getByRole('region', { name: 'Langkah untuk kursi ini' });
    await actions.getByText('Kirim ke balai lain', { exact: true }).click();
    const send = actions.locator('[data-action="transfer"]');
    await send.getByLabel('Balai tujuan').locator('option', { hasText: CENTRE_2.name }).waitFor({ state: 'attached' });
    await send.getByLabel('Balai tujuan').selectOption({ label: CENTRE_2.name });
    await send.getByRole('button', { name: 'Kirim kursi' }).click();
    await expect.poll(() => actions.locator('summary').allInnerTexts()).not.toContain('Kirim ke balai lain');
    expect((await prisma().device.findUniqueOrThrow({ where: { id: chair2.id } })).status).toBe('in_transit');

    await solo.goto(`${base}/fleet/${chair2.id}`);
    await solo.getByRole('group', { name: 'Bahasa' }).getByRole('button', { name: 'English' }).click();
    const steps = main(solo).getByRole('region', { name: 'Steps for this chair' });
    await steps.getByText('Receive', { exact: true }).click();
    await expectAxeClean(solo);
    await steps.locator('[data-action="receive"]').getByRole('button').click();
    await expect.poll(async () => (await prisma().device.findUniqueOrThrow({ where: { id: chair2.id }, include: { centre: true } })).centre.code).toBe(CENTRE_2.code);
    expect((await prisma().device.findUniqueOrThrow({ where: { id: chair2.id } })).status).toBe('in_stock');
    await expectAxeClean(solo);
  });
});

describe('7. an existing register is imported', () => {
  it('the technician checks, then imports, a semicolon CSV with a BOM on the import page', async () => {
    const rows = [`HP-0101;Bengkel Nusantara;${MODEL};340;360;;01/12/2026;;APBN;`, `HP-0102;;${MODEL};380;400;;2026-12-01;;;`];
    await technician.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Impor' }).click();
    expect(await importFile(technician, 'kursi.csv', `\uFEFF${[CHAIRS_HEADER, ...rows].join('\r\n')}\r\n`)).toBe('2');
    const made = await prisma().device.findMany({ where: { serial: { in: ['HP-0101', 'HP-0102'] } }, include: { centre: true }, orderBy: { serial: 'asc' } });
    expect(made.map((d) => `${d.serial} ${d.status} ${d.centre.code} ${d.seatWidthMm}`)).toEqual([`HP-0101 in_stock ${CENTRE.code} 340`, `HP-0102 in_stock ${CENTRE.code} 380`]);
  });
});
