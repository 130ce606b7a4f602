// The family's phone experience in a real browser at 360×740 on an emulated slow network: Home
// shows the chair and appointments; a problem is reported with a photo in three taps; a red flag
// shows what to do now; a report made offline is delivered exactly once after reconnecting;
// axe-core finds no WCAG violations on the family pages.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitSeries, deviceOf, fleetStore } from '../helpers/fleet-fixture.ts';
import { startWebServer, type WebServer } from '../helpers/web-server.ts';
import { EMAIL } from '../helpers/world.ts';
import { axeReport, launchBrowser, openPage, signIn, signOut, submitLogin } from './browser.ts';

const DAY = 86_400_000;
let server: WebServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let fajar: Awaited<ReturnType<typeof deviceOf>>;
let photo: Buffer;

/** Emulates a slow phone connection (about 400 kbit/s, 400 ms round trip) through the DevTools protocol. */
async function slowNetwork(p: Page) {
  const cdp = await p.context().newCDPSession(p);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 });
}

/** Whether the page scrolls sideways at the phone width. */
const sideways = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

const reportsOf = (category: string) =>
  server.harness.db.prisma.issueReport.findMany({ where: { beneficiaryId: fajar.beneficiaryId!, category }, include: { photos: true } });

const card = () => page.locator(`article[data-beneficiary="${fajar.beneficiaryId}"]`);
const reportButton = () => page.getByRole('link', { name: 'Laporkan masalah' });

beforeAll(async () => {
  [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
  const h = server.harness;
  fajar = await deviceOf(h, 'Muhammad Fajar Nugroho');
  const now = Date.now();
  // Nearly empty and not charging, last heard from about ten minutes ago.
  commitSeries(fleetStore(h), fajar.id, {
    from: now - 2 * 3_600_000,
    to: now - 600_000,
    everyMs: 600_000,
    at: (i) => ({ socPct: 30 - i * 2, odometerM: 20_000 + i * 50, motorSeconds: 5_000 + i * 30 }),
  });
  // A technician's visit booked in three days (the family sees it as an appointment).
  await h.db.prisma.workOrder.create({
    data: { centreId: fajar.centreId, deviceId: fajar.id, kind: 'preventive_service', rule: null, priority: 'normal', status: 'scheduled', scheduledAt: new Date(now + 3 * DAY), location: 'home' },
  });
  photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 60, b: 40 } } }).jpeg().toBuffer();

  context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, bypassCSP: true });
  page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await slowNetwork(page);
  const user = h.creds.users.find((u) => u.email === EMAIL.familyA2)!;
  await page.goto(`${server.baseUrl}/`);
  await submitLogin(page, user.email, user.password);
  await card().waitFor();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

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

