// Notifications in a real browser: the header bell shows the unread count (urgent ones say so in
// words and with a mark), the page lists them, opening or marking one reads it, "mark all" empties
// the bell; every role has the bell. A manager sets up the centre's webhook and sees its secret once.
// axe-core on each page.
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

async function familyReport(category: string): Promise<string> {
  const family = await quickSession(server.harness, EMAIL.familyA1);
  const r = await expectJson(await family.post('/api/reports', { beneficiaryId: world.beneficiaryOf.familyA1, clientRequestId: randomUUID(), category }), 201);
  return r.id as string;
}

const unreadOf = (userId: string) => server.harness.db.prisma.notification.count({ where: { userId, readAt: null } });
const bell = (p: Page) => p.getByRole('banner').getByRole('link', { name: /^Pemberitahuan/ });

beforeAll(async () => {
  [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
  world = await loadWorld(server.harness);
  plainId = await familyReport('wont_move');
  redFlagId = await familyReport('pain_skin');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a technician\'s notifications', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openPage(browser, { bypassCSP: true });
    await signIn(server, page, 'technician');
  });
  afterAll(() => page.context().close());

  it('the bell shows the unread count from the server', async () => {
    const unread = await unreadOf(world.user.technicianA);
    expect(unread).toBeGreaterThanOrEqual(1);
    // The red flag reached technicians as one urgent notice (without its sign).
    await expect.poll(() => bell(page).getAttribute('aria-label'), WAIT).toBe(`Pemberitahuan: ${unread} belum dibaca, 1 penting`);
    expect(await bell(page).getAttribute('data-unread')).toBe(String(unread));
    expect(await bell(page).innerText()).toContain(String(unread));
  });

  it('the page lists them in words; opening one reads it and leads to the report', async () => {
    await bell(page).click();
    await page.getByRole('heading', { level: 1, name: 'Pemberitahuan' }).waitFor();
    const item = page.locator('li[data-notification]', { hasText: 'Laporan baru dari keluarga' }).first();
    await item.waitFor();
    const text = await item.innerText();
    expect(text).toContain('Belum dibaca');
    expect(text).toContain('Kursi tidak mau jalan');
    const beneficiary = await server.harness.db.prisma.beneficiary.findUniqueOrThrow({ where: { id: world.beneficiaryOf.familyA1 } });
    expect(text).toContain(beneficiary.fullName);
    // Technicians are told of a red flag only as urgent and clinical, never its sign.
    const clinical = page.locator('li[data-notification]', { hasText: 'Laporan klinis mendesak: ditangani terapis' });
    expect(await clinical.count()).toBe(1);
    expect(await clinical.innerText()).not.toMatch(/tanda bahaya|Nyeri|luka/i);
    expect(await clinical.getByRole('link').first().getAttribute('href')).toBe('/reports?redFlag=true');
    expect(await axeReport(page)).toEqual([]);

    const before = await unreadOf(world.user.technicianA);
    const id = await item.getAttribute('data-notification');
    await item.getByRole('link', { name: 'Laporan baru dari keluarga' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kursi tidak mau jalan' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/reports/${plainId}`);
    await expect.poll(() => server.harness.db.prisma.notification.findUniqueOrThrow({ where: { id: id! } }).then((n) => n.readAt !== null), WAIT).toBe(true);
    await expect.poll(() => bell(page).getAttribute('data-unread'), WAIT).toBe(String(before - 1));
  });

  it('marks one, then all, as read; the bell follows', async () => {
    // Two more, so there is something left to mark after marking one.
    await familyReport('brakes');
    await familyReport('battery_drains');
    await page.goto(`${server.baseUrl}/notifications`);
    const unreadItems = page.locator('li[data-notification][data-unread="true"]');
    await expect.poll(() => unreadItems.count(), WAIT).toBe(await unreadOf(world.user.technicianA));
    const count = await unreadItems.count();
    expect(count).toBeGreaterThanOrEqual(2);
    await unreadItems.first().getByRole('button', { name: /^Tandai sudah dibaca/ }).click();
    await expect.poll(() => unreadItems.count(), WAIT).toBe(count - 1);
    await expect.poll(() => bell(page).getAttribute('data-unread'), WAIT).toBe(String(count - 1));
    expect(await page.getByRole('main').getByRole('status').innerText()).toBe('Pemberitahuan ditandai sudah dibaca.');

    await page.getByRole('button', { name: 'Tandai semua sudah dibaca' }).click();
    await expect.poll(() => unreadItems.count(), WAIT).toBe(0);
    expect(await unreadOf(world.user.technicianA)).toBe(0);
    await expect.poll(() => bell(page).getAttribute('aria-label'), WAIT).toBe('Pemberitahuan: semua sudah dibaca');
    expect(await axeReport(page)).toEqual([]);
  });
});

describe('urgent notifications and every role', () => {
  it('a therapist\'s red flag is marked urgent in words, on the bell and in the list', async () => {
    const page = await openPage(browser, { bypassCSP: true });
    await signIn(server, page, 'therapist', 'BK-PANGUDI-LUHUR');
    const me = await server.harness.db.prisma.user.findUniqueOrThrow({ where: { email: server.user('therapist', 'BK-PANGUDI-LUHUR').email } });
    const urgent = await server.harness.db.prisma.notification.count({ where: { userId: me.id, readAt: null, urgent: true } });
    expect(urgent).toBeGreaterThanOrEqual(1);
    await expect.poll(() => bell(page).getAttribute('aria-label'), WAIT).toMatch(new RegExp(`belum dibaca, ${urgent} penting$`));
    expect(await bell(page).innerText()).toContain('!');
    await bell(page).click();
    const item = page.locator('li[data-notification]', { hasText: 'Laporan tanda bahaya' }).first();
    await item.waitFor();
    expect(await item.innerText()).toContain('Penting');
    expect(await item.getByRole('link').getAttribute('href')).toBe(`/reports/${redFlagId}`);
    expect(await axeReport(page)).toEqual([]);
    await page.context().close();
  });

  it('admin: has the bell and the page', async () => {
    const page = await openPage(browser, { bypassCSP: true });
    await signIn(server, page, 'admin');
    await bell(page).click();
    await page.getByRole('heading', { level: 1, name: 'Pemberitahuan' }).waitFor();
    await page.getByRole('main').getByRole('status').filter({ hasText: /belum dibaca/ }).waitFor();
    // Admins reach any centre's outbound channel through the centre list.
    await page.getByRole('link', { name: 'Atur saluran pesan keluar per balai' }).click();
    const centre = await server.harness.db.prisma.centre.findUniqueOrThrow({ where: { id: world.centreB } });
    await page.getByRole('link', { name: `Saluran pesan keluar ${centre.name}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Saluran pesan keluar' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/centres/${centre.id}/webhook`);
    await page.getByText('Belum ada saluran.').waitFor();
    expect(await axeReport(page)).toEqual([]);
    await page.context().close();
  });

  it('family: hears of the triage in plain words, at 360 px', async () => {
    const technician = await quickSession(server.harness, EMAIL.technicianA);
    await expectJson(await technician.post(`/api/reports/${plainId}/triage`, { outcome: 'work_order', priority: 'normal' }));
    const page = await openPage(browser, { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, bypassCSP: true });
    const family = server.harness.creds.users.find((u) => u.email === EMAIL.familyA1)!;
    await page.goto(`${server.baseUrl}/notifications`);
    await submitLogin(page, family.email, family.password);
    await expect.poll(() => bell(page).getAttribute('data-unread'), WAIT).toBe(String(await unreadOf(world.user.familyA1)));
    const item = page.locator('li[data-notification]', { hasText: 'Ada kabar tentang laporan' }).first();
    await item.waitFor();
    expect(await item.innerText()).toContain('sekarang: Diteruskan ke teknisi');
    expect(await item.getByRole('link').getAttribute('href')).toBe(`/reports/${plainId}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await axeReport(page)).toEqual([]);
    await page.context().close();
  });
});

describe('a manager sets up the centre\'s webhook', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openPage(browser, { bypassCSP: true });
    await signIn(server, page, 'manager', 'BK-PANGUDI-LUHUR');
  });
  afterAll(() => page.context().close());

  it('finds it from the notifications page; a bad address is refused in words', async () => {
    await bell(page).click();
    await page.getByRole('link', { name: /Atur saluran pesan keluar balai/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Saluran pesan keluar' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/centres/${world.centreA}/webhook`);
    await page.getByText('Belum ada saluran.').waitFor();
    await page.getByLabel('Alamat gateway (URL)').fill('gateway tanpa skema');
    await page.getByRole('button', { name: 'Buat saluran' }).click();
    await page.getByText('Isi alamat lengkap yang diawali http:// atau https://.').waitFor();
    expect(await server.harness.db.prisma.webhookEndpoint.count({ where: { centreId: world.centreA } })).toBe(0);
    expect(await axeReport(page)).toEqual([]);
  });

  it('creates it and shows the secret once', async () => {
    await page.getByLabel('Alamat gateway (URL)').fill('http://127.0.0.1:9/atensi-hook');
    await page.getByRole('button', { name: 'Buat saluran' }).click();
    const secret = page.locator('[data-secret]');
    await secret.waitFor();
    const shown = (await secret.innerText()).trim();
    const stored = await server.harness.db.prisma.webhookEndpoint.findUniqueOrThrow({ where: { centreId: world.centreA } });
    expect(stored.url).toBe('http://127.0.0.1:9/atensi-hook');
    expect(stored.enabled).toBe(true);
    expect(shown.length).toBeGreaterThanOrEqual(20);
    expect(await page.getByText('Kunci ini hanya ditampilkan sekali.', { exact: false }).isVisible()).toBe(true);
    await page.getByText('Aktif', { exact: true }).waitFor();
    expect(await axeReport(page)).toEqual([]);

    // Coming back later: the settings are there, the secret is not.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Saluran pesan keluar' }).waitFor();
    await expect.poll(() => page.getByLabel('Alamat gateway (URL)').inputValue(), WAIT).toBe('http://127.0.0.1:9/atensi-hook');
    expect(await page.locator('[data-secret]').count()).toBe(0);
    expect(await page.content()).not.toContain(shown);
  });

  it('rotates the secret after confirming, showing the new one once', async () => {
    const before = (await server.harness.db.prisma.webhookEndpoint.findUniqueOrThrow({ where: { centreId: world.centreA } })).secret;
    await page.getByRole('button', { name: 'Ganti kunci rahasia' }).click();
    await page.getByText(/Kunci lama langsung berhenti berlaku/).waitFor();
    await page.getByRole('button', { name: 'Ya, ganti kunci' }).click();
    const secret = page.locator('[data-secret]');
    await secret.waitFor();
    const after = (await server.harness.db.prisma.webhookEndpoint.findUniqueOrThrow({ where: { centreId: world.centreA } })).secret;
    expect(after).not.toBe(before);
    expect((await secret.innerText()).trim().length).toBeGreaterThanOrEqual(20);
    await page.getByRole('button', { name: 'Sudah saya salin, sembunyikan' }).click();
    expect(await page.locator('[data-secret]').count()).toBe(0);
  });

  it('lists recent deliveries, and turns the channel off', async () => {
    await familyReport('wont_charge');
    await page.reload();
    await expect.poll(() => page.locator('tr[data-delivery]').count(), WAIT).toBeGreaterThanOrEqual(1);
    expect(await page.locator('tr[data-delivery]').first().innerText()).toContain('Laporan baru dari keluarga');
    // A failed delivery's error is a category in words, never a socket error.
    const endpoint = await server.harness.db.prisma.webhookEndpoint.findUniqueOrThrow({ where: { centreId: world.centreA } });
    const failed = await Promise.all(
      (['private_address', 'http_503'] as const).map((lastError) =>
        server.harness.db.prisma.webhookDelivery.create({ data: { endpointId: endpoint.id, event: 'report_new', payload: '{}', attempts: 1, lastError } }),
      ),
    );
    await page.reload();
    await expect.poll(() => page.locator(`tr[data-delivery="${failed[0]!.id}"]`).count(), WAIT).toBe(1);
    expect(await page.locator(`tr[data-delivery="${failed[0]!.id}"]`).innerText()).toContain('Alamat pribadi atau lokal (tidak diizinkan)');
    expect(await page.locator(`tr[data-delivery="${failed[1]!.id}"]`).innerText()).toContain('Menjawab HTTP 503');
    await page.getByLabel('Kirim pemberitahuan ke alamat ini').uncheck();
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await page.getByText('Nonaktif', { exact: true }).waitFor();
    expect((await server.harness.db.prisma.webhookEndpoint.findUniqueOrThrow({ where: { centreId: world.centreA } })).enabled).toBe(false);
    expect(await axeReport(page)).toEqual([]);
  });
});
