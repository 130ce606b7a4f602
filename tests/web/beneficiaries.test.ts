// Beneficiary list and detail per role, and the admin/manager tables, in a real browser.
// One page serves the file; each group signs in afresh as its role.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../helpers/web-server.ts';
import { focusedElement, forgetSession, launchBrowser, openPage, sectionHeadings, signIn } from './browser.ts';

let server: WebServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
  page = await openPage(browser);
});

async function signInAs(role: string) {
  await forgetSession(server, page);
  await signIn(server, page, role);
}
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const rows = (page: Page) => page.locator('tbody tr');
const columnNames = async (page: Page) => (await page.getByRole('columnheader').allInnerTexts()).map((s) => s.trim());
const nav = (page: Page) => page.getByRole('navigation', { name: 'Menu utama' });

async function idOf(fullName: string): Promise<string> {
  const b = await server.harness.db.prisma.beneficiary.findFirstOrThrow({ where: { fullName } });
  return b.id;
}

describe('therapist', () => {
  beforeAll(() => signInAs('therapist'));

  it('lists the centre’s beneficiaries and searches by name, debounced, keeping the search in the address', async () => {
    await nav(page).getByRole('link', { name: 'Penerima manfaat' }).click();
    await page.getByRole('heading', { level: 1, name: 'Penerima manfaat' }).waitFor();
    await expect.poll(() => rows(page).count()).toBe(10);
    expect(await columnNames(page)).toEqual(['Nama', 'Usia', 'Jenis kelamin', 'Kota', 'Diagnosis']);
    expect(await page.title()).toBe('Penerima manfaat · Atensi Mobility');

    const searches: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname === '/api/beneficiaries' && url.searchParams.has('q')) searches.push(url.searchParams.get('q')!);
    });
    await page.getByLabel('Cari nama').pressSequentially('rizky', { delay: 30 });
    await expect.poll(() => rows(page).count()).toBe(1);
    expect(await rows(page).first().innerText()).toContain('Rizky Pratama');
    expect(await page.getByRole('status').filter({ hasText: 'Ditemukan: 1' }).count()).toBe(1);
    expect(searches).toEqual(['rizky']);
    expect(new URL(page.url()).searchParams.get('q')).toBe('rizky');

    await page.getByLabel('Cari nama').fill('tidak-ada-nama-ini');
    await page.getByText('Tidak ada penerima manfaat yang cocok.').waitFor();
  });

  it('opens a detail with personal data, diagnosis, CP profile, consents and family; focus lands on the name', async () => {
    await page.goto(`${server.baseUrl}/beneficiaries?q=rizky`);
    await expect.poll(() => rows(page).count()).toBe(1);
    await page.getByRole('link', { name: 'Rizky Pratama' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rizky Pratama' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Profil cerebral palsy' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Riwayat layanan kursi roda' }).waitFor();
    // The therapist's forms to change the record come in their own component (its heading is listed last).
    expect(await sectionHeadings(page)).toEqual(['Data pribadi', 'Diagnosis', 'Profil cerebral palsy', 'Riwayat layanan kursi roda', 'Persetujuan', 'Keluarga', 'Ubah data']);
    const main = page.getByRole('main');
    for (const text of ['Level IV', 'Spastik', 'Kuadriplegia', 'Duduk dengan disangga', 'Skoliosis', 'Jl. Mawar No. 12, Bekasi Timur', 'Wali: Siti Aminah']) {
      expect(await main.getByText(text, { exact: true }).first().isVisible(), text).toBe(true);
    }
    expect(await main.getByText('Aktif', { exact: true }).count()).toBe(3); // service, health data, photos
    expect(await page.title()).toBe('Rizky Pratama · Atensi Mobility');
    expect(await focusedElement(page)).toEqual({ tag: 'h1', text: 'Rizky Pratama' });
    // The section of the navigation stays marked, but only the list's own page is "current".
    expect(await nav(page).getByRole('link', { name: 'Penerima manfaat' }).getAttribute('aria-current')).toBe('false');
  });

  it('shows the hydrocephalus profile with the head circumference history', async () => {
    await page.goto(`${server.baseUrl}/beneficiaries/${await idOf('Aisyah Putri Lestari')}`);
    await page.getByRole('heading', { level: 2, name: 'Profil hidrosefalus' }).waitFor();
    expect(await sectionHeadings(page)).not.toContain('Profil cerebral palsy');
    const main = page.getByRole('main');
    expect(await main.getByText('Kanan', { exact: true }).isVisible()).toBe(true);
    expect(await main.getByText('Ventrikuloperitoneal (VP)', { exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { level: 3, name: 'Riwayat lingkar kepala' }).isVisible()).toBe(true);
    expect(await page.getByRole('region', { name: 'Riwayat lingkar kepala' }).locator('tbody tr').count()).toBe(2);
  });

  it('gets "not found" for a beneficiary of another centre', async () => {
    await page.goto(`${server.baseUrl}/beneficiaries/${await idOf('Bagus Wicaksono')}`);
    await expect.poll(() => page.getByRole('alert').innerText()).toBe('Data tidak ditemukan atau tidak tersedia untuk akun Anda.');
  });
});

describe('technician', () => {
  beforeAll(() => signInAs('technician'));

  it('lists beneficiaries without a diagnosis column and sees no clinical sections in a detail', async () => {
    await nav(page).getByRole('link', { name: 'Penerima manfaat' }).click();
    await expect.poll(() => rows(page).count()).toBe(10);
    expect(await columnNames(page)).toEqual(['Nama', 'Usia', 'Jenis kelamin', 'Kota']);
    await page.getByRole('link', { name: 'Rizky Pratama' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rizky Pratama' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Riwayat layanan kursi roda' }).waitFor();
    expect(await sectionHeadings(page)).toEqual(['Data pribadi', 'Riwayat layanan kursi roda', 'Keluarga']);
    expect(await page.getByRole('main').getByText('Cerebral palsy').count()).toBe(0);
  });

  it('gets the not-found page for a page outside its role', async () => {
    await page.goto(`${server.baseUrl}/users`);
    await page.getByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' }).waitFor();
    expect(await page.title()).toBe('Halaman tidak ditemukan · Atensi Mobility');
    await page.getByRole('link', { name: 'Kembali ke beranda' }).click();
    await page.getByRole('heading', { level: 1, name: /^Selamat datang/ }).waitFor();
  });
});

describe('family', () => {
  it('sees its linked beneficiary on Home, and opens it without staff-only data', async () => {
    await signInAs('family');
    // One card per linked beneficiary (the family Home: tests/web/family.test.ts).
    const card = page.getByRole('main').getByRole('article');
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.getByRole('heading', { level: 2 }).innerText()).toBe('Rizky Pratama');
    await card.getByRole('link', { name: 'Rizky Pratama' }).click();
    await page.getByRole('heading', { level: 2, name: 'Riwayat layanan kursi roda' }).waitFor();
    expect(await sectionHeadings(page)).toEqual(['Data pribadi', 'Riwayat layanan kursi roda']);
    expect(await page.getByText('Alamat', { exact: true }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Kembali ke beranda' }).getAttribute('href')).toBe('/');
  });
});

describe('admin and manager', () => {
  it('admin pages through every centre’s beneficiaries and lists centres and users', async () => {
    await signInAs('admin');
    await nav(page).getByRole('link', { name: 'Penerima manfaat' }).click();
    await page.getByText('1–10 dari 20').waitFor();
    expect(await columnNames(page)).toContain('Balai');
    const firstRow = await rows(page).first().innerText();
    await page.getByRole('button', { name: 'Berikutnya' }).click();
    await page.getByText('11–20 dari 20').waitFor();
    await expect.poll(() => rows(page).first().innerText()).not.toBe(firstRow);
    expect(new URL(page.url()).searchParams.get('page')).toBe('2');
    expect(await page.getByRole('button', { name: 'Berikutnya' }).isDisabled()).toBe(true);

    const centres = await server.harness.db.prisma.centre.count();
    await nav(page).getByRole('link', { name: 'Balai' }).click();
    await page.getByRole('heading', { level: 1, name: 'Balai' }).waitFor();
    await expect.poll(() => rows(page).count()).toBe(centres);
    expect(await page.getByRole('cell', { name: 'BK-PANGUDI-LUHUR' }).count()).toBe(1);

    const users = await server.harness.db.prisma.user.count();
    await nav(page).getByRole('link', { name: 'Pengguna' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pengguna' }).waitFor();
    await expect.poll(() => rows(page).count()).toBe(users);
  });

  it('manager sees only its centre’s staff and families under "Staf balai"', async () => {
    await signInAs('manager');
    await nav(page).getByRole('link', { name: 'Pengguna' }).click();
    await page.getByRole('heading', { level: 1, name: 'Staf balai' }).waitFor();
    // Its staff, and the families of its centre's people (whom a manager may re-invite).
    await expect.poll(() => rows(page).count()).toBe(6);
    const roles = await page.locator('tbody tr td:nth-child(3)').allInnerTexts();
    expect(roles.sort()).toEqual(['Keluarga', 'Keluarga', 'Kepala balai', 'Teknisi', 'Terapis', 'Terapis']);
    expect(await page.title()).toBe('Staf balai · Atensi Mobility');
  });
});
