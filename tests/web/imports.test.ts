// The register import page in Chromium: a technician checks a semicolon CSV with a BOM (chairs), sees
// the preview, imports that same file for real and the chairs are then in the fleet API; a 10,000-row
// preview is paged, and a newly chosen file needs its own check; whole files refused (header only, not
// CSV, too large) are said at the file field; a therapist's people file with a refused row shows its
// line and column and cannot be imported; a technician is never offered the people kind. Axe-clean.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CENTRE_A } from '../helpers/harness.ts';
import { startWebServer, type WebServer } from '../helpers/web-server.ts';
import { axeReport, focusedElement, forgetSession, launchBrowser, openPage, signIn } from './browser.ts';

let server: WebServer;
let browser: Browser;
let page: Page;
const stamp = Date.now().toString(36).toUpperCase();
const CHAIRS_HEADER = 'Nomor Seri;Produsen;Model;Lebar Dudukan (mm);Kedalaman Dudukan (mm);Kode Balai;Tanggal Diterima;Pemasok;Sumber Dana;Tanggal Pasang Baterai';
const PEOPLE_HEADER = 'Nama Lengkap;NIK;Tanggal Lahir;Jenis Kelamin;Alamat;Kota;Telepon;Diagnosis;Kode Balai;Nama Wali;Cara Persetujuan;Tanggal Persetujuan;Nomor Seri Kursi';
const withBom = (header: string, rows: string[]) => Buffer.from(`\uFEFF${[header, ...rows].join('\r\n')}\r\n`, 'utf8');

