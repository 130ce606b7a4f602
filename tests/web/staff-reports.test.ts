// Staff handle family reports in a real browser: a technician finds a family's report in the list,
// reads it (the family's words stay text), triages it into a work order after confirming, sees the
// new status and the work order's link, and answers in the thread; a manager sees red flags first
// and makes a clinical follow-up. axe-core on every page, and the list at 360 px.
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectJson, quickSession } from '../helpers/api.ts';
import { startWebServer, type WebServer } from '../helpers/web-server.ts';
import { EMAIL, loadWorld, type World } from '../helpers/world.ts';
import { axeReport, launchBrowser, openPage, signIn, submitLogin } from './browser.ts';

/** Generous: the machine is shared, and a change may wait for a sign-in hash or a poll. */
const WAIT = { timeout: 30_000 };

let server: WebServer;
let browser: Browser;
let world: World;
let plainId: string;
let redFlagId: string;
const HOSTILE = '<img src=x onerror="window.__pwned=1">Kursi tidak bisa jalan sejak pagi';

async function familyReport(body: Record<string, unknown>): Promise<string> {
  const family = await quickSession(server.harness, EMAIL.familyA1);
  const r = await expectJson(await family.post('/api/reports', { beneficiaryId: world.beneficiaryOf.familyA1, clientRequestId: randomUUID(), ...body }), 201);
  return r.id as string;
}

/** Whether the status filter shows its chosen option whole: its box holds the text, padding and arrow. */
const statusFilterFits = (p: Page) =>
  p.locator('select#status').evaluate((el: HTMLSelectElement) => {
    const style = getComputedStyle(el);
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const arrow = 20;
    return ctx.measureText(el.selectedOptions[0]!.text).width + parseFloat(style.paddingLeft) + parseFloat(style.paddingRight) + arrow <= el.clientWidth;
  });

const nav = (p: Page) => p.getByRole('navigation', { name: 'Menu utama' });
const rows = (p: Page) => p.locator('tbody tr[data-report]');

