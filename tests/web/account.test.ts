// The account page on a 360 px phone, by keyboard: the devices signed in (this device, another
// ended), a weak new password refused with its reason, a strong one accepted (the other devices
// signed out), signing out everywhere; axe-clean in both languages.
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../server/src/sessions/sessions.service.ts';
import { cheapAccount } from '../helpers/api.ts';
import { startWebServer, type WebServer } from '../helpers/web-server.ts';
import { axeViolations, launchBrowser, openPage, submitLogin } from './browser.ts';

const ANDROID_PHONE = 'Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36';
const STRONG = 'layang-layang merah terbang di atas sawah';

let server: WebServer;
let browser: Browser;
let page: Page;
let account: { id: string; email: string; password: string };

beforeAll(async () => {
  [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
  account = await cheapAccount(server.harness, { email: `akun.${Date.now()}@test.atensi.id`, name: 'Ratna Dewi' });
  page = await openPage(browser, { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, bypassCSP: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Another device signed in to the account (a phone), written straight to the database. */
async function otherDevice(): Promise<string> {
  const now = new Date();
  const s = await server.harness.db.prisma.session.create({
    data: { tokenHash: hashToken(randomBytes(32).toString('base64url')), userId: account.id, userAgent: ANDROID_PHONE, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + 3_600_000) },
  });
  return s.id;
}
const sessionCount = () => server.harness.db.prisma.session.count({ where: { userId: account.id } });
const main = () => page.getByRole('main');

async function expectAxeClean() {
  const violations = await axeViolations(page);
  expect(violations.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.map((n) => n.target))}`)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

describe('my account, on a phone', () => {
  it('opens from the name in the header and lists the devices, with "this device" and an ended one', async () => {
    await otherDevice();
    await page.goto(`${server.baseUrl}/`);
    await submitLogin(page, account.email, account.password);
    await page.getByRole('link', { name: 'Ratna Dewi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Akun saya' }).waitFor();
    const items = main().getByRole('list').getByRole('listitem');
    await items.nth(1).waitFor();
    const texts = await items.allInnerTexts();
    expect(texts).toHaveLength(2);
    expect(texts.find((t) => t.includes('Perangkat ini'))).toBeTruthy();
    expect(texts.find((t) => t.includes('Chrome di Android (ponsel)'))).toMatch(/Terakhir aktif/);
    await expectAxeClean();

    await main().getByRole('button', { name: 'Keluarkan Chrome di Android (ponsel)' }).click();
    await main().getByRole('status').filter({ hasText: 'Perangkat itu sudah dikeluarkan.' }).waitFor();
    expect(await items.count()).toBe(1);
    expect(await sessionCount()).toBe(1);
  });

  it('refuses a weak password with the reason, by keyboard, and accepts a strong one, ending the other devices', async () => {
    await otherDevice();
    const current = main().getByLabel('Kata sandi sekarang', { exact: true });
    const next = main().getByLabel('Kata sandi baru', { exact: true });
    await current.focus();
    await page.keyboard.type(account.password);
    await page.keyboard.press('Tab');
    await page.keyboard.type('password1234');
    await page.keyboard.press('Enter');
    await main().getByText(/^Terlalu umum:/).waitFor();
    expect(await next.getAttribute('aria-invalid')).toBe('true');
    expect(await sessionCount()).toBe(2);
    await expectAxeClean();

    await next.fill(STRONG);
    await next.press('Enter');
    await main().getByRole('status').filter({ hasText: 'Kata sandi diganti. Perangkat lain sudah dikeluarkan (1).' }).waitFor();
    expect(await sessionCount()).toBe(1);
    expect(await main().getByRole('list').getByRole('listitem').count()).toBe(1);
  });

  it('speaks English too', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    expect(await page.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(['Change password', 'Devices signed in', 'Sign out everywhere']);
    await expectAxeClean();
    await page.getByRole('button', { name: 'Indonesia', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Akun saya' }).waitFor();
  });

  it('signs out everywhere after a confirmation, this device included', async () => {
    await otherDevice();
    await main().getByRole('button', { name: 'Keluar dari semua perangkat' }).click();
    await main().getByRole('button', { name: 'Ya, keluar dari semua' }).click();
    await page.getByRole('heading', { level: 1, name: 'Masuk' }).waitFor();
    expect(await sessionCount()).toBe(0);
    // The new password is the one that signs in now.
    await submitLogin(page, account.email, STRONG);
    await page.getByRole('navigation', { name: 'Menu utama' }).waitFor();
  });
});

describe('an admin\'s hold on accounts, on a phone', () => {
  let admin: Page;
  let staff: { id: string; email: string; password: string };
  beforeAll(async () => {
    const centreId = (await server.harness.db.prisma.centre.findFirstOrThrow()).id;
    staff = await cheapAccount(server.harness, { email: `teknisi.${Date.now()}@test.atensi.id`, name: 'Teknisi Reset', role: 'technician', centreId });
    admin = await openPage(browser, { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, bypassCSP: true });
    const user = server.user('admin');
    await admin.goto(`${server.baseUrl}/users`);
    await submitLogin(admin, user.email, user.password);
    await admin.getByRole('heading', { level: 1, name: 'Pengguna' }).waitFor();
  });
  const sessionsOf = (id: string) => server.harness.db.prisma.session.count({ where: { userId: id } });
  const signIn = (email: string, password: string) => server.harness.anonymous().post('/api/auth/login', { email, password });

  it('sends a new invitation link (for a forgotten password), shown once with its QR code; the old password works until it is used', async () => {
    expect((await signIn(staff.email, staff.password)).status).toBe(200);
    expect(await sessionsOf(staff.id)).toBe(1);
    await admin.getByRole('button', { name: 'Kirim undangan baru untuk Teknisi Reset' }).click();
    const box = admin.getByRole('group', { name: 'Tautan undangan untuk Teknisi Reset' });
    const link = (await box.locator('[data-invitation-url]').innerText()).trim();
    expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
    await box.getByRole('img', { name: 'Kode QR tautan undangan untuk Teknisi Reset' }).waitFor();
    expect(await server.harness.db.prisma.invitation.count({ where: { userId: staff.id, usedAt: null, revokedAt: null } })).toBe(1);
    expect(await sessionsOf(staff.id)).toBe(1);
    const violations = await axeViolations(admin);
    expect(violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`)).toEqual([]);
    await box.getByRole('button', { name: 'Selesai, tutup' }).click();
    expect(await admin.locator('[data-invitation-url]').count()).toBe(0);
  });

  it('disables an account after asking, ending its sessions and withdrawing its invitation at once', async () => {
    expect(await sessionsOf(staff.id)).toBe(1);
    await admin.getByRole('button', { name: 'Nonaktifkan Teknisi Reset' }).click();
    await admin.getByRole('button', { name: 'Ya, nonaktifkan' }).click();
    await admin.getByRole('button', { name: 'Aktifkan Teknisi Reset' }).waitFor();
    expect(await sessionsOf(staff.id)).toBe(0);
    expect((await server.harness.db.prisma.user.findUniqueOrThrow({ where: { id: staff.id } })).disabled).toBe(true);
    expect(await server.harness.db.prisma.invitation.count({ where: { userId: staff.id, revokedAt: null } })).toBe(0);
  });
});
