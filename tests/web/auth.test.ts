// Sign-in, per-role navigation, sign-out, language choice and session expiry, in a real browser.
// One page serves the whole file (a new renderer per test is slow on small machines); each test
// starts from a forgotten session.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../helpers/web-server.ts';
import { forgetSession, launchBrowser, navLinkNames, openPage, signIn, signOut, submitLogin } from './browser.ts';

let server: WebServer;
let browser: Browser;
let page: Page;
/** Console errors about the Content Security Policy, over every test of this file. */
const cspErrors: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
  page = await openPage(browser);
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) cspErrors.push(msg.text());
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
beforeEach(() => forgetSession(server, page));

const loginHeading = () => page.getByRole('heading', { level: 1, name: /^(Masuk|Sign in)$/ });
const roleLabels: Record<string, string> = {
  admin: 'Admin nasional',
  manager: 'Kepala balai',
  therapist: 'Terapis',
  technician: 'Teknisi',
  family: 'Keluarga',
};

describe('language', () => {
  // Runs before the per-role tests, which then show that other accounts still get Indonesian.
  it('switches to English, saves it for the user, and applies it at their next sign-in on another device', async () => {
    const therapist2 = server.harness.creds.users.filter((u) => u.role === 'therapist')[1]!;
    await page.goto(`${server.baseUrl}/`);
    await submitLogin(page, therapist2.email, therapist2.password);
    await page.getByRole('navigation', { name: 'Menu utama' }).waitFor();
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/me') && r.request().method() === 'PATCH');
    await page.getByRole('button', { name: 'English' }).click();
    expect((await saved).status()).toBe(200);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(`Welcome, ${therapist2.name}`);
    expect(await navLinkNames(page)).toEqual(['Home', 'Worklist', 'Wheelchair requests', 'Beneficiaries', 'Fleet', 'Loans', 'Family reports', 'Import', 'Catalogue']);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.title()).toBe('Home · Atensi Mobility');
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');

    // On this device the sign-in page now speaks English too.
    await signOut(page);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Sign in');

    // Another device (nothing stored) starts in Indonesian; the account brings English back.
    await forgetSession(server, page);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Masuk' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
    await submitLogin(page, therapist2.email, therapist2.password);
    await page.getByRole('navigation', { name: 'Main menu' }).waitFor();
    expect(await navLinkNames(page)).toEqual(['Home', 'Worklist', 'Wheelchair requests', 'Beneficiaries', 'Fleet', 'Loans', 'Family reports', 'Import', 'Catalogue']);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });
});

describe('signing in as each role', () => {
  const expected: Record<string, string[]> = {
    admin: ['Beranda', 'Daftar kerja', 'Permintaan kursi roda', 'Persetujuan & indikator', 'Penerima manfaat', 'Armada', 'Stok', 'Perintah kerja', 'Pinjaman', 'Laporan keluarga', 'Impor', 'Katalog', 'Balai', 'Pengguna', 'Log audit'],
    manager: ['Beranda', 'Daftar kerja', 'Permintaan kursi roda', 'Persetujuan & indikator', 'Penerima manfaat', 'Armada', 'Stok', 'Perintah kerja', 'Pinjaman', 'Laporan keluarga', 'Impor', 'Katalog', 'Pengguna', 'Log audit'],
    therapist: ['Beranda', 'Daftar kerja', 'Permintaan kursi roda', 'Penerima manfaat', 'Armada', 'Pinjaman', 'Laporan keluarga', 'Impor', 'Katalog'],
    technician: ['Beranda', 'Permintaan kursi roda', 'Penerima manfaat', 'Armada', 'Stok', 'Perintah kerja', 'Pinjaman', 'Laporan keluarga', 'Impor', 'Katalog'],
    family: ['Beranda', 'Permintaan kursi roda'],
  };

  for (const [role, names] of Object.entries(expected)) {
    it(`${role}: sees exactly its navigation, its name and role, then signs out`, async () => {
      const user = server.user(role);
      await signIn(server, page, role);
      expect(await navLinkNames(page)).toEqual(names);
      expect(await page.getByRole('link', { name: 'Beranda' }).getAttribute('aria-current')).toBe('page');
      const banner = page.getByRole('banner');
      expect(await banner.getByText(user.name, { exact: true }).isVisible()).toBe(true);
      expect(await banner.getByText(roleLabels[role]!, { exact: true }).isVisible()).toBe(true);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(`Selamat datang, ${user.name}`);
      expect(await page.title()).toBe('Beranda · Atensi Mobility');

      await signOut(page);
      expect(new URL(page.url()).pathname).toBe('/login');
      expect(await page.getByRole('navigation', { name: 'Menu utama' }).count()).toBe(0);
      // The session is gone on the server too: reloading stays on the sign-in page.
      await page.reload();
      await loginHeading().waitFor();
      expect(await page.getByRole('navigation', { name: 'Menu utama' }).count()).toBe(0);
    });
  }
});

describe('sign-in problems', () => {
  it('shows an alert for a wrong password and keeps the person on the sign-in page', async () => {
    await page.goto(`${server.baseUrl}/`);
    await submitLogin(page, server.user('therapist').email, 'not-the-password');
    await expect.poll(() => page.getByRole('alert').innerText()).toBe('Email atau kata sandi salah.');
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.getByRole('button', { name: 'Masuk' }).isEnabled()).toBe(true);
  });

  it('asks for missing fields without calling the server, and disables the button while signing in', async () => {
    let calls = 0;
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/auth/login', async (route) => {
      calls += 1;
      await held;
      await route.continue();
    });
    try {
      await page.goto(`${server.baseUrl}/`);
      await page.getByRole('button', { name: 'Masuk' }).click();
      await expect.poll(() => page.getByRole('alert').innerText()).toBe('Isi alamat email.');
      expect(await page.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');
      expect(calls).toBe(0);

      const user = server.user('therapist');
      await submitLogin(page, user.email, user.password);
      const busy = page.getByRole('button', { name: 'Sedang masuk…' });
      await busy.waitFor();
      expect(await busy.isDisabled()).toBe(true);
      release();
      await page.getByRole('navigation', { name: 'Menu utama' }).waitFor();
      expect(calls).toBe(1);
    } finally {
      release();
      await page.unrouteAll();
    }
  });
});

describe('session expiry', () => {
  it('returns to sign-in with a message when the API answers 401, then back to the same page', async () => {
    await signIn(server, page, 'therapist');
    await page.context().clearCookies();
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Penerima manfaat' }).click();
    await loginHeading().waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'Sesi Anda telah berakhir. Silakan masuk lagi.' }).count()).toBe(1);

    const user = server.user('therapist');
    await submitLogin(page, user.email, user.password);
    await page.getByRole('heading', { level: 1, name: 'Penerima manfaat' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/beneficiaries');
  });
});

describe('content security policy', () => {
  // Runs last: every flow above ran under the server's CSP (no inline scripts or styles).
  it('raised no CSP violations in any of the flows above', () => {
    expect(cspErrors).toEqual([]);
  });
});
