// A chair's life in Chromium: the technician lends a stock chair from its page (the history shows the
// loan), the family sees the chair and only its own history on a 360 px phone, the chair comes back
// and the technician ticks the refurbishment checklist on its work order; the overdue-loans page.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serialKey } from '../../schemas/devices.ts';
import { CENTRE_A } from '../helpers/harness.ts';
import { startWebServer, type WebServer } from '../helpers/web-server.ts';
import { EMAIL, loadWorld, type World } from '../helpers/world.ts';
import { axeReport, focusedElement, launchBrowser, openPage, signIn, submitLogin } from './browser.ts';

let server: WebServer;
let browser: Browser;
let page: Page;
let world: World;
let chairId: string;
let serial: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
  const db = server.harness.db.prisma;
  world = await loadWorld(server.harness);
  const model = await db.deviceModel.findFirstOrThrow({ where: { kind: 'manual_adaptive' }, orderBy: { name: 'asc' } });
  serial = 'LIFE-WEB-001';
  chairId = (await db.device.create({ data: { serial, serialKey: serialKey(serial), modelId: model.id, centreId: world.centreA, status: 'in_stock' } })).id;
  page = await openPage(browser, { bypassCSP: true });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const api = (path: string, body: unknown) => page.evaluate(async ([p, b]) => (await fetch(p, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) })).status, [path, body] as const);

describe('the chair page', () => {
  it('offers the steps its status allows and lends the chair, which then shows in its history', async () => {
    await signIn(server, page, 'technician', CENTRE_A);
    await page.goto(`${server.baseUrl}/fleet/${chairId}`);
    const actions = page.getByRole('region', { name: 'Langkah untuk kursi ini' });
    await actions.waitFor();
    // In stock: lend, send away, retire; not take back or receive.
    expect(await actions.locator('summary').allInnerTexts()).toEqual(['Pinjamkan', 'Kirim ke balai lain', 'Hapus dari inventaris']);
    await actions.getByText('Pinjamkan', { exact: true }).click();
    const lend = actions.locator('[data-action="loan"]');
    // Submitting empty points at the first missing field.
    const person = await server.harness.db.prisma.beneficiary.findUniqueOrThrow({ where: { id: world.beneficiaryOf.familyA2 } });
    await lend.getByLabel('Penerima manfaat').locator('option', { hasText: person.fullName }).waitFor({ state: 'attached' });
    await lend.getByRole('button', { name: 'Pinjamkan kursi' }).click();
    await expect.poll(async () => (await focusedElement(page)).tag).toBe('select');
    expect((await focusedElement(page)).text).toContain(person.fullName);
    expect(await lend.getByLabel('Penerima manfaat').getAttribute('aria-invalid')).toBe('true');
    await lend.getByLabel('Penerima manfaat').selectOption({ label: person.fullName });
    await lend.getByLabel('Tanggal kembali').fill(new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10));
    await lend.getByRole('button', { name: 'Pinjamkan kursi' }).click();
    // On loan: the only step left is taking it back.
    await expect.poll(() => actions.locator('summary').allInnerTexts()).toEqual(['Terima kembali']);
    const history = page.locator('atensi-chair-history [data-history]');
    await expect.poll(() => history.locator('li').first().getAttribute('data-kind')).toBe('loaned');
    expect(await history.innerText()).toContain(person.fullName);
    expect(await axeReport(page)).toEqual([]);
  });

  it('lists the loan once it is overdue', async () => {
    await server.harness.db.prisma.loan.updateMany({ where: { deviceId: chairId }, data: { dueAt: new Date(Date.now() - 3 * 86_400_000) } });
    await page.goto(`${server.baseUrl}/loans`);
    await page.locator(`atensi-loans-page tr[data-loan]`).first().waitFor();
    expect(await page.locator('atensi-loans-page table').innerText()).toContain(serial);
    expect(await axeReport(page)).toEqual([]);
  });
});

describe('the family\'s phone (360 px)', () => {
  it('shows the lent chair and its own history only, without sideways scrolling', async () => {
    const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, bypassCSP: true });
    const p = await phone.newPage();
    const family = server.harness.creds.users.find((u) => u.email === EMAIL.familyA2)!;
    await p.goto(`${server.baseUrl}/`);
    await submitLogin(p, family.email, family.password);
    const box = p.locator(`details[data-history-for="${chairId}"]`);
    await box.waitFor();
    await box.locator('summary').tap();
    const steps = box.locator('[data-history] li');
    await steps.first().waitFor();
    expect(await steps.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-kind')))).toEqual(['loaned']);
    // No one from the workshop is named to the family.
    expect(await box.innerText()).not.toContain('oleh');
    expect(await p.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
    const summary = await box.locator('summary').boundingBox();
    expect(summary!.height).toBeGreaterThanOrEqual(44);
    expect(await axeReport(p)).toEqual([]);
    await phone.close();
  });
});

describe('refurbishment', () => {
  it('takes the chair back and ticks the checklist on its work order', async () => {
    expect(await api(`/api/devices/${chairId}/return`, { reason: 'loan_ended', condition: 'good' })).toBe(200);
    const w = await server.harness.db.prisma.workOrder.findFirstOrThrow({ where: { deviceId: chairId, kind: 'refurbishment' } });
    await page.goto(`${server.baseUrl}/work-orders/${w.id}`);
    const checklist = page.getByRole('region', { name: 'Daftar periksa rekondisi' });
    await checklist.waitFor();
    expect(await checklist.innerText()).toContain('0 dari 5 selesai');
    for (const item of ['clean_disinfect', 'frame_welds']) await checklist.locator(`[data-item="${item}"] input[type="checkbox"]`).check();
    await checklist.getByLabel('Catatan: Rem').fill('Kampas rem diganti.');
    await checklist.getByRole('button', { name: 'Simpan daftar periksa' }).click();
    await expect.poll(() => checklist.innerText()).toContain('2 dari 5 selesai');
    expect(await page.getByRole('group', { name: 'Hasil rekondisi' }).count()).toBe(0); // resolving needs the work started
    expect(await axeReport(page)).toEqual([]);
    const stored = JSON.parse((await server.harness.db.prisma.workOrder.findUniqueOrThrow({ where: { id: w.id } })).checklist!);
    expect(stored.find((e: { item: string }) => e.item === 'brakes')).toEqual({ item: 'brakes', done: false, note: 'Kampas rem diganti.' });
  });
});
