// A therapist on the chair page in Chromium: reaches a stock chair from the fleet, sees exactly the
// steps the API lets them take (lend, then take back) and none of the workshop's tools (label, new
// work order, chair credentials), lends the chair with a due date and records its return.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serialKey } from '../../schemas/devices.ts';
import { CENTRE_A } from '../helpers/harness.ts';
import { startWebServer, type WebServer } from '../helpers/web-server.ts';
import { loadWorld, type World } from '../helpers/world.ts';
import { axeReport, launchBrowser, openPage, signIn } from './browser.ts';

let server: WebServer;
let browser: Browser;
let page: Page;
let world: World;
let chairId: string;
const serial = 'THER-WEB-001';

beforeAll(async () => {
  [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
  const db = server.harness.db.prisma;
  world = await loadWorld(server.harness);
  const model = await db.deviceModel.findFirstOrThrow({ where: { kind: 'electric' }, orderBy: { name: 'asc' } });
  chairId = (await db.device.create({ data: { serial, serialKey: serialKey(serial), modelId: model.id, centreId: world.centreA, status: 'in_stock' } })).id;
  page = await openPage(browser, { bypassCSP: true });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const actions = () => page.getByRole('region', { name: 'Langkah untuk kursi ini' });
const workshopTools = async (p: Page) => ({
  label: await p.getByRole('link', { name: 'Cetak label QR' }).count(),
  newWorkOrder: await p.locator('atensi-chair-page form').filter({ has: p.locator('#wo-description') }).count(),
  credentials: await p.locator('atensi-chair-credentials').count(),
});

describe('a therapist on the chair page', () => {
  it('finds the chair in the fleet and is offered only lending, without the workshop\'s tools', async () => {
    await signIn(server, page, 'therapist', CENTRE_A);
    await page.goto(`${server.baseUrl}/fleet`);
    await page.getByRole('link', { name: serial }).click();
    await actions().waitFor();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(serial);
    // In stock: the workshop may also send it away or retire it; a therapist may only lend it.
    expect(await actions().locator('summary').allInnerTexts()).toEqual(['Pinjamkan']);
    await page.getByRole('heading', { level: 2, name: 'Perintah kerja kursi ini' }).waitFor();
    expect(await workshopTools(page)).toEqual({ label: 0, newWorkOrder: 0, credentials: 0 });
    expect(await axeReport(page)).toEqual([]);
  });

  it('lends it to a person of their centre until a date, then takes it back', async () => {
    const db = server.harness.db.prisma;
    const person = await db.beneficiary.findUniqueOrThrow({ where: { id: world.beneficiaryOf.familyA2 } });
    await actions().getByText('Pinjamkan', { exact: true }).click();
    const lend = actions().locator('[data-action="loan"]');
    await lend.getByLabel('Penerima manfaat').locator('option', { hasText: person.fullName }).waitFor({ state: 'attached' });
    await lend.getByLabel('Penerima manfaat').selectOption({ label: person.fullName });
    const due = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    await lend.getByLabel('Tanggal kembali').fill(due);
    await lend.getByRole('button', { name: 'Pinjamkan kursi' }).click();
    await expect.poll(() => actions().locator('summary').allInnerTexts()).toEqual(['Terima kembali']);
    const loan = await db.loan.findFirstOrThrow({ where: { deviceId: chairId } });
    expect({ person: loan.beneficiaryId, due: loan.dueAt.toISOString().slice(0, 10), returned: loan.returnedAt }).toEqual({ person: person.id, due, returned: null });
    expect(await axeReport(page)).toEqual([]);

    await actions().getByText('Terima kembali', { exact: true }).click();
    const back = actions().locator('[data-action="return"]');
    await back.getByLabel('Alasan').selectOption('loan_ended');
    await back.getByLabel('Kondisi saat diterima').selectOption('good');
    await back.getByRole('button', { name: 'Terima kembali dan mulai rekondisi' }).click();
    // Refurbishing is the workshop's work: nothing is left for the therapist to do on it.
    await expect.poll(() => actions().innerText()).toContain('Tidak ada langkah yang bisa dilakukan pada status ini.');
    const history = page.locator('atensi-chair-history [data-history]');
    await expect.poll(() => history.locator('li').first().getAttribute('data-kind')).toBe('returned');
    const chair = await db.device.findUniqueOrThrow({ where: { id: chairId } });
    expect({ status: chair.status, beneficiary: chair.beneficiaryId }).toEqual({ status: 'refurbishing', beneficiary: null });
    expect((await db.loan.findFirstOrThrow({ where: { deviceId: chairId } })).returnedAt).not.toBeNull();
    expect(await axeReport(page)).toEqual([]);
  });

  it('the same chair shows a technician the workshop\'s tools the therapist did not see', async () => {
    const tech = await openPage(browser, { bypassCSP: true });
    await signIn(server, tech, 'technician', CENTRE_A);
    await tech.goto(`${server.baseUrl}/fleet/${chairId}`);
    await tech.locator('atensi-chair-credentials').waitFor({ state: 'attached' });
    expect(await workshopTools(tech)).toEqual({ label: 1, newWorkOrder: 1, credentials: 1 });
    expect(await tech.getByRole('region', { name: 'Langkah untuk kursi ini' }).locator('summary').allInnerTexts()).toContain('Hapus dari inventaris');
    await tech.close();
  });
});
