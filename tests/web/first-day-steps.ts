// Steps of the first-day walk in Chromium that repeat: the first admin made by `npm run admin:create`,
// inviting an account on the users page, accepting an invitation in a fresh browser, axe on a page.
import { spawn } from 'node:child_process';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { expect } from 'vitest';
import { root } from '../helpers/process.ts';
import { axeReport, openPage } from './browser.ts';

/** Runs the real `npm run admin:create` with the password on stdin; resolves with its exit code and output. */
export function npmAdminCreate(env: Record<string, string>, email: string, name: string, password: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'admin:create', '--', '--email', email, '--name', name, '--password-stdin'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.stdin.end(`${password}\n`);
    child.on('exit', (code) => resolve({ code, out }));
  });
}

/** No WCAG 2.2 AA violation on the page as it is now. */
export async function expectAxeClean(page: Page): Promise<void> {
  expect(await axeReport(page)).toEqual([]);
}

export const main = (page: Page) => page.getByRole('main');
/** A request's state, as its page shows it. */
export const badge = (page: Page, text: string) => main(page).locator('.head-links .badge', { hasText: text });

/** Submits the next pathway step and waits for the request's new state. */
export async function step(page: Page, button: RegExp, state: string) {
  await main(page).getByRole('button', { name: button }).click();
  await badge(page, state).waitFor();
}

export interface Invitee {
  name: string;
  email: string;
  role: 'manager' | 'therapist' | 'technician' | 'family';
  /** Admins choose the centre by its name; a manager's invitations are for their own centre. */
  centre?: string;
  /** A family member's child, by name. */
  child?: string;
}

/**
 * Fills "Add account" on /users, submits, and returns the invitation link shown once; checks the QR
 * code is there and axe is clean with the link open, then closes it.
 */
export async function invite(page: Page, baseUrl: string, who: Invitee): Promise<string> {
  // Always loaded afresh: the centre list is read when the page opens.
  await page.goto(`${baseUrl}/users`);
  const m = main(page);
  await m.getByRole('heading', { name: 'Tambah akun' }).waitFor();
  await m.getByLabel('Nama', { exact: true }).fill(who.name);
  await m.getByLabel('Email', { exact: true }).fill(who.email);
  await m.getByLabel('Peran').selectOption(who.role);
  if (who.centre) await m.getByLabel('Balai', { exact: true }).selectOption({ label: who.centre });
  if (who.child) {
    const child = m.getByLabel('Penerima manfaat yang diasuh (tidak wajib)');
    await child.locator('option', { hasText: who.child }).waitFor({ state: 'attached' });
    await child.selectOption({ label: who.child });
  }
  await m.getByRole('button', { name: 'Buat akun dan tautan undangan' }).click();
  const box = m.getByRole('group', { name: `Tautan undangan untuk ${who.name}` });
  // On failure, say what the page shows instead of only that the link never came.
  await box.waitFor({ timeout: 15_000 }).catch(async (err: Error) => {
    throw new Error(`${err.message}\nThe page shows:\n${await deepText(page)}`);
  });
  const link = (await box.locator('[data-invitation-url]').innerText()).trim();
  expect(link).toMatch(new RegExp(`^${baseUrl}/invite/[A-Za-z0-9_-]{43}$`));
  await box.getByRole('img', { name: `Kode QR tautan undangan untuk ${who.name}` }).waitFor();
  await expectAxeClean(page);
  await box.getByRole('button', { name: 'Selesai, tutup' }).click();
  await m.locator(`tr:has-text("${who.email}")`).waitFor();
  return link;
}

/**
 * Opens an invitation link in a new browser context (another person's device), sets the password and
 * returns the page, signed in on Home.
 */
export async function accept(browser: Browser, link: string, password: string, options: BrowserContextOptions = {}): Promise<Page> {
  const page = await openPage(browser, { bypassCSP: true, ...options });
  await page.goto(link);
  const m = main(page);
  await m.getByRole('heading', { level: 1, name: 'Buat kata sandi Anda' }).waitFor();
  await expectAxeClean(page);
  await m.getByLabel('Kata sandi baru', { exact: true }).fill(password);
  await m.getByRole('button', { name: 'Simpan dan masuk' }).click();
  await page.waitForURL(`${new URL(link).origin}/`);
  await page.getByRole('navigation', { name: 'Menu utama' }).waitFor();
  await main(page).getByRole('heading', { level: 1 }).waitFor();
  await expectAxeClean(page);
  return page;
}

/** Sends a JSON request from the page with its session, as the app's own client would; the status and body. */
export function fetchJson(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  return page.evaluate(async ([m, p, b]) => {
    const res = await fetch(p, { method: m, headers: b === undefined ? {} : { 'content-type': 'application/json' }, body: b === undefined ? undefined : JSON.stringify(b) });
    return { status: res.status, body: await res.json().catch(() => null) };
  }, [method, path, body] as const);
}