beforeAll(async () => {
  [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
  world = await loadWorld(server.harness);
  plainId = await familyReport({ category: 'wont_move', description: HOSTILE });
  redFlagId = await familyReport({ category: 'pain_skin', description: 'Ada luka merah di pinggul' });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a technician triages a family report into a work order', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openPage(browser, { bypassCSP: true });
    await signIn(server, page, 'technician');
  });
  afterAll(() => page.context().close());

  it('lists the centre\'s open reports (red flags only as "urgent, clinical") with status and beneficiary', async () => {
    await nav(page).getByRole('link', { name: 'Laporan keluarga' }).click();
    await page.getByRole('heading', { level: 1, name: 'Laporan keluarga' }).waitFor();
    await expect.poll(() => page.locator(`tr[data-report="${plainId}"]`).count(), WAIT).toBe(1);
    // A red flag reaches technicians without its sign or words, and with nothing to open.
    const flagged = page.locator(`tr[data-report="${redFlagId}"]`);
    expect(await flagged.innerText()).toContain('Mendesak, klinis: ditangani terapis');
    expect(await flagged.innerText()).not.toMatch(/luka|Nyeri/);
    expect(await flagged.getByRole('link').count()).toBe(0);
    expect(await page.locator('select#status option:checked').innerText()).toBe('Semua yang masih terbuka');
    expect(await statusFilterFits(page)).toBe(true);
    // Technicians never see red flags, so they get no red-flag filter either.
    expect(await page.getByLabel('Tanda bahaya', { exact: true }).count()).toBe(0);
    const row = await page.locator(`tr[data-report="${plainId}"]`).innerText();
    for (const s of ['Kursi tidak mau jalan', 'Baru']) expect(row).toContain(s);
    const beneficiary = await server.harness.db.prisma.beneficiary.findUniqueOrThrow({ where: { id: world.beneficiaryOf.familyA1 } });
    expect(row).toContain(beneficiary.fullName);
    expect(await page.title()).toBe('Laporan keluarga · Atensi Mobility');
    expect(await axeReport(page)).toEqual([]);
  });

  it('shows the report with the family\'s words as text, and offers no clinical follow-up', async () => {
    await page.locator(`tr[data-report="${plainId}"]`).getByRole('link', { name: 'Kursi tidak mau jalan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kursi tidak mau jalan' }).waitFor();
    const main = page.getByRole('main');
    await main.getByText(HOSTILE).waitFor();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('atensi-report-page img').count()).toBe(0);
    expect(await main.getByRole('radio').count()).toBe(2);
    expect(await main.getByRole('radio', { name: /Tindak lanjut klinis/ }).count()).toBe(0);
    expect(await axeReport(page)).toEqual([]);
  });

  it('asks to confirm, then shows the new status and links to the work order', async () => {
    const main = page.getByRole('main');
    await main.getByRole('radio', { name: /Buat perintah kerja/ }).check();
    await main.getByLabel('Prioritas').selectOption({ label: 'Tinggi' });
    await main.getByLabel('Pesan untuk keluarga (boleh dikosongkan)').fill('Teknisi akan menghubungi Anda besok.');
    await main.getByRole('button', { name: 'Lanjutkan' }).click();
    await main.getByRole('heading', { name: 'Periksa lagi sebelum menyimpan' }).waitFor();
    expect(await main.getByText('Laporan ini akan menjadi perintah kerja dengan prioritas Tinggi.').isVisible()).toBe(true);
    // Nothing is saved before the confirmation.
    expect((await server.harness.db.prisma.issueReport.findUniqueOrThrow({ where: { id: plainId } })).status).toBe('new');
    expect(await axeReport(page)).toEqual([]);

    await main.getByRole('button', { name: 'Ya, simpan' }).click();
    const link = main.getByRole('link', { name: 'Buka perintah kerja' });
    await link.waitFor();
    const wo = await server.harness.db.prisma.workOrder.findFirstOrThrow({ where: { reportId: plainId } });
    expect(wo.priority).toBe('high');
    expect(await link.getAttribute('href')).toBe(`/work-orders/${wo.id}`);
    await expect.poll(() => main.locator('#status').innerText(), WAIT).toBe('Perintah kerja');
    expect((await server.harness.db.prisma.issueReport.findUniqueOrThrow({ where: { id: plainId } })).status).toBe('work_order');
    // The history shows the change and the words the family reads.
    await main.getByText('Teknisi akan menghubungi Anda besok.').waitFor();
    expect(await axeReport(page)).toEqual([]);
  });

  it('answers in the thread; markup in a comment stays text', async () => {
    const main = page.getByRole('main');
    await main.getByRole('button', { name: 'Kirim pesan' }).click();
    await main.getByText('Tulis pesan dulu.').waitFor();
    await main.getByLabel('Pesan untuk keluarga', { exact: true }).fill('<b>Besok</b> jam 9 kami datang');
    await main.getByRole('button', { name: 'Kirim pesan' }).click();
    await main.getByText('<b>Besok</b> jam 9 kami datang').waitFor();
    expect(await page.locator('atensi-report-page ul.thread b').count()).toBe(0);
    const stored = await server.harness.db.prisma.reportComment.findMany({ where: { reportId: plainId } });
    expect(stored.map((c) => c.body)).toEqual(['<b>Besok</b> jam 9 kami datang']);
  });

  it('asks the family for a photo, and the family is notified', async () => {
    const main = page.getByRole('main');
    await main.getByRole('button', { name: 'Minta foto dari keluarga' }).click();
    await main.getByText('Keluarga sudah diminta mengirim foto.').waitFor();
    const asked = await server.harness.db.prisma.notification.findMany({ where: { userId: world.user.familyA1, kind: 'report_photo_request', link: `/reports/${plainId}` } });
    expect(asked).toHaveLength(1);
  });

  it('opens the work order from the link', async () => {
    await page.getByRole('main').getByRole('link', { name: 'Buka perintah kerja' }).click();
    await page.getByRole('heading', { level: 1, name: 'Perbaikan' }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/work-orders\//);
  });
});

