// The technician's fleet in a real browser: the fleet list, a chair with its charts, and a work
// order worked from open to resolved (its alert clears); axe-core on every fleet page; 360 px.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitRejections, commitSeries, deviceOf, fleetStore, HOUR, ruleAlert, ruleWorkOrder } from '../helpers/fleet-fixture.ts';
import { startWebServer, type WebServer } from '../helpers/web-server.ts';
import { axeReport, launchBrowser, openPage, signIn } from './browser.ts';

let server: WebServer;
let browser: Browser;
let page: Page;
let fajar: Awaited<ReturnType<typeof deviceOf>>;
let dimas: Awaited<ReturnType<typeof deviceOf>>;
let workOrderId: string;
let alertId: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
  const h = server.harness;
  [fajar, dimas] = await Promise.all([deviceOf(h, 'Muhammad Fajar Nugroho'), deviceOf(h, 'Dimas Saputra')]);
  const now = Date.now();
  const store = fleetStore(h);
  // Fajar: a sample every 5 minutes for 30 hours, falling from 95 % to 59 %, charging in the last half hour.
  await commitSeries(store, fajar.id, {
    from: now - 30 * HOUR,
    to: now - 60_000,
    everyMs: 300_000,
    at: (i) => ({ socPct: 95 - i * 0.1, odometerM: 150_000 + i * 10, motorSeconds: 90_000 + i * 8, charging: i >= 350 }),
  });
  // Dimas: nearly empty and not charging, a worn battery.
  await commitSeries(store, dimas.id, {
    from: now - 3 * HOUR,
    to: now - 120_000,
    everyMs: 600_000,
    at: (i) => ({ socPct: 14 - i * 0.5, odometerM: 20_000 + i * 50, motorSeconds: 5_000 + i * 30, fullChargeAh: dimas.model.ratedAh! * 0.6 }),
  });
  // Someone tried 37 wrong secrets with Dimas's chair id: counted, not a row each (finding 4).
  await commitRejections(
    store,
    Array.from({ length: 37 }, (_, i) => ({
      receivedAt: now - 2 * HOUR + i * 1000, deviceId: dimas.id, clientId: dimas.id, topic: '', reason: 'auth_failed' as const,
      detail: 'wrong secret or unknown device', size: 0, preview: null, countWindowMs: 15 * 60_000,
    })),
  );
  const world = await h.db.prisma.centre.findUniqueOrThrow({ where: { code: 'BK-PANGUDI-LUHUR' } });
  const wo = await ruleWorkOrder(h, {
    centreId: world.id, deviceId: dimas.id, rule: 'battery_wear', kind: 'battery_replacement', priority: 'high',
    forecastAt: new Date(now + 20 * 86_400_000), details: { forecast: { crossAt: new Date(now + 20 * 86_400_000).toISOString(), points: [{ t: now - 86_400_000, capacityPct: 61 }, { t: now, capacityPct: 60 }] } },
  });
  workOrderId = wo.id;
  alertId = (await ruleAlert(h, { centreId: world.id, deviceId: dimas.id, kind: 'battery_wear', severity: 'warning', workOrderId: wo.id })).id;
  page = await openPage(browser, { bypassCSP: true });
  await signIn(server, page, 'technician');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const nav = (p: Page) => p.getByRole('navigation', { name: 'Menu utama' });
