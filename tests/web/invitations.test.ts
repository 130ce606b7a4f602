// Accounts by invitation in Chromium: an admin adds a family account linked to its child, sees the
// one-time link with its QR code (the code holds exactly the link) and expiry; the parent opens the
// link on a 360 px phone, sets their own password (a weak one refused with its reason) and lands
// signed in on Home; a used link then says so. axe-clean in both steps.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qrPath } from '../../web/src/pages/labels/qr.ts';
import { startWebServer, type WebServer } from '../helpers/web-server.ts';
import { axeViolations, launchBrowser, openPage, signIn } from './browser.ts';

let server: WebServer;
let browser: Browser;
let adminPage: Page;
let phone: Page;
let link = '';
const email = `orangtua.${Date.now()}@test.atensi.id`;

beforeAll(async () => {
  [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
  adminPage = await openPage(browser, { viewport: { width: 1280, height: 900 }, bypassCSP: true });
  phone = await openPage(browser, { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, bypassCSP: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function expectAxeClean(page: Page) {
  const violations = await axeViolations(page);
  expect(violations.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.map((n) => n.target))}`)).toEqual([]);
}

describe('an admin invites a family member', () => {
  it('adds the account with its child and sees the link once, as text and QR code, with its expiry', async () => {
    await signIn(server, adminPage, 'admin');
    await adminPage.goto(`${server.baseUrl}/users`);
    const main = adminPage.getByRole('main');
    await main.getByRole('heading', { name: 'Tambah akun' }).waitFor();
    await main.getByLabel('Nama', { exact: true }).fill('Ibu Sri Lestari');
    await main.getByLabel('Email', { exact: true }).fill(email);
    await main.getByLabel('Peran').selectOption('family');
    const child = main.getByLabel('Penerima manfaat yang diasuh (tidak wajib)');
    await child.locator('option').nth(1).waitFor({ state: 'attached' });
    await child.selectOption({ index: 1 });
    const childName = (await child.locator('option:checked').innerText()).trim();
    await main.getByRole('button', { name: 'Buat akun dan tautan undangan' }).click();

    const box = main.getByRole('group', { name: 'Tautan undangan untuk Ibu Sri Lestari' });
    await box.waitFor();
    link = (await box.locator('[data-invitation-url]').innerText()).trim();
    expect(link).toMatch(new RegExp(`^${server.baseUrl}/invite/[A-Za-z0-9_-]{43}$`));
    const svgPath = await box.getByRole('img', { name: 'Kode QR tautan undangan untuk Ibu Sri Lestari' }).locator('path').getAttribute('d');
    expect(svgPath).toBe(qrPath(link).d);
    await box.getByText(/^Berlaku sampai /).waitFor();
    await expectAxeClean(adminPage);

    const user = await server.harness.db.prisma.user.findUniqueOrThrow({ where: { email }, include: { familyLinks: { include: { beneficiary: true } } } });
    expect(user.passwordHash).toBeNull();
    expect(user.familyLinks.map((l) => l.beneficiary.fullName)).toEqual([childName]);

    await box.getByRole('button', { name: 'Selesai, tutup' }).click();
    await expect(box.count()).resolves.toBe(0);
    await main.locator(`tr:has-text("${email}")`).waitFor();
  });
});

describe('the parent accepts on a 360 px phone', () => {
  it('sees who is invited, is refused a weak password with the reason, then sets their own and is signed in', async () => {
    await phone.goto(link);
    const main = phone.getByRole('main');
    await main.getByRole('heading', { level: 1, name: 'Buat kata sandi Anda' }).waitFor();
    await main.getByText('Undangan untuk Ibu Sri Lestari (Keluarga)', { exact: false }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAxeClean(phone);

    const password = main.getByLabel('Kata sandi baru', { exact: true });
    await password.fill('password1234');
    await main.getByRole('button', { name: 'Simpan dan masuk' }).click();
    await main.getByText(/^Terlalu umum:/).waitFor();
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    await expectAxeClean(phone);

    await password.fill('layang-layang merah terbang di atas sawah');
    await main.getByRole('button', { name: 'Simpan dan masuk' }).click();
    await phone.waitForURL(`${server.baseUrl}/`);
    await phone.getByRole('link', { name: 'Ibu Sri Lestari' }).waitFor();
    expect((await server.harness.db.prisma.user.findUniqueOrThrow({ where: { email } })).passwordHash).toMatch(/^scrypt\$/);
  });

  it('the same link, opened again, says it was used and points to sign-in', async () => {
    await phone.context().clearCookies();
    await phone.goto(link);
    const main = phone.getByRole('main');
    await main.getByRole('alert').getByText(/sudah dipakai/).waitFor();
    await main.getByRole('link', { name: 'Ke halaman masuk' }).waitFor();
    await expectAxeClean(phone);
  });
});