describe('offline', () => {
  it('keeps a report made offline on the phone and delivers it exactly once when the connection returns', async () => {
    await page.goto(`${server.baseUrl}/`);
    await reportButton().waitFor();
    await context.setOffline(true);
    await reportButton().tap();
    await page.getByRole('button', { name: 'Kursi tidak mau jalan' }).tap();
    await page.getByLabel('Keterangan singkat (boleh dilewati)').fill('Tidak mau jalan sejak pagi.');
    await page.getByRole('button', { name: 'Kirim', exact: true }).tap();
    await page.getByRole('heading', { level: 1, name: 'Laporan disimpan di ponsel' }).waitFor();
    expect(await reportsOf('wont_move')).toHaveLength(0);

    // Home while offline: its data cannot load, the waiting report still shows.
    await page.getByRole('link', { name: 'Kembali ke beranda' }).last().tap();
    const waiting = page.locator('[data-outbox]');
    await waiting.first().waitFor();
    expect(await waiting.first().innerText()).toContain('Menunggu sinyal');
    expect(await reportsOf('wont_move')).toHaveLength(0);
    await context.setOffline(false);
    await expect.poll(async () => (await reportsOf('wont_move')).length, { timeout: 90_000 }).toBe(1);
    await expect.poll(() => page.locator('[data-outbox]').count(), { timeout: 60_000 }).toBe(0);
    // Once delivered it is gone from the phone: further reconnects send nothing more.
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.reload();
    await card().locator('[data-section="reports"]').getByText('Kursi tidak mau jalan').waitFor();
    const rows = await reportsOf('wont_move');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.description).toBe('Tidak mau jalan sejak pagi.');
    expect(rows[0]!.clientRequestId).toMatch(/^[0-9a-f-]{36}$/);
  }, 240_000);

  it('opens with no signal at all: the cached app and the remembered account still take a report, sent once later', async () => {
    await page.goto(`${server.baseUrl}/`);
    await reportButton().waitFor();
    const before = (await reportsOf('brakes')).length;
    await context.setOffline(true);
    // Opened again from the phone's home screen without a connection: a new tab, whose shell comes
    // from the service worker while /api/me cannot answer.
    const cold = await context.newPage();
    cold.setDefaultTimeout(60_000);
    try {
      await cold.goto(`${server.baseUrl}/`);
      expect(await cold.evaluate(() => navigator.onLine)).toBe(false);
      const button = cold.getByRole('link', { name: 'Laporkan masalah' });
      // Home's live data cannot load; the report button and the reports waiting on the phone still show.
      await cold.getByText('Tidak dapat terhubung', { exact: false }).first().waitFor();
      await button.waitFor();
      await button.tap();
      await cold.getByRole('button', { name: 'Rem bermasalah' }).tap();
      await cold.getByRole('button', { name: 'Kirim', exact: true }).tap();
      await cold.getByRole('heading', { level: 1, name: 'Laporan disimpan di ponsel' }).waitFor();
      expect(await reportsOf('brakes')).toHaveLength(before);
      await context.setOffline(false);
      await expect.poll(async () => (await reportsOf('brakes')).length, { timeout: 90_000 }).toBe(before + 1);
      await cold.evaluate(() => window.dispatchEvent(new Event('online')));
      await cold.goto(`${server.baseUrl}/`);
      await cold.locator('[data-section="reports"]').getByText('Rem bermasalah').first().waitFor();
      // The first tab, online again too, may be the one that sends it: this tab hears of it
      // (BroadcastChannel) and clears the item, as it does when it sends the report itself.
      await expect.poll(() => cold.locator('[data-outbox]').count(), { timeout: 60_000 }).toBe(0);
      expect(await reportsOf('brakes')).toHaveLength(before + 1);
    } finally {
      await context.setOffline(false);
      await cold.close();
    }
  }, 240_000);

  it('signing out forgets the remembered account: offline, the app no longer opens as the family', async () => {
    await page.goto(`${server.baseUrl}/`);
    await reportButton().waitFor();
    expect(await page.evaluate(() => localStorage.getItem('atensi.me'))).toContain('"role":"family"');
    await signOut(page);
    expect(await page.evaluate(() => localStorage.getItem('atensi.me'))).toBeNull();
    await context.setOffline(true);
    await page.goto(`${server.baseUrl}/`).catch(() => undefined);
    await page.getByRole('button', { name: /Coba lagi|Muat ulang/ }).or(page.getByRole('heading', { level: 1, name: 'Masuk' })).first().waitFor();
    expect(await reportButton().count()).toBe(0);
    await context.setOffline(false);
    // Sign in again for the tests that follow.
    const user = server.harness.creds.users.find((u) => u.email === EMAIL.familyA2)!;
    await page.goto(`${server.baseUrl}/`);
    await submitLogin(page, user.email, user.password);
    await reportButton().waitFor();
  }, 240_000);

  it('a resend after a lost answer makes no second report (the server answers the first one)', async () => {
    // Playwright cannot route requests a service worker controls: this phone has none.
    const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, serviceWorkers: 'block' });
    try {
      const p = await ctx.newPage();
      p.setDefaultTimeout(60_000);
      let lost = 0;
      await p.route('**/api/reports', async (route) => {
        if (route.request().method() !== 'POST' || lost > 0) return route.continue();
        lost += 1;
        // The server gets the report and answers, but the answer never reaches the phone.
        await route.fetch();
        await route.abort('connectionreset');
      });
      const user = server.harness.creds.users.find((u) => u.email === EMAIL.familyA2)!;
      await p.goto(`${server.baseUrl}/reports/new`);
      await submitLogin(p, user.email, user.password);
      await p.getByRole('button', { name: 'Baterai cepat habis' }).click();
      await p.getByRole('button', { name: 'Kirim', exact: true }).click();
      await p.getByRole('heading', { level: 1, name: 'Laporan disimpan di ponsel' }).waitFor();
      expect(lost).toBe(1);
      expect(await reportsOf('battery_drains')).toHaveLength(1);

      await p.evaluate(() => window.dispatchEvent(new Event('online')));
      await p.getByRole('link', { name: 'Kembali ke beranda' }).last().click();
      await p.locator(`article[data-beneficiary="${fajar.beneficiaryId}"] [data-section="reports"]`).getByText('Baterai cepat habis').waitFor();
      await expect.poll(() => p.locator('[data-outbox]').count()).toBe(0);
      expect(await reportsOf('battery_drains')).toHaveLength(1);
    } finally {
      await ctx.close();
    }
  }, 240_000);

  it('a report the server refuses stays on the phone, visibly failed, until the family sends it again', async () => {
    const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, serviceWorkers: 'block' });
    try {
      const p = await ctx.newPage();
      p.setDefaultTimeout(60_000);
      let refuse = true;
      await p.route('**/api/reports', async (route) => {
        if (route.request().method() !== 'POST' || !refuse) return route.continue();
        await route.fulfill({ status: 422, contentType: 'application/json', body: JSON.stringify({ error: { code: 'invalid_input', message: 'no', requestId: 'r' } }) });
      });
      const user = server.harness.creds.users.find((u) => u.email === EMAIL.familyA2)!;
      await p.goto(`${server.baseUrl}/reports/new`);
      await submitLogin(p, user.email, user.password);
      await p.getByRole('button', { name: 'Dudukan, bantalan, atau ukuran tidak pas' }).click();
      await p.getByRole('button', { name: 'Kirim', exact: true }).click();
      await p.getByRole('alert').filter({ hasText: 'Balai menolak laporan ini' }).waitFor();
      await p.getByRole('link', { name: 'Kembali ke beranda' }).last().click();
      const failed = p.locator('[data-outbox]');
      await failed.waitFor();
      expect(await failed.innerText()).toContain('Gagal terkirim');
      expect(await reportsOf('seat_fit')).toHaveLength(0);

      refuse = false;
      await failed.getByRole('button', { name: 'Kirim lagi' }).click();
      await expect.poll(() => p.locator('[data-outbox]').count()).toBe(0);
      expect(await reportsOf('seat_fit')).toHaveLength(1);
    } finally {
      await ctx.close();
    }
  }, 240_000);
});