const rows = (p: Page) => p.locator('tbody tr[data-device]');
/** A datetime-local value (local time) some days from now at 09:30. */
function localDateTime(daysAhead: number) {
  const d = new Date(Date.now() + daysAhead * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T09:30`;
}

describe('fleet list', () => {
  it('shows the centre\'s chairs with battery, charging, health in words and last seen', async () => {
    await nav(page).getByRole('link', { name: 'Armada' }).click();
    await page.getByRole('heading', { level: 1, name: 'Armada kursi roda' }).waitFor();
    const centreA = await server.harness.db.prisma.device.count({ where: { centreId: fajar.centreId } });
    await expect.poll(() => rows(page).count()).toBe(centreA);
    expect(await page.title()).toBe('Armada kursi roda · Atensi Mobility');

    const f = page.locator(`tr[data-device="${fajar.id}"]`);
    const text = await f.innerText();
    for (const s of [fajar.serial, 'Muhammad Fajar Nugroho', '59 %', 'Mengisi daya', 'Baik', 'Tidak terhubung']) expect(text).toContain(s);
    expect(text).toMatch(/(menit|detik) yang lalu|baru saja/);
    const d = await page.locator(`tr[data-device="${dimas.id}"]`).innerText();
    for (const s of ['Risiko tinggi', 'Baterai aus', 'Baterai hampir habis', 'Peringatan']) expect(d).toContain(s);
    // Highest risk first by default: the chair with the worn battery leads.
    expect(await rows(page).first().getAttribute('data-device')).toBe(dimas.id);
  });

  it('sorts by battery and filters by health, keeping both in the address', async () => {
    await page.getByLabel('Urutkan', { exact: true }).selectOption('battery');
    await expect.poll(() => rows(page).nth(1).getAttribute('data-device')).toBe(fajar.id);
    expect(await rows(page).first().getAttribute('data-device')).toBe(dimas.id);
    await page.getByLabel('Kesehatan', { exact: true }).selectOption('ok');
    await expect.poll(() => page.locator(`tr[data-device="${dimas.id}"]`).count()).toBe(0);
    expect(await page.locator(`tr[data-device="${fajar.id}"]`).count()).toBe(1);
    const url = new URL(page.url());
    expect([url.searchParams.get('sort'), url.searchParams.get('risk')]).toEqual(['battery', 'ok']);
    expect(await axeReport(page)).toEqual([]);
  });
});

describe('a chair', () => {
  it('shows state, charts with a text summary and a table, and the refused-message counts', async () => {
    await page.getByRole('link', { name: fajar.serial }).click();
    await page.getByRole('heading', { level: 1, name: fajar.serial }).waitFor();
    const main = page.getByRole('main');
    await main.getByRole('heading', { level: 2, name: 'Baterai dan pemakaian' }).waitFor();
    expect(await main.getByText('Mengisi daya').first().isVisible()).toBe(true);
    // Both charts drew on canvas, and each names itself with its summary.
    await expect.poll(() => page.locator('atensi-telemetry-chart canvas').count()).toBeGreaterThanOrEqual(2);
    const battery = page.locator('atensi-telemetry-chart[kind="battery"] [role="img"]');
    // The 24-hour window moves with the clock: depending on the time of day its first hour is the
    // 88 % or the preceding 89 % sample, so the highest value may be either.
    expect(await battery.getAttribute('aria-label')).toMatch(/^Baterai dari 88 % menjadi 59 %, terendah 59 %, tertinggi 8[89] %/);
    await main.getByText('Tampilkan data sebagai tabel').click();
    expect(await main.getByRole('table', { name: 'Data per jam' }).locator('tbody tr').count()).toBeGreaterThanOrEqual(24);
    await main.getByRole('heading', { level: 2, name: 'Pesan yang ditolak' }).waitFor();
    expect(await main.getByText('Tidak ada pesan yang ditolak.').isVisible()).toBe(true);

    await main.getByRole('button', { name: '7 hari' }).click();
    expect(await main.getByRole('button', { name: '7 hari' }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => battery.getAttribute('aria-label')).toMatch(/^Baterai dari \d+ % menjadi 59 %, terendah 59 %, tertinggi 95 %/);
    // Off the chart, the legend shows the latest values (the last charge 59 %), not placeholders.
    const legend = page.locator('atensi-telemetry-chart[kind="battery"] .u-legend');
    await expect.poll(() => legend.innerText()).toContain('59');
    expect(await legend.innerText()).not.toContain('--');
    expect(await axeReport(page)).toEqual([]);
  });
});

describe('refused connections', () => {
  it('the chair page tells the technician how many connections were refused for the chair\'s id, and since when', async () => {
    await page.goto(`${server.baseUrl}/fleet/${dimas.id}`);
    const line = page.locator('[data-refused-connections]');
    await line.waitFor();
    expect(await line.innerText()).toMatch(/^37 koneksi ditolak dari ID kursi ini sejak \S/);
    const counts = page.getByRole('table', { name: 'Pesan ditolak menurut alasan' });
    expect(await counts.getByRole('row', { name: /Gagal masuk/ }).innerText()).toMatch(/37/);
    expect(await axeReport(page)).toEqual([]);
  });
});

describe('a work order from open to resolved', () => {
  it('the chair shows its open alert and work order; the queue lists it first', async () => {
    await page.goto(`${server.baseUrl}/fleet/${dimas.id}`);
    const main = page.getByRole('main');
    await main.getByRole('heading', { level: 2, name: 'Peringatan terbuka' }).waitFor();
    await expect.poll(() => page.locator(`[data-alert="${alertId}"]`).count()).toBe(1);
    expect(await page.locator(`[data-alert="${alertId}"]`).innerText()).toContain('Baterai aus');

    await nav(page).getByRole('link', { name: 'Perintah kerja' }).click();
    await page.getByRole('heading', { level: 1, name: 'Antrean perintah kerja' }).waitFor();
    await expect.poll(() => page.locator('tbody tr[data-work-order]').first().getAttribute('data-work-order')).toBe(workOrderId);
    expect(await page.locator(`tr[data-work-order="${workOrderId}"]`).innerText()).toContain('Tinggi');
    expect(await axeReport(page)).toEqual([]);
  });

  it('is assigned, scheduled at home, started, given parts and resolved; its alert clears', async () => {
    await page.locator(`tr[data-work-order="${workOrderId}"]`).getByRole('link', { name: 'Ganti baterai' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ganti baterai' }).waitFor();
    const main = page.getByRole('main');
    // The capacity trend is a chart (with its words), not a table of rows.
    await main.locator('section[data-forecast] atensi-capacity-chart canvas').waitFor();
    expect(await main.getByRole('table', { name: 'Tren kapasitas baterai' }).count()).toBe(0);
    expect(await axeReport(page)).toEqual([]);

    await main.getByLabel('Tugaskan kepada').selectOption({ label: 'Joko Susilo (Teknisi)' });
    await main.getByRole('button', { name: 'Tugaskan', exact: true }).click();
    await expect.poll(() => main.locator('#status').innerText()).toBe('Ditugaskan');

    await main.getByLabel('Tanggal dan jam').fill(localDateTime(2));
    await main.getByRole('radio', { name: 'Di rumah' }).check();
    await main.getByRole('button', { name: 'Jadwalkan kunjungan' }).click();
    await expect.poll(() => main.locator('#status').innerText()).toBe('Dijadwalkan');
    expect(await main.getByText(/Di rumah$/).count()).toBeGreaterThanOrEqual(1);

    await main.getByRole('button', { name: 'Mulai kerjakan' }).click();
    await expect.poll(() => main.locator('#status').innerText()).toBe('Sedang dikerjakan');

    await main.getByLabel('Nama suku cadang').fill('Baterai LiFePO4 24V 20Ah');
    // A quantity of 0 or a negative one is refused at its field; nothing is saved, nothing is lost.
    const qty = main.getByLabel('Jumlah', { exact: true });
    for (const bad of ['0', '-2']) {
      await qty.fill(bad);
      await main.getByRole('button', { name: 'Simpan suku cadang' }).click();
      await main.getByText('Jumlah harus bilangan bulat 1–100.', { exact: false }).waitFor();
      expect(await qty.getAttribute('aria-invalid')).toBe('true');
      expect(await qty.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);
      expect((await server.harness.db.prisma.workOrder.findUniqueOrThrow({ where: { id: workOrderId } })).partsUsed).toBeNull();
      expect(await main.getByLabel('Nama suku cadang').inputValue()).toBe('Baterai LiFePO4 24V 20Ah');
    }
    await qty.fill('1');
    await main.getByRole('button', { name: 'Simpan suku cadang' }).click();
    await expect.poll(() => main.getByRole('status').innerText()).toBe('Tersimpan.');

    // Resolving needs notes: an empty submit says so and keeps the work order open.
    await main.getByRole('button', { name: 'Selesaikan' }).click();
    await main.getByText('Wajib diisi.').waitFor();
    await main.getByLabel('Apa yang dikerjakan').fill('Baterai diganti baru; kapasitas diuji penuh.');
    await main.getByRole('button', { name: 'Selesaikan' }).click();
    await expect.poll(() => main.locator('#status').innerText()).toBe('Selesai');
    expect(await main.getByRole('status').innerText()).toBe('Perintah kerja selesai; 1 peringatan ditutup.');
    expect(await page.locator(`[data-alert="${alertId}"]`).innerText()).toContain('Selesai');
    expect(await main.getByText('Perintah kerja ini sudah ditutup.').isVisible()).toBe(true);
    expect(await main.getByText('Baterai LiFePO4 24V 20Ah × 1').isVisible()).toBe(true);

    const stored = await server.harness.db.prisma.workOrder.findUniqueOrThrow({ where: { id: workOrderId } });
    expect(stored).toMatchObject({ status: 'resolved', location: 'home', assigneeId: expect.any(String), resolutionNotes: 'Baterai diganti baru; kapasitas diuji penuh.' });
  });

  it('the chair no longer lists the alert, and the work order shows as resolved', async () => {
    await page.getByRole('link', { name: dimas.serial }).click();
    await page.getByRole('heading', { level: 1, name: dimas.serial }).waitFor();
    const main = page.getByRole('main');
    await main.getByText('Tidak ada peringatan terbuka.').waitFor();
    expect(await page.locator(`[data-open-alerts] [data-alert="${alertId}"]`).count()).toBe(0);
    // It stays in the chair's history, cleared.
    expect(await page.locator(`[data-alert-history] [data-alert="${alertId}"]`).innerText()).toContain('Selesai');
    await expect.poll(() => main.getByRole('link', { name: 'Ganti baterai' }).locator('..').innerText()).toContain('Selesai');
  });
});

describe('phone, 360 px', () => {
  it('the fleet fits the screen and keeps battery and health readable', async () => {
    const phone = await openPage(browser, { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, bypassCSP: true });
    await phone.context().addCookies(await page.context().cookies());
    await phone.goto(`${server.baseUrl}/fleet?sort=battery`);
    await expect.poll(() => phone.locator('tbody tr[data-device]').count()).toBeGreaterThan(3);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const first = phone.locator('tbody tr[data-device]').first();
    expect(await first.innerText()).toContain('%');
    expect(await first.innerText()).toContain('Risiko tinggi');
    expect(await axeReport(phone)).toEqual([]);
    await phone.context().close();
  });
});