beforeAll(async () => {
  [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
  page = await openPage(browser, { bypassCSP: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const main = () => page.getByRole('main');
const summary = () => main().getByRole('heading', { level: 2 });
const fileInput = () => main().getByLabel('Berkas CSV');

async function chooseFile(name: string, buffer: Buffer, mimeType = 'text/csv') {
  await fileInput().setInputFiles({ name, mimeType, buffer });
}

async function check() {
  await main().getByRole('button', { name: 'Periksa berkas' }).click();
}

describe('as a technician: chairs', () => {
  const serials = [`IMPWEB-${stamp}-1`, `impweb ${stamp}-2`];

  it('opens the page from the menu, offered chairs only, with both templates', async () => {
    await signIn(server, page, 'technician', CENTRE_A);
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Impor' }).click();
    await main().getByRole('heading', { level: 1, name: 'Impor register' }).waitFor();
    const kinds = main().getByRole('group', { name: 'Yang diimpor' }).getByRole('radio');
    expect(await kinds.count()).toBe(1);
    expect(await main().getByRole('radio', { name: 'Kursi roda (stok)' }).isChecked()).toBe(true);
    expect(await main().getByRole('radio', { name: 'Penerima manfaat' }).count()).toBe(0);
    for (const [name, lang, separator] of [['Unduh templat (Bahasa Indonesia, titik koma)', 'id', ';'], ['Unduh templat (English, koma)', 'en', ',']] as const) {
      const href = await main().getByRole('link', { name }).getAttribute('href');
      expect(href).toBe(`/api/imports/devices/template?lang=${lang}`);
      const res = await page.request.get(`${server.baseUrl}${href}`);
      expect(res.status()).toBe(200);
      expect((await res.text()).split(separator).length).toBe(10);
    }
    expect(await axeReport(page)).toEqual([]);
  });

  it('checks a semicolon file with a BOM: a preview, nothing written, focus on the summary', async () => {
    await chooseFile('kursi.csv', withBom(CHAIRS_HEADER, [
      `${serials[0]};;Moti-Care;280;280;;05/01/2026;PT Roda;APBN;`,
      `${serials[1]};Kaiyang;ES-10 Lithium;400;420;;2026-01-06;;;01/01/2026`,
    ]));
    await check();
    await summary().filter({ hasText: 'Hasil pemeriksaan kursi.csv' }).waitFor();
    await expect.poll(() => focusedElement(page)).toEqual({ tag: 'h2', text: 'Hasil pemeriksaan kursi.csv' });
    expect(await main().locator('[data-outcome="created"] .stat').innerText()).toBe('2');
    expect(await main().getByRole('row', { name: new RegExp(serials[0]!) }).innerText()).toMatch(/^2\s+\S+\s+Baru/);
    expect(await server.harness.db.prisma.device.count({ where: { serial: { in: serials } } })).toBe(0);
    expect(await axeReport(page)).toEqual([]);
  });

  it('imports that same file for real: the counts, focus on the result, and the chairs in the fleet API', async () => {
    await main().getByRole('button', { name: 'Impor sungguhan' }).click();
    await summary().filter({ hasText: 'Impor selesai: kursi.csv' }).waitFor();
    await expect.poll(() => focusedElement(page)).toEqual({ tag: 'h2', text: 'Impor selesai: kursi.csv' });
    expect(await main().locator('[data-outcome="created"] .stat').innerText()).toBe('2');
    expect(await main().getByRole('button', { name: 'Impor sungguhan' }).count()).toBe(0);
    for (const serial of serials) {
      const res = await page.request.get(`${server.baseUrl}/api/devices?q=${encodeURIComponent(serial)}`);
      const body = (await res.json()) as { items: { serial: string; status: string }[] };
      expect(body.items.map((d) => [d.serial, d.status])).toEqual([[serial, 'in_stock']]);
    }
    expect(await axeReport(page)).toEqual([]);
  });

  it('the same file again: every row unchanged, nothing to import', async () => {
    await main().getByRole('button', { name: 'Impor berkas lain' }).click();
    await expect.poll(() => focusedElement(page)).toEqual({ tag: 'input', text: '' });
    await chooseFile('kursi.csv', withBom(CHAIRS_HEADER, [
      `${serials[0]};;Moti-Care;280;280;;05/01/2026;PT Roda;APBN;`,
      `${serials[1]};Kaiyang;ES-10 Lithium;400;420;;2026-01-06;;;01/01/2026`,
    ]));
    await check();
    await summary().waitFor();
    expect(await main().locator('[data-outcome="unchanged"] .stat').innerText()).toBe('2');
    expect(await main().getByRole('button', { name: 'Impor sungguhan' }).isDisabled()).toBe(true);
    await main().getByText('tidak ada yang perlu diimpor').waitFor();
  });

  it('pages a 10,000-row preview fifty rows at a time; choosing another file forgets the check', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `PAGED-${stamp}-${i + 1};;Moti-Care;280;280;;05/01/2026;;;`);
    await chooseFile('panjang.csv', withBom(CHAIRS_HEADER, rows));
    await check();
    await summary().filter({ hasText: 'panjang.csv' }).waitFor({ timeout: 50_000 });
    expect(await main().locator('[data-outcome="created"] .stat').innerText()).toBe('10.000');
    expect(await main().locator('tbody tr').count()).toBe(50);
    await main().getByText('1–50 dari 10.000').waitFor();
    await main().getByRole('button', { name: 'Berikutnya' }).click();
    await main().getByText('51–100 dari 10.000').waitFor();
    expect(await main().locator('tbody tr').first().getAttribute('data-line')).toBe('52');
    expect(await main().locator('tbody tr').count()).toBe(50);
    // The import takes only the file that was checked: another file needs its own check first.
    await chooseFile('lain.csv', withBom(CHAIRS_HEADER, [`OTHER-${stamp};;Moti-Care;280;280;;05/01/2026;;;`]));
    expect(await summary().count()).toBe(0);
    expect(await main().getByRole('button', { name: 'Impor sungguhan' }).count()).toBe(0);
  });

  it('says at the file field when the whole file is refused: header only, not CSV, too large', async () => {
    const cases: [string, Buffer, string][] = [
      ['judul.csv', withBom(CHAIRS_HEADER, []), 'Berkas hanya berisi baris judul kolom, tanpa baris data.'],
      ['buku.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), 'Ini bukan berkas CSV. Di spreadsheet, pilih Simpan sebagai → CSV UTF-8.'],
      ['besar.csv', Buffer.alloc(10 * 1024 * 1024 + 1, 'a'), 'Berkas terlalu besar: paling besar 10 MB dan 20.000 baris. Bagi register menjadi beberapa berkas.'],
      // Under 10 MB but over 20,000 rows: the server's 413.
      ['banyak.csv', withBom(CHAIRS_HEADER, Array.from({ length: 20_001 }, (_, i) => `R${i};;Moti-Care;280;280;;05/01/2026;;;`)), 'Berkas terlalu besar: paling besar 10 MB dan 20.000 baris. Bagi register menjadi beberapa berkas.'],
    ];
    for (const [name, buffer, message] of cases) {
      await chooseFile(name, buffer);
      await check();
      const error = main().locator('#file-error');
      await expect.poll(() => error.textContent().catch(() => ''), { message: name }).toContain(message);
      expect(await fileInput().getAttribute('aria-invalid'), name).toBe('true');
      expect(await fileInput().getAttribute('aria-describedby'), name).toContain('file-error');
      await expect.poll(() => focusedElement(page), { message: name }).toEqual({ tag: 'input', text: '' });
      expect(await summary().count(), name).toBe(0);
    }
    expect(await axeReport(page)).toEqual([]);
  });
});

describe('as a therapist: people', () => {
  it('shows a refused row with its line and column, and "import for real" stays disabled', async () => {
    await forgetSession(server, page);
    await signIn(server, page, 'therapist', CENTRE_A);
    await page.goto(`${server.baseUrl}/imports`);
    await main().getByRole('heading', { level: 1, name: 'Impor register' }).waitFor();
    expect(await main().getByRole('radio', { name: 'Penerima manfaat' }).isChecked()).toBe(true);
    expect(await main().getByRole('radio', { name: 'Kursi roda (stok)' }).count()).toBe(0);
    const before = await server.harness.db.prisma.beneficiary.count();
    await chooseFile('orang.csv', withBom(PEOPLE_HEADER, [
      `Sari Impor ${stamp};;03/02/1990;P;Jl. Melati 4;Bekasi;;CP;;;tertulis;10/01/2024;`,
      `Dodi Impor ${stamp};;03/02/2099;L;Jl. Anggrek 9;;;hidrosefalus;;;lisan;2024-03-05;`,
    ]));
    await check();
    await summary().filter({ hasText: 'Hasil pemeriksaan orang.csv' }).waitFor();
    await expect.poll(() => focusedElement(page)).toEqual({ tag: 'h2', text: 'Hasil pemeriksaan orang.csv' });
    expect(await main().locator('[data-outcome="refused"] .stat').innerText()).toBe('1');
    // Refused rows are shown first: only that row, its line spanning one table row per problem (column, message).
    const cells = async (i: number) => (await main().locator('tbody tr').nth(i).locator('td').allInnerTexts()).map((s) => s.trim());
    expect(await main().locator('tbody tr[data-line]').count()).toBe(1);
    expect(await cells(0)).toEqual(['3', `Dodi Impor ${stamp}`, 'Ditolak', 'Tanggal Lahir', 'Tanggal di masa depan.']);
    expect(await cells(1)).toEqual(['Tanggal Persetujuan', 'Tanggal persetujuan harus antara tanggal lahir dan hari ini.']);
    expect(await main().locator('tbody tr').count()).toBe(4); // also the guardian's name and relationship a "child" needs
    const commit = main().getByRole('button', { name: 'Impor sungguhan' });
    expect(await commit.isDisabled()).toBe(true);
    expect(await main().locator('#commit-why').innerText()).toContain('tidak ada baris yang ditolak');
    await main().getByLabel('Tampilkan').selectOption('all');
    expect(await main().locator('tbody tr[data-line]').count()).toBe(2);
    expect(await cells(0)).toEqual(['2', `Sari Impor ${stamp}`, 'Baru', '', '']);
    expect(await axeReport(page)).toEqual([]);
    expect(await server.harness.db.prisma.beneficiary.count()).toBe(before);
  });
});

describe('as the admin', () => {
  it('is offered both kinds, and the templates follow the kind chosen', async () => {
    await forgetSession(server, page);
    await signIn(server, page, 'admin');
    await page.goto(`${server.baseUrl}/imports`);
    const templates = () => main().getByRole('link', { name: /^Unduh templat/ }).evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(await main().getByRole('group', { name: 'Yang diimpor' }).getByRole('radio').count()).toBe(2);
    expect(await templates()).toEqual(['/api/imports/devices/template?lang=id', '/api/imports/devices/template?lang=en']);
    await main().getByRole('radio', { name: 'Penerima manfaat' }).check();
    expect(await templates()).toEqual(['/api/imports/beneficiaries/template?lang=id', '/api/imports/beneficiaries/template?lang=en']);
  });
});
