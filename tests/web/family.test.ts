// The family's phone at 360×740 on a slow network: Home, reporting a problem with a photo, red flags, axe-clean pages.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebServer } from '../helpers/web-server.ts';
import { axeReport, openPage, signIn } from './browser.ts';
import { cardOf, closeFamilyPhone, type FamilyPhone, openFamilyPhone, reportsOf as reportsOfPhone, sideways } from './family-phone.ts';

let phone: FamilyPhone;
let server: WebServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let fajar: FamilyPhone['fajar'];
let photo: Buffer;

beforeAll(async () => {
  phone = await openFamilyPhone();
  ({ server, browser, context, page, fajar, photo } = phone);
}, 240_000);

afterAll(() => closeFamilyPhone(phone));

const reportsOf = (category: string) => reportsOfPhone(phone, category);
const card = () => cardOf(phone);
const reportButton = () => page.getByRole('link', { name: 'Laporkan masalah' });

describe('family home', () => {
  it('shows the chair in plain words, the appointments and the big report button, without sideways scrolling', async () => {
    const chair = card().locator(`[data-chair="${fajar.id}"]`);
    await chair.waitFor();
    const text = await chair.innerText();
    expect(text).toMatch(/Baterai \d+ %/);
    expect(text).toContain('Perlu diisi daya sekarang');
    expect(text).toMatch(/Kabar terakhir dari kursi: (\d+ menit yang lalu|baru saja)/);
    const appointments = await card().locator('[data-section="appointments"]').innerText();
    expect(appointments).toContain('Kunjungan teknisi: Servis berkala · Di rumah');
    // A follow-up is due on a day: no clock time, which would read as a booked hour.
    const followUp = await card().locator('[data-section="appointments"] li').filter({ hasText: 'Pemeriksaan lanjutan oleh terapis' }).innerText();
    expect(followUp).toMatch(/\d{4}$/);
    expect(followUp).not.toMatch(/\d{2}[.:]\d{2}/);
    expect(await card().locator('[data-section="reports"]').innerText()).toContain('Tidak ada laporan yang sedang ditangani.');

    const box = await reportButton().boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    expect(box!.width).toBeGreaterThan(300);
    expect(await sideways(page)).toBe(false);
    expect(await axeReport(page)).toEqual([]);
  });

  it('installs the service worker that keeps the app shell for offline use', async () => {
    const script = await page.evaluate(() =>
      Promise.race([navigator.serviceWorker.ready.then((r) => r.active?.scriptURL ?? ''), new Promise<string>((resolve) => setTimeout(() => resolve('none'), 30_000))]),
    );
    expect(script).toBe(`${server.baseUrl}/sw.js`);
    await expect.poll(() => page.evaluate(async () => (await caches.keys()).sort())).toEqual(['atensi-assets-v1', 'atensi-shell-v1']);
    // Pages come through the worker (network first, the kept shell when offline).
    const res = await page.reload();
    expect(res!.fromServiceWorker()).toBe(true);
    await card().waitFor();
    // The report flow's code is kept too, so it opens without a connection.
    await expect
      .poll(() => page.evaluate(async () => (await (await caches.open('atensi-assets-v1')).keys()).some((r) => r.url.includes('/report-new.page-'))))
      .toBe(true);
  });
});

