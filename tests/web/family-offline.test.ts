// The family's phone offline: reports kept on the phone are delivered exactly once, and sign-out forgets the account.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebServer } from '../helpers/web-server.ts';
import { EMAIL } from '../helpers/world.ts';
import { signOut, submitLogin } from './browser.ts';
import { cardOf, closeFamilyPhone, type FamilyPhone, openFamilyPhone, reportsOf as reportsOfPhone } from './family-phone.ts';

let phone: FamilyPhone;
let server: WebServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let fajar: FamilyPhone['fajar'];

beforeAll(async () => {
  phone = await openFamilyPhone();
  ({ server, browser, context, page, fajar } = phone);
}, 240_000);

afterAll(() => closeFamilyPhone(phone));

const reportsOf = (category: string) => reportsOfPhone(phone, category);
const card = () => cardOf(phone);
const reportButton = () => page.getByRole('link', { name: 'Laporkan masalah' });

// These tests need the app shell kept by the service worker, as the family home suite checks it is.
beforeAll(async () => {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(async () => (await (await caches.open('atensi-assets-v1')).keys()).some((r) => r.url.includes('/report-new.page-')), undefined, { timeout: 60_000 });
}, 120_000);

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
