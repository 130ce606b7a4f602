// Personal-data duties (UU PDP 27/2022) in a real browser: a beneficiary's exports, anonymising
// and erasing behind a confirmation dialog, the access history and the audit-log page per role.
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../helpers/web-server.ts';
import { axeReport, focusedElement, forgetSession, launchBrowser, navLinkNames, openPage, signIn } from './browser.ts';

let server: WebServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
  // bypassCSP only so axe-core can be injected (see openPage).
  page = await openPage(browser, { bypassCSP: true, acceptDownloads: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signInAs(role: string) {
  await forgetSession(server, page);
  await signIn(server, page, role);
}

const prisma = () => server.harness.db.prisma;
const idOf = async (fullName: string) => (await prisma().beneficiary.findFirstOrThrow({ where: { fullName } })).id;
const main = () => page.getByRole('main');
const dialog = () => page.getByRole('dialog');
const auditRows = () => page.locator('tbody tr[data-audit]');

/** Violations as short lines, so a failure names the rule and the element. */

async function openBeneficiary(fullName: string) {
  await page.goto(`${server.baseUrl}/beneficiaries/${await idOf(fullName)}`);
  await page.getByRole('heading', { level: 1, name: fullName }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Riwayat layanan kursi roda' }).waitFor();
}

describe('admin', () => {
  beforeAll(() => signInAs('admin'));

  it('sees the personal-data section and gets the JSON export and the readable export in the UI language', async () => {
    await openBeneficiary('Galang Ramadhan');
    const section = page.getByRole('region', { name: 'Pelindungan data pribadi' });
    await section.waitFor();
    for (const name of ['Ekspor (JSON)', 'Ekspor yang mudah dibaca (membuka tab baru)', 'Riwayat akses']) {
      expect(await section.getByRole('link', { name }).isVisible(), name).toBe(true);
    }
    expect(await section.getByRole('button', { name: 'Anonimkan', exact: true }).isVisible()).toBe(true);
    expect(await section.getByRole('button', { name: 'Hapus', exact: true }).isVisible()).toBe(true);

    const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('link', { name: 'Ekspor (JSON)' }).click()]);
    const exported = fs.readFileSync((await download.path())!, 'utf8');
    expect(JSON.parse(exported)).toBeTypeOf('object');
    expect(exported).toContain('Galang Ramadhan');
    expect(exported).toContain('Gg. Masjid No. 8, Jatiasih');

    const readable = section.getByRole('link', { name: /^Ekspor yang mudah dibaca/ });
    expect(await readable.getAttribute('target')).toBe('_blank');
    const [doc] = await Promise.all([page.context().waitForEvent('page'), readable.click()]);
    await doc.waitForLoadState();
    expect(await doc.evaluate(() => document.documentElement.lang)).toBe('id');
    expect(await doc.locator('body').innerText()).toContain('Galang Ramadhan');
    await doc.close();

    // In English the link asks for the English document.
    await page.getByRole('button', { name: 'English' }).click();
    const english = page.getByRole('region', { name: 'Personal data protection' });
    await english.waitFor();
    const [docEn] = await Promise.all([page.context().waitForEvent('page'), english.getByRole('link', { name: /^Readable export/ }).click()]);
    await docEn.waitForLoadState();
    expect(new URL(docEn.url()).searchParams.get('lang')).toBe('en');
    expect(await docEn.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await docEn.locator('body').innerText()).toContain('Galang Ramadhan');
    await docEn.close();
    await page.getByRole('button', { name: 'Indonesia', exact: true }).click();
    await page.getByRole('region', { name: 'Pelindungan data pribadi' }).waitFor();
  });

  it('anonymises only after a reason and the exactly typed name, in an accessible dialog', async () => {
    const id = await idOf('Galang Ramadhan');
    await openBeneficiary('Galang Ramadhan');
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/anonymise')) posts.push(r.url());
    });

    const button = page.getByRole('button', { name: 'Anonimkan', exact: true });
    await button.click();
    await dialog().waitFor();
    expect(await page.getByRole('dialog', { name: 'Anonimkan data Galang Ramadhan?' }).isVisible()).toBe(true);
    expect(await dialog().innerText()).toContain('tidak dapat dibatalkan');
    expect(await focusedElement(page)).toMatchObject({ tag: 'textarea' });
    expect(await axeReport(page)).toEqual([]);

    // Escape closes it and gives focus back to the button that opened it.
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'hidden' });
    expect(await focusedElement(page)).toEqual({ tag: 'button', text: 'Anonimkan' });

    await button.click();
    await dialog().getByLabel('Alasan').fill('pendek');
    await dialog().getByLabel('Ketik nama lengkap orang ini untuk memastikan').fill('Galang');
    await dialog().getByRole('button', { name: 'Anonimkan sekarang' }).click();
    await dialog().getByText('Tulis alasan paling sedikit 10 karakter.').waitFor();
    expect(await dialog().getByText('Nama yang diketik tidak sama dengan nama lengkap orang ini.').isVisible()).toBe(true);
    expect(await dialog().getByLabel('Alasan').getAttribute('aria-invalid')).toBe('true');
    expect(await focusedElement(page)).toMatchObject({ tag: 'textarea' });

    await dialog().getByLabel('Alasan').fill('Permintaan tertulis wali tanggal 1 November');
    await dialog().getByRole('button', { name: 'Anonimkan sekarang' }).click();
    await dialog().getByText('Nama yang diketik tidak sama dengan nama lengkap orang ini.').waitFor();
    expect(await dialog().getByText('Tulis alasan paling sedikit 10 karakter.').count()).toBe(0);
    expect(await focusedElement(page)).toMatchObject({ tag: 'input' });
    expect(posts).toEqual([]);
    expect((await prisma().beneficiary.findUniqueOrThrow({ where: { id } })).anonymisedAt).toBeNull();

    await dialog().getByLabel('Ketik nama lengkap orang ini untuk memastikan').fill('Galang Ramadhan');
    await dialog().getByRole('button', { name: 'Anonimkan sekarang' }).click();
    const notice = main().getByText(/^Data pribadi orang ini telah dianonimkan pada /);
    await notice.waitFor();
    await dialog().waitFor({ state: 'hidden' });
    expect(posts).toHaveLength(1);
    expect((await focusedElement(page)).text).toMatch(/^Data pribadi orang ini telah dianonimkan pada /);
    expect(await page.getByRole('button', { name: 'Anonimkan', exact: true }).count()).toBe(0);
    const row = await prisma().beneficiary.findUniqueOrThrow({ where: { id } });
    expect(row.anonymisedAt).not.toBeNull();
    expect(row.fullName).not.toBe('Galang Ramadhan');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).not.toBe('Galang Ramadhan');
  });

  it('opens the access history, which lists the anonymisation; the audit page has no axe violations', async () => {
    const id = await idOf((await prisma().beneficiary.findFirstOrThrow({ where: { anonymisedAt: { not: null } } })).fullName);
    await page.goto(`${server.baseUrl}/beneficiaries/${id}`);
    await page.getByRole('link', { name: 'Riwayat akses' }).click();
    await page.getByRole('heading', { level: 1, name: 'Log audit' }).waitFor();
    const url = new URL(page.url());
    expect(url.pathname).toBe('/audit');
    expect(Object.fromEntries(url.searchParams)).toEqual({ entityType: 'Beneficiary', entityId: id });
    await expect.poll(() => auditRows().count()).toBeGreaterThan(0);
    const anonymised = auditRows().filter({ hasText: 'Menganonimkan data pribadi' });
    expect(await anonymised.count()).toBe(1);
    expect(await anonymised.innerText()).toContain('Admin Direktorat');
    expect(await anonymised.innerText()).toContain('Admin nasional');
    // Every row is about this person, and links to their page.
    for (const link of await auditRows().getByRole('link', { name: /^Penerima manfaat/ }).all()) {
      expect(await link.getAttribute('href')).toBe(`/beneficiaries/${id}`);
    }
    expect(await page.getByLabel('Jenis objek').inputValue()).toBe('Beneficiary');
    expect(await page.getByLabel('ID objek').inputValue()).toBe(id);
    expect(await page.title()).toBe('Log audit · Atensi Mobility');
    expect(await axeReport(page)).toEqual([]);
  });

  it('filters by action and actor, pages older entries with the cursor, and says when nothing matches', async () => {
    const admin = await prisma().user.findFirstOrThrow({ where: { role: 'admin' } });
    const target = await prisma().beneficiary.findFirstOrThrow({ where: { fullName: 'Nabila Zahra' } });
    // 60 old readings of one record: more than a page of 50.
    const start = Date.UTC(2024, 0, 1);
    await prisma().auditLog.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({
        at: new Date(start + i * 60_000), action: 'beneficiary.read', actorId: admin.id, actorRole: 'admin',
        entityType: 'Beneficiary', entityId: target.id, centreId: target.centreId, details: JSON.stringify({ clinical: true }),
      })),
    });
    await page.goto(`${server.baseUrl}/audit`);
    await page.getByRole('heading', { level: 1, name: 'Log audit' }).waitFor();
    await expect.poll(() => auditRows().count()).toBeGreaterThan(0);

    await page.getByLabel('Tindakan').selectOption({ label: 'Membuka data penerima manfaat' });
    await page.getByLabel('ID objek').fill(target.id);
    await page.getByLabel('Jenis objek').selectOption('Beneficiary');
    await page.getByLabel('Sampai tanggal').fill('2024-01-31');
    await page.getByRole('button', { name: 'Tampilkan', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '50 entri ditampilkan. Masih ada entri yang lebih lama.' }).waitFor();
    expect(await auditRows().count()).toBe(50);
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ action: 'beneficiary.read', entityType: 'Beneficiary', entityId: target.id, to: '2024-01-31' });
    const firstRow = auditRows().first();
    expect(await firstRow.innerText()).toContain('Membuka data penerima manfaat');
    expect(await firstRow.innerText()).toContain('Data klinis: Ya');
    expect(await firstRow.locator('time').getAttribute('datetime')).toBe(new Date(start + 59 * 60_000).toISOString());

    await page.getByRole('button', { name: 'Tampilkan entri yang lebih lama' }).click();
    await page.getByRole('status').filter({ hasText: /^60 entri ditampilkan\.$/ }).waitFor();
    expect(await auditRows().count()).toBe(60);
    expect(await page.getByRole('button', { name: 'Tampilkan entri yang lebih lama' }).count()).toBe(0);
    expect(await auditRows().last().locator('time').getAttribute('datetime')).toBe(new Date(start).toISOString());

    // An end date before the start date is refused before asking the server.
    await page.getByLabel('Dari tanggal').fill('2024-02-01');
    await page.getByRole('button', { name: 'Tampilkan', exact: true }).click();
    await page.getByText('Tanggal akhir harus sama dengan atau sesudah tanggal awal.').waitFor();
    expect(await page.getByLabel('Sampai tanggal').getAttribute('aria-invalid')).toBe('true');

    // Choosing an actor's name keeps only that person's entries.
    await page.getByRole('button', { name: 'Hapus saringan' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('');
    await expect.poll(() => auditRows().count()).toBeGreaterThan(0);
    await auditRows().first().getByRole('link', { name: /^Admin Direktorat/ }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('actorId')).toBe(admin.id);
    expect(await page.getByText('Hanya entri oleh Admin Direktorat.').isVisible()).toBe(true);
    await expect.poll(() => page.getByLabel('ID pelaku').inputValue()).toBe(admin.id);
    const actorIds = await prisma().auditLog.findMany({ where: { id: { in: await auditRows().evaluateAll((rows) => rows.map((r) => r.getAttribute('data-audit')!)) } }, select: { actorId: true } });
    expect(new Set(actorIds.map((a) => a.actorId))).toEqual(new Set([admin.id]));

    await page.getByLabel('Tindakan').selectOption({ label: 'Webhook balai — semua tindakan' });
    await page.getByRole('button', { name: 'Tampilkan', exact: true }).click();
    await page.getByText('Tidak ada entri yang cocok.').waitFor();
    expect(await page.getByRole('status').filter({ hasText: '0 entri ditampilkan.' }).count()).toBe(1);
  });

  it('erases a person after confirmation and lands on the list with a message', async () => {
    const id = await idOf('Kirana Maharani');
    await openBeneficiary('Kirana Maharani');
    await page.getByRole('button', { name: 'Hapus', exact: true }).click();
    await page.getByRole('dialog', { name: 'Hapus semua data Kirana Maharani?' }).waitFor();
    await dialog().getByLabel('Alasan').fill('Permintaan penghapusan dari wali, surat 3 November');
    await dialog().getByLabel('Ketik nama lengkap orang ini untuk memastikan').fill('Kirana Maharani');
    await dialog().getByRole('button', { name: 'Hapus permanen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Penerima manfaat' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/beneficiaries');
    await page.getByRole('status').filter({ hasText: 'Data Kirana Maharani telah dihapus.' }).waitFor();
    expect(await prisma().beneficiary.findUnique({ where: { id } })).toBeNull();
  });
});

