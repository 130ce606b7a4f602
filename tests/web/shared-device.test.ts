// A shared computer or phone, in Chromium: what one person typed or stored on the device is gone
// when they sign out, so the next person on the same tab sees none of it (UU PDP 27/2022). Drafts
// are kept per user; sign-out leaves no per-user key in localStorage, sessionStorage or IndexedDB
// (only the device's language); a family with unsent reports is asked before they are deleted.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../helpers/web-server.ts';
import { EMAIL } from '../helpers/world.ts';
import { axeViolations, launchBrowser, openPage, signIn, signOut, submitLogin } from './browser.ts';

let server: WebServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Every key the app keeps on this device: localStorage, sessionStorage, and the outbox's IndexedDB rows. */
function deviceKeys(page: Page): Promise<{ local: string[]; session: string[]; outbox: number }> {
  return page.evaluate(async () => {
    const outbox = await new Promise<number>((resolve) => {
      const open = indexedDB.open('atensi-outbox');
      open.onupgradeneeded = () => open.result.createObjectStore('reports');
      open.onsuccess = () => {
        const db = open.result;
        const count = db.transaction('reports', 'readonly').objectStore('reports').count();
        count.onsuccess = () => { resolve(count.result); db.close(); };
      };
    });
    return { local: Object.keys(localStorage).sort(), session: Object.keys(sessionStorage).sort(), outbox };
  });
}

const main = (page: Page) => page.getByRole('main');

describe('a therapist signs out on a shared computer', () => {
  it('the draft goes with them: the next person on the same tab sees an empty form, and no per-user key is left', async () => {
    const page = await openPage(browser);
    const referred = await server.harness.db.prisma.deviceRequest.findFirstOrThrow({ where: { state: 'referred', beneficiary: { fullName: 'Galang Ramadhan' } } });
    const therapist1 = server.harness.creds.users.find((u) => u.email === EMAIL.therapistA)!;
    const therapist2 = server.harness.creds.users.find((u) => u.email === EMAIL.therapistA2)!;
    await page.goto(`${server.baseUrl}/`);
    await submitLogin(page, therapist1.email, therapist1.password);
    await main(page).getByRole('listitem').first().waitFor();
    await page.goto(`${server.baseUrl}/requests/${referred.id}`);
    const goals = main(page).getByLabel(/^Tujuan pengguna/);
    await goals.fill('Catatan klinis rahasia: nyeri pinggul kiri.');
    // The draft survives a reload for the same person.
    await page.reload();
    await expect.poll(() => goals.inputValue()).toBe('Catatan klinis rahasia: nyeri pinggul kiri.');
    expect((await deviceKeys(page)).session.some((k) => k.startsWith('atensi.draft.'))).toBe(true);

    await signOut(page);
    expect(await deviceKeys(page)).toEqual({ local: ['atensi.locale'], session: [], outbox: 0 });

    await submitLogin(page, therapist2.email, therapist2.password);
    await main(page).getByRole('listitem').first().waitFor();
    await page.goto(`${server.baseUrl}/requests/${referred.id}`);
    await main(page).getByLabel(/^Lama pemakaian per hari/).waitFor();
    expect(await main(page).getByLabel(/^Tujuan pengguna/).inputValue()).toBe('');
    expect(await page.getByText('nyeri pinggul kiri').count()).toBe(0);
    await page.context().close();
  });

  it('a chosen language stays with the device after sign-out', async () => {
    const page = await openPage(browser);
    await signIn(server, page, 'technician');
    await page.getByRole('banner').getByRole('button', { name: 'English' }).click();
    await signOut(page);
    expect((await deviceKeys(page)).local).toEqual(['atensi.locale']);
    expect(await page.evaluate(() => localStorage.getItem('atensi.locale'))).toBe('en');
    await page.context().close();
  });
});

describe('a family signs out on a shared phone (360 px)', () => {
  it('asks before deleting an unsent report; after sign-out no per-user key is left', async () => {
    // No service worker: Playwright's offline switch then also covers the app's own requests.
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, serviceWorkers: 'block', bypassCSP: true });
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    const family = server.harness.creds.users.find((u) => u.email === EMAIL.familyA2)!;
    await page.goto(`${server.baseUrl}/`);
    await submitLogin(page, family.email, family.password);
    await page.getByRole('link', { name: 'Laporkan masalah' }).first().tap();
    await page.getByRole('button', { name: 'Rem bermasalah' }).waitFor();
    expect((await deviceKeys(page)).local).toEqual(expect.arrayContaining(['atensi.me', `atensi.reportContext.${(await server.harness.db.prisma.user.findUniqueOrThrow({ where: { email: family.email } })).id}`]));
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Rem bermasalah' }).tap();
    await page.getByRole('button', { name: 'Kirim', exact: true }).tap();
    await page.getByRole('heading', { level: 1, name: 'Laporan disimpan di ponsel' }).waitFor();
    expect((await deviceKeys(page)).outbox).toBe(1);

    // Signing out would delete it: the app says so, and "stay signed in" keeps everything.
    await page.getByRole('button', { name: 'Keluar' }).tap();
    const dialog = page.getByRole('dialog', { name: 'Ada 1 laporan yang belum terkirim' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('dihapus dari perangkat');
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await dialog.getByRole('button', { name: 'Tetap masuk' }).tap();
    await dialog.waitFor({ state: 'hidden' });
    expect((await deviceKeys(page)).outbox).toBe(1);
    expect(await page.getByRole('button', { name: 'Keluar' }).count()).toBe(1);

    await page.getByRole('button', { name: 'Keluar' }).tap();
    await dialog.getByRole('button', { name: 'Hapus laporan dan keluar' }).tap();
    await page.getByRole('heading', { level: 1, name: 'Masuk' }).waitFor();
    expect(await deviceKeys(page)).toEqual({ local: ['atensi.locale'], session: [], outbox: 0 });
    await context.setOffline(false);
    await context.close();
  }, 180_000);
});
