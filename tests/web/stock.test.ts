// The stock page in Chromium: a technician sees the centre's counts by model and size, is told
// what is missing on an empty form, receives two chairs in one go and sees the counts change, and
// gets a refused serial shown next to the right row with nothing saved; an admin picks the centre
// first. Axe-clean, also at 360 px.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CENTRE_A, CENTRE_B } from '../helpers/harness.ts';
import { startWebServer, type WebServer } from '../helpers/web-server.ts';
import { axeReport, focusedElement, forgetSession, launchBrowser, openPage, signIn } from './browser.ts';

let server: WebServer;
let browser: Browser;
let page: Page;
const STAMP = Date.now().toString(36).toUpperCase();

beforeAll(async () => {
  [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
  page = await openPage(browser, { bypassCSP: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const db = () => server.harness.db.prisma;
const main = () => page.getByRole('main');
const chair = (n: number) => main().getByRole('group', { name: `Kursi ${n}` });

async function inStock(centreCode: string, modelName: string, w: number, d: number) {
  const [centre, model] = await Promise.all([db().centre.findUniqueOrThrow({ where: { code: centreCode } }), db().deviceModel.findFirstOrThrow({ where: { name: modelName } })]);
  return { centre, model, count: await db().device.count({ where: { centreId: centre.id, modelId: model.id, seatWidthMm: w, seatDepthMm: d, status: 'in_stock' } }) };
}

/** The "available" cell of a model and size in the counts table. */
const availableCell = (model: string, size: string) =>
  main().getByRole('row', { name: new RegExp(`${model}.*${size}`) }).getByRole('cell').nth(1);

describe('stock, as a technician', () => {
  it('opens from the navigation and counts the centre’s chairs by model and size', async () => {
    await signIn(server, page, 'technician', CENTRE_A);
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Stok' }).click();
    await page.getByRole('heading', { level: 1, name: 'Stok kursi roda' }).waitFor();
    const headers = await main().getByRole('columnheader').allInnerTexts();
    expect(headers.map((h) => h.trim())).toEqual(['Model', 'Ukuran (mm)', 'Tersedia', 'Disiapkan', 'Diperbaiki / rekondisi', 'Dalam pengiriman', 'Dipakai / dipinjamkan']);
    const centre = await db().centre.findUniqueOrThrow({ where: { code: CENTRE_A } });
    const total = await db().device.count({ where: { centreId: centre.id, status: 'in_stock' } });
    const totals = main().getByRole('row', { name: /^Jumlah/ });
    await expect.poll(async () => (await totals.getByRole('cell').nth(1).innerText()).trim()).toBe(String(total));
    expect(await axeReport(page)).toEqual([]);
  });

  it('an empty form says what is missing, next to each field, and focuses the first', async () => {
    await main().getByRole('button', { name: 'Terima ke stok' }).click();
    const serial = chair(1).getByLabel('Nomor seri');
    await expect.poll(() => serial.getAttribute('aria-invalid')).toBe('true');
    expect(await focusedElement(page)).toEqual({ tag: 'input', text: '' });
    expect(await chair(1).getByText('Wajib diisi.').count()).toBe(3);
    await main().getByRole('alert').getByText(/Tidak ada kursi yang disimpan/).waitFor();
    expect(await axeReport(page)).toEqual([]);
  });

  it('receives two chairs in one go, links to them, and the counts go up by two', async () => {
    const before = await inStock(CENTRE_A, 'Rough Terrain', 380, 400);
    await chair(1).getByLabel('Nomor seri').fill(`rt ${STAMP} 1`);
    await chair(1).getByLabel('Model').selectOption({ label: 'Rough Terrain (Manual adaptif)' });
    await chair(1).getByLabel('Ukuran dudukan (lebar × kedalaman)').selectOption({ label: '380 × 400 mm' });
    await chair(1).getByLabel('Pemasok (opsional)').fill('CV Roda Jaya');
    await chair(1).getByLabel('Sumber dana (opsional)').fill('APBN 2026');
    expect(await chair(1).getByLabel(/Tanggal baterai/).count()).toBe(0);
    await main().getByRole('button', { name: 'Tambah baris' }).click();
    // The new row copies all but the serial, and takes the focus.
    await expect.poll(() => focusedElement(page)).toEqual({ tag: 'input', text: '' });
    expect(await chair(2).getByLabel('Pemasok (opsional)').inputValue()).toBe('CV Roda Jaya');
    await page.keyboard.type(`RT-${STAMP}-2`);
    await main().getByRole('button', { name: 'Terima ke stok' }).click();

    const status = main().getByRole('status').filter({ hasText: 'kursi diterima ke stok' });
    await status.getByText('2 kursi diterima ke stok:').waitFor();
    const made = await db().device.findMany({ where: { serialKey: { in: [`RT${STAMP}1`, `RT-${STAMP}-2`] } }, orderBy: { serial: 'asc' } });
    expect(made.map((d) => [d.status, d.centreId, d.modelId, d.seatWidthMm, d.seatDepthMm, d.supplier, d.fundingSource])).toEqual(
      Array(2).fill(['in_stock', before.centre.id, before.model.id, 380, 400, 'CV Roda Jaya', 'APBN 2026']),
    );
    for (const d of made) expect(await status.getByRole('link', { name: d.serial }).getAttribute('href')).toBe(`/fleet/${d.id}`);
    await expect.poll(async () => (await availableCell('Rough Terrain', '380 × 400').innerText()).trim()).toBe(String(before.count + 2));
    // A fresh row for the next batch; the second row is gone.
    expect(await chair(1).getByLabel('Nomor seri').inputValue()).toBe('');
    expect(await chair(2).count()).toBe(0);
  });

  it('a serial already registered is refused next to its row, and nothing is saved', async () => {
    const before = await inStock(CENTRE_A, 'ES-10 Lithium', 400, 420);
    await chair(1).getByLabel('Nomor seri').fill(`ES-${STAMP}-NEW`);
    await chair(1).getByLabel('Model').selectOption({ label: 'ES-10 Lithium (Elektrik)' });
    await chair(1).getByLabel('Ukuran dudukan (lebar × kedalaman)').selectOption({ label: '400 × 420 mm' });
    // Electric: the battery date is offered.
    await chair(1).getByLabel('Tanggal baterai dipasang (opsional)').waitFor();
    await main().getByRole('button', { name: 'Tambah baris' }).click();
    await chair(2).getByLabel('Nomor seri').fill(`Rt${STAMP}1`);
    await main().getByRole('button', { name: 'Terima ke stok' }).click();

    const serial2 = chair(2).getByLabel('Nomor seri');
    await expect.poll(() => serial2.getAttribute('aria-invalid')).toBe('true');
    await chair(2).getByText('Nomor seri ini sudah terdaftar untuk kursi lain.').waitFor();
    expect(await chair(1).getByLabel('Nomor seri').getAttribute('aria-invalid')).toBe('false');
    expect(await db().device.count({ where: { serialKey: `ES-${STAMP}-NEW` } })).toBe(0);
    expect((await inStock(CENTRE_A, 'ES-10 Lithium', 400, 420)).count).toBe(before.count);
    expect(await axeReport(page)).toEqual([]);
  });

  it('works at 360 px: no sideways scrolling of the page, axe-clean', async () => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.reload();
    await chair(1).getByLabel('Nomor seri').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await axeReport(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});

describe('stock, as the admin', () => {
  it('counts every centre until one is chosen, then that centre’s, and receives there', async () => {
    await forgetSession(server, page);
    await signIn(server, page, 'admin');
    await page.goto(`${server.baseUrl}/stock`);
    await main().getByText('Pilih balai di atas untuk mencatat kursi yang diterima.').waitFor();
    expect(await main().getByRole('button', { name: 'Terima ke stok' }).count()).toBe(0);
    const b = await inStock(CENTRE_B, 'Moti-Care', 320, 300);
    await main().getByLabel('Balai').selectOption({ label: b.centre.name });
    await expect.poll(() => page.url()).toContain(`centre=${b.centre.id}`);
    await chair(1).getByLabel('Nomor seri').fill(`MC-${STAMP}`);
    await chair(1).getByLabel('Model').selectOption({ label: 'Moti-Care (Manual adaptif)' });
    await chair(1).getByLabel('Ukuran dudukan (lebar × kedalaman)').selectOption({ label: '320 × 300 mm' });
    await main().getByRole('button', { name: 'Terima ke stok' }).click();
    await main().getByRole('status').getByText('1 kursi diterima ke stok:').waitFor();
    expect((await db().device.findFirstOrThrow({ where: { serialKey: `MC-${STAMP}` } })).centreId).toBe(b.centre.id);
    await expect.poll(async () => (await availableCell('Moti-Care', '320 × 300').innerText()).trim()).toBe(String(b.count + 1));
    expect(await axeReport(page)).toEqual([]);
  });
});