describe('manager', () => {
  beforeAll(() => signInAs('manager'));

  it('sees the audit log of its own centre only, and a beneficiary’s exports without anonymise or erase', async () => {
    expect(await navLinkNames(page)).toContain('Log audit');
    const manager = await prisma().user.findFirstOrThrow({ where: { email: server.user('manager').email } });
    // The admin reads another centre's record: that entry exists, and must not show here.
    const other = await prisma().beneficiary.findFirstOrThrow({ where: { centreId: { not: manager.centreId! } } });
    const admin = await server.harness.as(server.user('admin').email);
    expect((await admin.get(`/api/beneficiaries/${other.id}`)).status).toBe(200);
    const elsewhere = await prisma().auditLog.count({ where: { centreId: { not: manager.centreId } } });
    expect(elsewhere).toBeGreaterThan(0);

    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Log audit' }).click();
    await page.getByRole('heading', { level: 1, name: 'Log audit' }).waitFor();
    expect(await main().getByText('Siapa membuka atau mengubah data di balai Anda, yang terbaru di atas.').isVisible()).toBe(true);
    await expect.poll(() => auditRows().count()).toBeGreaterThan(0);
    const ids = await auditRows().evaluateAll((rows) => rows.map((r) => r.getAttribute('data-audit')!));
    const centres = await prisma().auditLog.findMany({ where: { id: { in: ids } }, select: { centreId: true } });
    expect(centres).toHaveLength(ids.length);
    expect(new Set(centres.map((c) => c.centreId))).toEqual(new Set([manager.centreId]));

    await openBeneficiary('Rizky Pratama');
    const section = page.getByRole('region', { name: 'Pelindungan data pribadi' });
    await section.waitFor();
    expect(await section.getByRole('link', { name: 'Ekspor (JSON)' }).isVisible()).toBe(true);
    expect(await section.getByRole('link', { name: 'Riwayat akses' }).isVisible()).toBe(true);
    expect(await section.getByRole('button').count()).toBe(0);

    // The access history names the person and says what was read, in words, not ids (both languages).
    const rizky = await idOf('Rizky Pratama');
    await section.getByRole('link', { name: 'Riwayat akses' }).click();
    await expect.poll(() => auditRows().count()).toBeGreaterThan(0);
    const opened = auditRows().first();
    expect(await opened.getByRole('link', { name: 'Penerima manfaat: Rizky Pratama' }).getAttribute('href')).toBe(`/beneficiaries/${rizky}`);
    expect(await opened.innerText()).not.toContain(rizky.slice(0, 8));
    await page.getByRole('banner').getByRole('button', { name: 'English' }).click();
    await opened.getByRole('link', { name: 'Beneficiary: Rizky Pratama' }).waitFor();
    await page.getByRole('banner').getByRole('button', { name: 'Indonesia' }).click();
  });
});

describe('therapist', () => {
  beforeAll(() => signInAs('therapist'));

  it('has no audit log in the navigation or by address, and no personal-data actions on a beneficiary', async () => {
    expect(await navLinkNames(page)).not.toContain('Log audit');
    await page.goto(`${server.baseUrl}/audit`);
    await page.getByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' }).waitFor();
    await openBeneficiary('Rizky Pratama');
    await page.getByRole('heading', { level: 2, name: 'Keluarga' }).waitFor();
    expect(await page.getByRole('heading', { level: 2, name: 'Pelindungan data pribadi' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Anonimkan', exact: true }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Ekspor (JSON)' }).count()).toBe(0);
  });
});
