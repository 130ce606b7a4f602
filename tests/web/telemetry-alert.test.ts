// The telemetry half end to end in Debian's Chromium: a simulated chair with a worn battery publishes
// over MQTT to the embedded broker, the bridge commits, the maintenance rules raise the battery-wear
// alert and work order, a technician watches the charge fall on the chair page, works the order and
// resolving it clears the alert. Only the chair's clock is driven (so its day is a busy morning).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTelemetry, type TelemetryService } from '../../firmware-bridge/src/telemetry-service.ts';
import { SimulatedChair } from '../../firmware-bridge/src/simulator/chair.ts';
import { seededRandom } from '../../firmware-bridge/src/simulator/usage-model.ts';
import { parseConfig } from '../../server/src/config.ts';
import { createLogger } from '../../core/log/logger.ts';
import { startWebServer, type WebServer } from '../helpers/web-server.ts';
import { axeReport, launchBrowser, openPage, signIn } from './browser.ts';

let server: WebServer;
let browser: Browser;
let page: Page;
let telemetry: TelemetryService;
let chair: SimulatedChair;
let deviceId: string;
let serial: string;
/** The chair's clock: 07:30 in Jakarta today (UTC+7), advanced one minute per sample. */
let chairNow: number;

beforeAll(async () => {
  [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
  const h = server.harness;
  // The chair's clock runs hours behind (its morning); the rules take its samples as the present
  // only within the freshness window, so the window is widened to a day for this chair.
  const config = parseConfig({ DATA_DIR: h.dir, MQTT_PORT: '0', ACK_INTERVAL_MS: '150', RULES_FRESHNESS_MINUTES: '1440' });
  telemetry = await startTelemetry({ config, raw: h.db.raw, prisma: h.db.prisma, log: createLogger('silent') });

  // An electric chair of the technician's centre that the rules have nothing against yet.
  const ids = h.creds.chairs.map((c) => c.deviceId);
  const device = await h.db.prisma.device.findFirstOrThrow({
    where: { id: { in: ids }, centre: { code: 'BK-PANGUDI-LUHUR' }, alerts: { none: { clearedAt: null } } },
    include: { model: true },
  });
  deviceId = device.id;
  serial = device.serial;
  const dayStart = Math.floor(Date.now() / 86_400_000) * 86_400_000;
  chairNow = dayStart + 30 * 60_000 <= Date.now() ? dayStart + 30 * 60_000 : dayStart - 86_400_000 + 30 * 60_000;
  chair = new SimulatedChair({
    deviceId,
    secret: h.creds.chairs.find((c) => c.deviceId === deviceId)!.secret,
    url: telemetry.brokerUrl,
    random: seededRandom(11),
    now: () => chairNow,
    chemistry: device.model.batteryChemistry === 'agm' ? 'agm' : 'lifepo4',
    ratedAh: device.model.ratedAh ?? 20,
    // Worn to 60 % of its rating after 400 cycles, half charged, and its user drives a lot.
    health: 0.6,
    cycles: 400,
    initialSoc: 0.5,
    activity: 1,
    faultRate: 0,
  });
  await chair.powerUp();
  page = await openPage(browser, { bypassCSP: true });
  await signIn(server, page, 'technician');
});

afterAll(async () => {
  await chair?.powerOff().catch(() => undefined);
  await telemetry?.close();
  await browser?.close();
  await server?.close();
});

/** Publishes `minutes` samples, one per chair minute, and waits until all are committed. */
async function drive(minutes: number) {
  for (let i = 0; i < minutes; i++) {
    chairNow += 60_000;
    chair.tick();
  }
  expect(await chair.drained(30_000)).toBe(true);
}

const socOf = () => (server.harness.db.raw.prepare('SELECT socPct AS soc FROM chair_state WHERE deviceId = ?').get(deviceId) as { soc: number } | undefined)?.soc;

async function shownBattery(p: Page): Promise<number> {
  const text = await p.getByRole('main').locator('.battery').first().innerText();
  return Number(text.replace(/[^\d]/g, ''));
}

describe('a simulated chair whose battery is failing', () => {
  let workOrderId: string;

  it('the technician sees its charge fall as it drives', async () => {
    await drive(5);
    await page.goto(`${server.baseUrl}/fleet/${deviceId}`);
    await page.getByRole('heading', { level: 1, name: serial }).waitFor();
    const before = await shownBattery(page);
    await drive(150);
    // The page refreshes itself (every 10 s); no reload.
    await expect.poll(() => shownBattery(page), { timeout: 40_000 }).toBeLessThan(before);
  });

  it('the rules raise the battery-wear alert and the battery-replacement work order, shown on the chair page', async () => {
    const h = server.harness;
    await expect
      .poll(async () => (await h.db.prisma.workOrder.findFirst({ where: { deviceId, rule: 'battery_wear', status: 'open' } }))?.id, { timeout: 30_000 })
      .toBeTruthy();
    const wo = await h.db.prisma.workOrder.findFirstOrThrow({ where: { deviceId, rule: 'battery_wear', status: 'open' } });
    workOrderId = wo.id;
    expect(wo).toMatchObject({ kind: 'battery_replacement', priority: 'high' });
    const alert = await h.db.prisma.alert.findFirstOrThrow({ where: { deviceId, kind: 'battery_wear', clearedAt: null } });

    const main = page.getByRole('main');
    await expect.poll(() => page.locator(`[data-alert="${alert.id}"]`).count(), { timeout: 40_000 }).toBe(1);
    expect(await page.locator(`[data-alert="${alert.id}"]`).innerText()).toContain('Baterai aus');
    await expect.poll(() => main.getByRole('link', { name: 'Ganti baterai' }).count(), { timeout: 40_000 }).toBeGreaterThan(0);
    expect(await axeReport(page)).toEqual([]);
  });

  it('the chair goes off for a new battery; resolving the work order clears the alert', async () => {
    await chair.powerOff();
    await page.goto(`${server.baseUrl}/work-orders/${workOrderId}`);
    await page.getByRole('heading', { level: 1, name: 'Ganti baterai' }).waitFor();
    const main = page.getByRole('main');
    await main.getByLabel('Tugaskan kepada').selectOption({ index: 1 });
    await main.getByRole('button', { name: 'Tugaskan', exact: true }).click();
    await expect.poll(() => main.locator('#status').innerText()).toBe('Ditugaskan');
    await main.getByRole('button', { name: 'Mulai kerjakan' }).click();
    await expect.poll(() => main.locator('#status').innerText()).toBe('Sedang dikerjakan');
    await main.getByLabel('Apa yang dikerjakan').fill('Baterai diganti; kapasitas diuji penuh.');
    await main.getByRole('button', { name: 'Selesaikan' }).click();
    await expect.poll(() => main.locator('#status').innerText()).toBe('Selesai');

    const open = await server.harness.db.prisma.alert.count({ where: { deviceId, kind: 'battery_wear', clearedAt: null } });
    expect(open).toBe(0);
    await page.goto(`${server.baseUrl}/fleet/${deviceId}`);
    await page.getByRole('heading', { level: 1, name: serial }).waitFor();
    await expect.poll(() => main.locator('[data-open-alerts] [data-alert]').filter({ hasText: 'Baterai aus' }).count()).toBe(0);
    // The chair's history keeps it, cleared.
    await expect.poll(() => main.locator('[data-alert-history] [data-alert]').filter({ hasText: 'Baterai aus' }).count()).toBe(1);
    expect(socOf()).toBeLessThan(50);
  });
});
