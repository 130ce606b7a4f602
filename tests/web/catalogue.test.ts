// The catalogue page and the chair's "new secret" in Chromium: an admin adds an electric model with
// its sizes and a threshold, is told what is missing on an empty form, and deactivates a model; a
// technician reads the catalogue without its forms and gives a chair a new secret, shown once. Axe-clean.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyDeviceSecret } from '../../core/devices/credentials.ts';
import { CENTRE_A } from '../helpers/harness.ts';
import { startWebServer, type WebServer } from '../helpers/web-server.ts';
import { axeViolations, focusedElement, forgetSession, launchBrowser, openPage, signIn } from './browser.ts';

let server: WebServer;
let browser: Browser;
let page: Page;
const NAME = `Kursi Uji ${Date.now()}`;

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

async function expectAxeClean() {
  const violations = await axeViolations(page);
  expect(violations.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.map((n) => n.target))}`)).toEqual([]);
}

describe('the catalogue, as the admin', () => {
  it('lists the models with their sizes and status', async () => {
    await signIn(server, page, 'admin');
    await page.goto(`${server.baseUrl}/catalogue`);
    await page.getByRole('heading', { level: 1, name: 'Katalog kursi roda' }).waitFor();
    const row = main().getByRole('row', { name: /ES-10 Lithium/ });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/400×420, 440×450[\s\S]*Aktif/);
    await expectAxeClean();
  });

  it('an empty form says what is missing, tied to the fields, and focuses the first', async () => {
    await main().getByRole('button', { name: 'Tambah model' }).click();
    await main().getByRole('button', { name: 'Tambah ke katalog' }).click();
    const name = main().getByLabel('Nama model');
    await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
    expect((await focusedElement(page)).tag).toBe('input');
    await expect.poll(async () => (await main().getByText('Wajib diisi.').count())).toBe(2);
    await expectAxeClean();
  });

  it('adds an electric model with its battery, sizes and a threshold of its own', async () => {
    await main().getByLabel('Nama model').fill(NAME);
    await main().getByLabel('Pembuat').fill('Pabrik Uji');
    await main().getByLabel('Jenis', { exact: true }).selectOption('electric');
    await main().getByLabel('Kode ISO 9999').fill('122306');
    await main().getByLabel('Ukuran (lebar × kedalaman dudukan, mm)').fill('400×420, 440x450');
    await main().getByLabel('Kapasitas (Ah)').fill('24');
    await main().getByLabel('Umur (siklus pengisian)').fill('1500');
    await main().getByText('Ambang perawatan khusus model ini').click();
    await main().getByLabel('Baterai sangat kosong di bawah (%)').fill('25');
    await expectAxeClean();
    await main().getByRole('button', { name: 'Tambah ke katalog' }).click();
    await main().getByRole('status').getByText(`${NAME} ditambahkan ke katalog.`).waitFor();
    const m = await db().deviceModel.findFirstOrThrow({ where: { name: NAME }, include: { sizes: true } });
    expect(m).toMatchObject({ kind: 'electric', isoCode: '12 23 06', ratedAh: 24, ratedCycles: 1500, batteryChemistry: 'agm' });
    expect(JSON.parse(m.thresholds!)).toEqual({ deepDischargeSocPct: 25 });
    expect(m.sizes.map((s) => `${s.seatWidthMm}x${s.seatDepthMm}`).sort()).toEqual(['400x420', '440x450']);
    await main().getByRole('row', { name: new RegExp(NAME) }).waitFor();
  });

  it('deactivates the model: still listed, marked inactive', async () => {
    await main().getByRole('button', { name: `Nonaktifkan ${NAME}` }).click();
    await main().getByRole('row', { name: new RegExp(NAME) }).getByText('Nonaktif (tidak ditawarkan)').waitFor();
    expect((await db().deviceModel.findFirstOrThrow({ where: { name: NAME } })).active).toBe(false);
  });
});

describe('as a technician', () => {
  it('reads the catalogue without its forms', async () => {
    await forgetSession(server, page);
    await signIn(server, page, 'technician', CENTRE_A);
    await page.goto(`${server.baseUrl}/catalogue`);
    await main().getByRole('row', { name: /ES-10 Lithium/ }).waitFor();
    expect(await main().getByRole('button', { name: 'Tambah model' }).count()).toBe(0);
    expect(await main().getByRole('button', { name: /^Ubah / }).count()).toBe(0);
  });

  it('gives an electric chair a new secret, shown once with a warning, that the registry then holds', async () => {
    const centre = await db().centre.findUniqueOrThrow({ where: { code: CENTRE_A } });
    const chair = await db().device.findFirstOrThrow({ where: { centreId: centre.id, mqttSecretHash: { not: null }, status: 'in_use' } });
    await page.goto(`${server.baseUrl}/fleet/${chair.id}`);
    const section = main().getByRole('region', { name: 'Kunci MQTT kursi' });
    await section.getByRole('button', { name: 'Buat kunci baru' }).click();
    await section.getByText(/Kunci lama langsung berhenti bekerja/).waitFor();
    await section.getByLabel('Alasan').selectOption('controller_replaced');
    await section.getByRole('button', { name: 'Ya, buat kunci baru' }).click();
    const secret = (await section.locator('[data-secret]').innerText()).trim();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await section.getByText(/hanya ditampilkan sekali/).waitFor();
    const after = await db().device.findUniqueOrThrow({ where: { id: chair.id } });
    expect(verifyDeviceSecret(secret, after.mqttSecretHash)).toBe(true);
    await expectAxeClean();
    await section.getByRole('button', { name: 'Sudah disalin, sembunyikan' }).click();
    expect(await section.locator('[data-secret]').count()).toBe(0);
  });
});