describe('reporting a problem', () => {
  it('takes three taps with a photo, then the report is on Home with its status', async () => {
    await reportButton().tap(); // 1
    const brakes = page.getByRole('button', { name: 'Rem bermasalah' });
    await brakes.waitFor();
    // Fajar has hydrocephalus too: the shunt danger signs are offered, as their own group.
    expect(await page.getByRole('heading', { level: 3, name: 'Tanda bahaya hidrosefalus (shunt)' }).count()).toBe(1);
    expect(await sideways(page)).toBe(false);
    const pick = await brakes.boundingBox();
    expect(pick!.height).toBeGreaterThanOrEqual(44);
    expect(await axeReport(page)).toEqual([]);
    await brakes.tap(); // 2

    await page.getByLabel('Foto (boleh dilewati)').setInputFiles({ name: 'rem.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.locator('atensi-report-new-page img.preview').waitFor();
    await page.getByLabel('Keterangan singkat (boleh dilewati)').fill('Rem kiri tidak mengunci.');
    expect(await axeReport(page)).toEqual([]);
    await page.getByRole('button', { name: 'Kirim', exact: true }).tap(); // 3

    await page.getByRole('heading', { level: 1, name: 'Laporan terkirim' }).waitFor();
    await expect.poll(async () => (await reportsOf('brakes'))[0]?.photos.length ?? 0, { timeout: 60_000 }).toBe(1);
    const [row] = await reportsOf('brakes');
    expect(row!.description).toBe('Rem kiri tidak mengunci.');
    expect(await page.getByRole('alert').filter({ hasText: 'Yang perlu dilakukan sekarang' }).count()).toBe(0);

    await page.getByRole('link', { name: 'Kembali ke beranda' }).last().tap();
    const reports = card().locator('[data-section="reports"]');
    await expect.poll(() => reports.innerText()).toContain('Rem bermasalah');
    expect(await reports.innerText()).toContain('Terkirim, belum dibaca');
    expect(await axeReport(page)).toEqual([]);
  });

  it('a technician triages it into a work order; on the phone the family sees the new status and the notification', async () => {
    const [report] = await reportsOf('brakes');
    const tech = await openPage(browser, { bypassCSP: true });
    await signIn(server, tech, 'technician', 'BK-PANGUDI-LUHUR');
    await tech.goto(`${server.baseUrl}/reports/${report!.id}`);
    const main = tech.getByRole('main');
    await main.getByRole('radio', { name: /Buat perintah kerja/ }).check();
    await main.getByLabel('Pesan untuk keluarga (boleh dikosongkan)').fill('Teknisi datang memeriksa rem.');
    await main.getByRole('button', { name: 'Lanjutkan' }).click();
    await main.getByRole('button', { name: 'Ya, simpan' }).click();
    await main.getByRole('link', { name: 'Buka perintah kerja' }).waitFor();
    await tech.context().close();

    // Back on the phone (slow network, 360 px): Home shows the new status, the bell the news.
    await page.goto(`${server.baseUrl}/`);
    const reports = card().locator('[data-section="reports"]');
    await expect.poll(() => reports.innerText(), { timeout: 60_000 }).toContain('Diteruskan ke teknisi');
    const bell = page.locator('atensi-notification-bell a');
    await expect.poll(async () => Number(await bell.getAttribute('data-unread')), { timeout: 60_000 }).toBeGreaterThan(0);
    await bell.tap();
    const item = page.locator('li[data-notification]', { hasText: 'Diteruskan ke teknisi' }).first();
    await item.waitFor();
    expect(await item.getByRole('link').getAttribute('href')).toBe(`/reports/${report!.id}`);
    await item.getByRole('link').tap();
    await page.getByText('Teknisi datang memeriksa rem.').waitFor();
    expect(await page.getByRole('main').locator('#status').innerText()).toBe('Diteruskan ke teknisi');
    expect(await sideways(page)).toBe(false);
    expect(await axeReport(page)).toEqual([]);
    await page.goto(`${server.baseUrl}/`);
    await reportButton().waitFor();
  }, 240_000);

  it('a red flag shows the centre\'s advice at once, prominently', async () => {
    await reportButton().tap();
    await page.getByRole('button', { name: 'Sakit kepala' }).tap();
    // A photo over 5 MB is refused on the phone, before a doomed upload on a slow line.
    await page.getByLabel('Foto (boleh dilewati)').setInputFiles({ name: 'besar.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(5 * 1024 * 1024 + 1, 1) });
    await page.getByText('Foto terlalu besar (lebih dari 5 MB). Pilih foto lain.').waitFor();
    expect(await page.locator('atensi-report-new-page img.preview').count()).toBe(0);
    await page.getByRole('button', { name: 'Kirim', exact: true }).tap();
    const advice = page.getByRole('alert').filter({ hasText: 'Yang perlu dilakukan sekarang' });
    await advice.waitFor();
    expect(await advice.innerText()).toContain('IGD');
    await expect.poll(async () => (await reportsOf('headache')).length).toBe(1);
    expect((await reportsOf('headache'))[0]!.redFlag).toBe(true);
    expect(await axeReport(page)).toEqual([]);
  });

  it('the report page shows the status history, the photo and a thread where HTML stays text', async () => {
    const [row] = await reportsOf('brakes');
    await page.goto(`${server.baseUrl}/reports/${row!.id}`);
    await page.getByRole('heading', { level: 1, name: 'Rem bermasalah' }).waitFor();
    const img = page.locator('img[src*="/photos/"]');
    await img.waitFor();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
    const hostile = '<img src=x onerror="window.__pwned=1">Kapan teknisi datang?';
    // The family's own page addresses them: the thread is their conversation with the centre.
    expect(await page.getByRole('heading', { level: 2, name: 'Percakapan dengan balai' }).count()).toBe(1);
    // Every status change is listed (so far: sent).
    expect(await page.locator('atensi-report-page ol li').count()).toBeGreaterThanOrEqual(1);
    await page.getByLabel('Tulis pesan untuk balai').fill(hostile);
    await page.getByRole('button', { name: 'Kirim pesan' }).tap();
    await page.getByText(hostile, { exact: true }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await server.harness.db.prisma.reportComment.count({ where: { reportId: row!.id } })).toBe(1);
    expect(await sideways(page)).toBe(false);
    expect(await axeReport(page)).toEqual([]);
  });
});

describe('a photo later', () => {
  it('the family adds a photo to its report from the report page, with a large labelled control', async () => {
    const [row] = await reportsOf('brakes');
    await page.goto(`${server.baseUrl}/reports/${row!.id}`);
    await page.getByRole('heading', { level: 2, name: 'Tambah foto' }).waitFor();
    // A real file input underneath (named by its label, opening the camera on phones), shown as a big target.
    const input = page.getByLabel('Ambil atau pilih foto');
    expect(await input.getAttribute('type')).toBe('file');
    expect(await input.getAttribute('capture')).toBe('environment');
    const box = (await page.locator('label.photo-pick').boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(48);
    expect(box.width).toBeGreaterThan(280);
    const before = row!.photos.length;
    await input.setInputFiles({ name: 'roda.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.getByText('Foto terkirim ke balai.').waitFor();
    await expect.poll(async () => (await reportsOf('brakes'))[0]?.photos.length, { timeout: 60_000 }).toBe(before + 1);
    await expect.poll(() => page.locator('img[src*="/photos/"]').count(), { timeout: 60_000 }).toBe(before + 1);
    expect(await sideways(page)).toBe(false);
    expect(await axeReport(page)).toEqual([]);
  });
});
