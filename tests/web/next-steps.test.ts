// The next step of a request in Chromium, as the therapist and the manager meet it: a refused step
// says the server's reason beside the step with the way forward (send for refit; the open request),
// in both languages; the safe step is the preselected one; cancelling is secondary and confirmed.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../helpers/web-server.ts';
import { axeReport, launchBrowser, openPage, signIn } from './browser.ts';

let server: WebServer;
let browser: Browser;
let therapist: Page;
let manager: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
  [therapist, manager] = await Promise.all([openPage(browser, { bypassCSP: true }), openPage(browser, { bypassCSP: true })]);
  await signIn(server, therapist, 'therapist');
  await signIn(server, manager, 'manager');
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const db = () => server.harness.db.prisma;
const main = (page: Page) => page.getByRole('main');
const requestOf = (fullName: string) => db().deviceRequest.findFirstOrThrow({ where: { beneficiary: { fullName }, state: { notIn: ['cancelled', 'rejected', 'in_use'] } } });

describe('a fitting that found a problem', () => {
  it('preselects the refit; training anyway is refused with the reason next to the step and a "send for refit" action', async () => {
    const r = await requestOf('Aisyah Putri Lestari');
    expect(r.state).toBe('fitted');
    const fitting = await db().fitting.findFirstOrThrow({ where: { requestId: r.id }, orderBy: { fittedAt: 'desc' } });
    await db().fitting.update({ where: { id: fitting.id }, data: { pressureOk: false, outcome: 'refit_needed' } });

    await therapist.goto(`${server.baseUrl}/requests/${r.id}`);
    const next = main(therapist).getByRole('region', { name: 'Langkah berikutnya' });
    expect(await next.getByRole('radio', { name: 'Perlu penyesuaian ulang' }).isChecked()).toBe(true);
    await next.getByRole('radio', { name: 'Latihan pengguna' }).check();
    for (const box of await next.getByRole('checkbox').all()) await box.check();
    await next.getByRole('button', { name: 'Latihan pengguna' }).click();

    const alert = next.getByRole('alert');
    await alert.getByText('Pemasangan terakhir menemukan masalah').waitFor();
    expect(await alert.innerText()).not.toContain('Data bertentangan');
    // Beside the step's own button, not at the top of the page.
    const [alertBox, buttonBox] = [await alert.boundingBox(), await next.getByRole('button', { name: 'Latihan pengguna' }).boundingBox()];
    expect(Math.abs(buttonBox!.y - (alertBox!.y + alertBox!.height))).toBeLessThan(120);
    expect(await axeReport(therapist)).toEqual([]);

    await alert.getByRole('button', { name: 'Kirim untuk penyesuaian ulang' }).click();
    await next.getByRole('heading', { level: 3, name: 'Perlu penyesuaian ulang' }).waitFor();
    expect(await next.getByRole('radio', { name: 'Perlu penyesuaian ulang' }).isChecked()).toBe(true);
    await next.getByLabel(/^Apa yang harus diubah/).fill('Tambah bantalan di tulang duduk.');
    await next.getByRole('button', { name: 'Perlu penyesuaian ulang' }).click();
    await expect.poll(async () => (await db().deviceRequest.findUniqueOrThrow({ where: { id: r.id } })).state).toBe('prepared');
  });
});

describe('a second referral for someone with a request in progress', () => {
  it('says so in English and links to the open request', async () => {
    const open = await requestOf('Galang Ramadhan');
    await therapist.getByRole('banner').getByRole('button', { name: 'English' }).click();
    await therapist.goto(`${server.baseUrl}/requests/new?beneficiaryId=${open.beneficiaryId}`);
    await main(therapist).getByRole('heading', { level: 1, name: 'New referral' }).waitFor();
    await main(therapist).getByLabel(/^Referred by/).selectOption({ label: 'Health centre' });
    await main(therapist).getByLabel(/^Reason for referral/).fill('Second referral by mistake.');
    await main(therapist).getByRole('button', { name: 'Save the referral' }).click();
    const alert = main(therapist).getByRole('alert');
    await alert.getByText('This person already has a request in progress.').waitFor();
    const link = alert.getByRole('link', { name: 'Open the request in progress' });
    expect(await link.getAttribute('href')).toBe(`/requests/${open.id}`);
    expect(await axeReport(therapist)).toEqual([]);
    await link.click();
    await therapist.waitForURL(`**/requests/${open.id}`);
    await therapist.getByRole('banner').getByRole('button', { name: 'Indonesia' }).click();
  });
});

describe('the manager after approving the funding', () => {
  it('is offered no green cancel: cancelling is secondary, says what it does, and asks first', async () => {
    const r = await requestOf('Sri Wahyuni');
    expect(r.state).toBe('approved');
    await manager.goto(`${server.baseUrl}/requests/${r.id}`);
    const next = main(manager).getByRole('region', { name: 'Langkah berikutnya' });
    await next.getByText('Tidak ada langkah untuk Anda saat ini').waitFor();
    const open = next.getByRole('button', { name: 'Batalkan permintaan…' });
    // Outlined in the error colour, not the filled primary style.
    expect(await open.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 255, 255)');
    expect(await open.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(168, 35, 27)');
    await open.click();
    await next.getByLabel(/^Alasan pembatalan/).fill('Keluarga pindah ke luar kota.');
    await next.getByRole('button', { name: 'Batalkan permintaan', exact: true }).click();
    const dialog = manager.getByRole('dialog', { name: 'Batalkan permintaan untuk Sri Wahyuni?' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('tidak bisa dilanjutkan');
    expect(await axeReport(manager)).toEqual([]);
    await dialog.getByRole('button', { name: 'Jangan batalkan' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await db().deviceRequest.findUniqueOrThrow({ where: { id: r.id } })).state).toBe('approved');

    await next.getByRole('button', { name: 'Batalkan permintaan', exact: true }).click();
    await dialog.getByRole('button', { name: 'Ya, batalkan permintaan' }).click();
    await main(manager).locator('.head-links .badge', { hasText: 'Dibatalkan' }).waitFor();
    expect((await db().deviceRequest.findUniqueOrThrow({ where: { id: r.id } })).state).toBe('cancelled');
  });
});