/** The main region's text, shadow roots included, for failure messages. */
export function deepText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const walk = (n: Node): string => {
      if (n.nodeType === Node.TEXT_NODE) return n.textContent ?? '';
      const el = n as Element;
      if (el.localName === 'style' || el.localName === 'script') return '';
      const kids = [...(el.shadowRoot?.childNodes ?? []), ...n.childNodes];
      return kids.map(walk).join(' ');
    };
    return walk(document.querySelector('main') ?? document.body).replace(/\s+/g, ' ').trim();
  });
}

/** No sideways scrolling: the page fits the phone's width. */
export async function expectFitsWidth(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
}

/** The registration form for a girl with CP born in 2018, a parent consenting as guardian. */
export async function fillChild(page: Page, name: string, { nik = '3275015204190009', guardian = 'Ibu Wulan', relationship = 'mother' } = {}): Promise<void> {
  const field = (label: RegExp) => main(page).getByLabel(label);
  await field(/^Nama lengkap/).fill(name);
  await field(/^NIK/).fill(nik);
  await field(/^Tanggal lahir/).fill('2018-03-14');
  await field(/^Jenis kelamin/).selectOption('female');
  await field(/^Alamat/).fill('Jl. Melati No. 7, Bekasi');
  await field(/^Diagnosis/).selectOption('cp');
  await field(/^Nama orang tua atau wali/).fill(guardian);
  await field(/^Hubungan dengan penerima manfaat/).selectOption(relationship);
}

/** The assessment of a child with CP whose measurements fit a 380 × 400 mm seat. */
export async function fillAssessment(page: Page): Promise<void> {
  const field = (label: RegExp) => main(page).getByLabel(label);
  await field(/^Tujuan pengguna/).fill('Duduk tegak di sekolah.');
  await field(/^Tempat kursi roda digunakan/).fill('rumah dan sekolah');
  await field(/^Lama pemakaian per hari/).fill('6');
  await field(/^Postur duduk/).fill('condong ke kiri');
  await field(/^Risiko luka tekan/).selectOption({ label: 'Sedang' });
  const mm: [RegExp, string][] = [[/^A\. Lebar pinggul/, '370'], [/^B\. Kedalaman duduk kiri/, '440'], [/^B\. Kedalaman duduk kanan/, '445'], [/^C\. Panjang betis kiri/, '420'], [/^C\. Panjang betis kanan/, '425']];
  for (const [label, value] of mm) await field(label).fill(value);
  for (const [label, value] of [[/^Level GMFCS/, 'Level III'], [/^Tipe/, 'Spastik'], [/^Sebaran/, 'Diplegia'], [/^Tonus otot/, 'Hipertonus'], [/^Kemampuan duduk/, 'Duduk dengan bertumpu tangan']] as const) {
    await field(label).selectOption({ label: value });
  }
}

/** The next request to `url` is refused with 422 and these issues, as the server would. */
export async function refuseOnce(page: Page, url: string, issues: { path: string[]; message: string; code: string }[]): Promise<void> {
  await page.route(url, (route) => route.fulfill({
    status: 422, contentType: 'application/json',
    body: JSON.stringify({ error: { code: 'invalid_input', message: 'the request is not valid; see issues', issues } }),
  }), { times: 1 });
}

/** The chairs template's Indonesian header, as an office's spreadsheet exports it (semicolons). */
export const CHAIRS_HEADER = 'Nomor Seri;Produsen;Model;Lebar Dudukan (mm);Kedalaman Dudukan (mm);Kode Balai;Tanggal Diterima;Pemasok;Sumber Dana;Tanggal Pasang Baterai';

/**
 * On the import page: chooses the file, checks it (the preview, axe-clean), imports it for real and
 * returns the count of chairs created that the result shows.
 */
export async function importFile(page: Page, name: string, csv: string): Promise<string> {
  const m = main(page);
  await m.getByRole('heading', { level: 1, name: 'Impor register' }).waitFor();
  await m.getByLabel('Berkas CSV').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await m.getByRole('button', { name: 'Periksa berkas' }).click();
  await m.getByRole('heading', { level: 2, name: `Hasil pemeriksaan ${name}` }).waitFor();
  await expectAxeClean(page);
  await m.getByRole('button', { name: 'Impor sungguhan' }).click();
  await m.getByRole('heading', { level: 2, name: `Impor selesai: ${name}` }).waitFor();
  await expectAxeClean(page);
  return (await m.locator('[data-outcome="created"] .stat').innerText()).trim();
}