describe('the family on the same address', () => {
  it('sees the new status and the centre\'s answer, with no triage', async () => {
    const page = await openPage(browser, { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
    const family = server.harness.creds.users.find((u) => u.email === EMAIL.familyA1)!;
    await page.goto(`${server.baseUrl}/reports/${plainId}`);
    await submitLogin(page, family.email, family.password);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const main = page.getByRole('main');
    await main.getByText('<b>Besok</b> jam 9 kami datang').waitFor();
    await main.getByText('Teknisi akan menghubungi Anda besok.').waitFor();
    // The family reads its own plainer words for the same status, not the staff's.
    expect(await main.locator('#status').innerText()).toBe('Diteruskan ke teknisi');
    expect(await main.getByRole('heading', { level: 1 }).innerText()).toBe('Kursi tidak mau jalan');
    expect(await main.getByRole('radio').count()).toBe(0);
    expect(await main.getByRole('link', { name: 'Buka perintah kerja' }).count()).toBe(0);
    await page.context().close();
  });
});

describe('a manager and red flags', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openPage(browser, { bypassCSP: true });
    await signIn(server, page, 'manager', 'BK-PANGUDI-LUHUR');
  });
  afterAll(() => page.context().close());

  it('lists red flags first, marked in words, and filters to red flags only', async () => {
    // A newer plain report: newest-first alone would put it above the red flag.
    const newer = await familyReport({ category: 'brakes' });
    await page.goto(`${server.baseUrl}/reports`);
    await expect.poll(() => page.locator(`tr[data-report="${newer}"]`).count(), WAIT).toBe(1);
    expect(await rows(page).first().getAttribute('data-report')).toBe(redFlagId);
    expect(await rows(page).first().innerText()).toContain('Tanda bahaya');
    await page.getByLabel('Tanda bahaya', { exact: true }).selectOption('true');
    await expect.poll(() => page.locator(`tr[data-report="${newer}"]`).count(), WAIT).toBe(0);
    expect(await page.locator(`tr[data-report="${redFlagId}"]`).count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('redFlag')).toBe('true');
    await page.getByLabel('Status', { exact: true }).selectOption('work_order');
    await expect.poll(() => rows(page).count(), WAIT).toBe(0);
    await page.getByLabel('Status', { exact: true }).selectOption('open');
    await expect.poll(() => rows(page).count(), WAIT).toBe(1);
  });

  it('triages a red flag into a clinical follow-up with a due date', async () => {
    await page.locator(`tr[data-report="${redFlagId}"]`).getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: 'Nyeri atau luka kulit' }).waitFor();
    const main = page.getByRole('main');
    expect(await main.getByRole('radio').count()).toBe(3);
    // Staff read their own guidance, not the family's advice, and the family's phone to call.
    const guidance = await main.locator('[data-guidance]').innerText();
    expect(guidance).toContain('Telepon keluarga hari ini');
    expect(guidance).not.toContain('Terapis balai juga sudah diberi tahu');
    const contact = main.getByRole('region', { name: 'Hubungi keluarga' });
    const phone = (await server.harness.db.prisma.beneficiary.findUniqueOrThrow({ where: { id: world.beneficiaryOf.familyA1 } })).phone!;
    expect(await contact.getByRole('link', { name: phone }).getAttribute('href')).toBe(`tel:${phone.replace(/[^+\d]/g, '')}`);
    // A red flag starts as an urgent clinical follow-up, due today.
    expect(await main.getByRole('radio', { name: /Tindak lanjut klinis/ }).isChecked()).toBe(true);
    const pad = (n: number) => String(n).padStart(2, '0');
    const today = new Date();
    expect(await main.getByLabel('Paling lambat tanggal').inputValue()).toBe(`${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`);
    const due = new Date(Date.now() + 3 * 86_400_000);
    await main.getByLabel('Paling lambat tanggal').fill(`${due.getFullYear()}-${pad(due.getMonth() + 1)}-${pad(due.getDate())}`);
    await main.getByRole('button', { name: 'Lanjutkan' }).click();
    await main.getByText(/akan menjadi tindak lanjut klinis paling lambat/).waitFor();
    await main.getByRole('button', { name: 'Ya, simpan' }).click();
    await expect.poll(() => main.locator('#status').innerText(), WAIT).toBe('Tindak lanjut klinis');
    await main.getByText('Terapis menangani laporan ini lewat tindak lanjut klinis.').waitFor();
    const r = await server.harness.db.prisma.issueReport.findUniqueOrThrow({ where: { id: redFlagId } });
    expect(r.status).toBe('follow_up');
    expect(r.followUpId).toEqual(expect.any(String));
    expect(await axeReport(page)).toEqual([]);
  });

  it('closing needs a note for the family', async () => {
    const id = await familyReport({ category: 'seat_fit' });
    await page.goto(`${server.baseUrl}/reports/${id}`);
    const main = page.getByRole('main');
    await main.getByRole('radio', { name: /Tutup laporan/ }).check();
    await main.getByRole('button', { name: 'Lanjutkan' }).click();
    await main.getByText('Tulis alasan menutup laporan untuk keluarga.').waitFor();
    await main.getByLabel('Pesan untuk keluarga (wajib)').fill('Ukuran sudah sesuai; bantalan cukup dibalik.');
    await main.getByRole('button', { name: 'Lanjutkan' }).click();
    await main.getByRole('button', { name: 'Ya, simpan' }).click();
    await expect.poll(() => main.locator('#status').innerText(), WAIT).toBe('Ditutup');
    const events = await server.harness.db.prisma.reportEvent.findMany({ where: { reportId: id, status: 'closed' } });
    expect(events.map((e) => e.note)).toEqual(['Ukuran sudah sesuai; bantalan cukup dibalik.']);
  });
});

describe('phone, 360 px', () => {
  it('the report list fits the screen', async () => {
    const phone = await openPage(browser, { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, bypassCSP: true });
    await signIn(server, phone, 'therapist', 'BK-PANGUDI-LUHUR');
    await phone.goto(`${server.baseUrl}/reports?status=all`);
    await expect.poll(() => phone.locator('tbody tr[data-report]').count(), WAIT).toBeGreaterThan(1);
    await phone.locator('select#status').selectOption('open');
    expect(await statusFilterFits(phone)).toBe(true);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await axeReport(phone)).toEqual([]);
    await phone.context().close();
  });
});
