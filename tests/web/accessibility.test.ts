// WCAG 2.2 AA checks in a real browser: axe-core on the main pages, keyboard use and focus,
// touch target sizes, and the layout at a 360 px phone width.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../helpers/web-server.ts';
import { axeReport, focusedElement, launchBrowser, navLinkNames, openPage, signIn } from './browser.ts';

let server: WebServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Violations as short lines, so a failure names the rule and the element. */

const nav = (page: Page) => page.getByRole('navigation', { name: 'Menu utama' });

describe('desktop', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openPage(browser, { bypassCSP: true });
  });
  afterAll(() => page.context().close());

  it('the sign-in page has no axe violations, a skip link first in tab order, and labelled fields', async () => {
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: 'Masuk' }).waitFor();
    expect(await axeReport(page)).toEqual([]);

    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toEqual({ tag: 'a', text: 'Langsung ke konten utama' });
    await page.keyboard.press('Enter');
    expect((await focusedElement(page)).tag).toBe('main');
    expect(await page.getByRole('textbox', { name: 'Email' }).count()).toBe(1);
    expect(await page.getByLabel('Kata sandi').getAttribute('type')).toBe('password');
  });

  it('after signing in: landmarks, keyboard navigation with focus on the new heading, a visible focus ring', async () => {
    await signIn(server, page, 'therapist');
    expect(await page.getByRole('banner').count()).toBe(1);
    expect(await page.getByRole('main').count()).toBe(1);
    expect(await axeReport(page)).toEqual([]);

    // Focus sits on the Home heading; one Shift+Tab reaches the last navigation link.
    await expect.poll(() => focusedElement(page)).toEqual({ tag: 'h1', text: 'Selamat datang, Ratna Kusuma' });
    await page.keyboard.press('Shift+Tab');
    expect(await focusedElement(page)).toEqual({ tag: 'a', text: 'Katalog' });
    const link = nav(page).getByRole('link', { name: 'Katalog' });
    const ring = await link.evaluate((a) => {
      const style = getComputedStyle(a);
      return { width: parseFloat(style.outlineWidth), style: style.outlineStyle };
    });
    expect(ring.width).toBeGreaterThanOrEqual(2);
    expect(ring.style).toBe('solid');

    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Katalog kursi roda' }).waitFor();
    await expect.poll(() => focusedElement(page)).toEqual({ tag: 'h1', text: 'Katalog kursi roda' });
    expect(await link.getAttribute('aria-current')).toBe('page');
  });

  it('the heading focused after a navigation shows no heavy ring; a keyboard user still sees where focus is', async () => {
    const heading = (name: string) => page.getByRole('main').getByRole('heading', { level: 1, name });
    const ring = (name: string) =>
      heading(name).evaluate((h) => {
        const style = getComputedStyle(h);
        return { width: style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth), visible: h.matches(':focus-visible') };
      });
    // By mouse: focus moves to the heading for screen readers, without a ring.
    await nav(page).getByRole('link', { name: 'Penerima manfaat' }).click();
    await expect.poll(() => focusedElement(page)).toEqual({ tag: 'h1', text: 'Penerima manfaat' });
    expect((await ring('Penerima manfaat')).width).toBe(0);
    // By keyboard: a light mark, never the 3 px ring of controls.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedElement(page)).toEqual({ tag: 'h1', text: 'Katalog kursi roda' });
    const keyboard = await ring('Katalog kursi roda');
    expect(keyboard.width).toBeGreaterThan(0);
    expect(keyboard.width).toBeLessThan(3);
  });

  it('the beneficiary list has no axe violations', async () => {
    await page.goto(`${server.baseUrl}/beneficiaries`);
    await expect.poll(() => page.locator('tbody tr').count()).toBe(10);
    expect(await axeReport(page)).toEqual([]);
  });

  it('the beneficiary detail pages (CP, and hydrocephalus with its tables) have no axe violations', async () => {
    for (const name of ['Rizky Pratama', 'Muhammad Fajar Nugroho']) {
      const b = await server.harness.db.prisma.beneficiary.findFirstOrThrow({ where: { fullName: name } });
      await page.goto(`${server.baseUrl}/beneficiaries/${b.id}`);
      await page.getByRole('heading', { level: 2, name: 'Persetujuan' }).waitFor();
      expect(await axeReport(page), name).toEqual([]);
    }
  });

  it('header and navigation controls are at least 44 px tall', async () => {
    const controls = [
      ...(await nav(page).getByRole('link').all()),
      ...(await page.getByRole('banner').getByRole('button').all()),
      ...(await page.getByRole('banner').getByRole('link').all()),
    ];
    // Nine navigation links for a therapist, three header buttons, the notifications bell and the
    // person's name (a link to their account).
    expect(controls.length).toBe(14);
    for (const control of controls) {
      const box = await control.boundingBox();
      expect(box!.height, await control.innerText()).toBeGreaterThanOrEqual(44);
    }
  });
});

describe('phone, 360 × 740', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openPage(browser, { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, bypassCSP: true });
    await signIn(server, page, 'admin');
  });
  afterAll(() => page.context().close());

  it('shows every navigation item on screen as a large target, with no sideways scrolling', async () => {
    expect(await navLinkNames(page)).toEqual(['Beranda', 'Daftar kerja', 'Permintaan kursi roda', 'Persetujuan & indikator', 'Penerima manfaat', 'Armada', 'Stok', 'Perintah kerja', 'Pinjaman', 'Laporan keluarga', 'Impor', 'Katalog', 'Balai', 'Pengguna', 'Log audit']);
    for (const link of await nav(page).getByRole('link').all()) {
      expect(await link.isVisible()).toBe(true);
      const box = (await link.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(360);
      expect(box.y + box.height).toBeLessThanOrEqual(740);
      expect(box.height).toBeGreaterThanOrEqual(44);
      expect(box.width).toBeGreaterThanOrEqual(44);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });

  it('navigates by tapping, and the list fits the screen without axe violations', async () => {
    await nav(page).getByRole('link', { name: 'Penerima manfaat' }).tap();
    await page.getByRole('heading', { level: 1, name: 'Penerima manfaat' }).waitFor();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(10);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const firstLink = page.locator('tbody tr').first().getByRole('link');
    const box = (await firstLink.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    expect(await axeReport(page)).toEqual([]);
  });
});
