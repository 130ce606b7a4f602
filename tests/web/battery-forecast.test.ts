// The battery-wear forecast in a real browser: the fleet list says "capacity 78 %, reaches 70 %
// around <month>", the chair page says it too with a uPlot chart of the daily capacity, the line and
// the limit; a chair whose battery scatters shows the error band; axe-core; 360 px.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RulesEngine } from '../../firmware-bridge/src/rules/engine.ts';
import { commitSeries, deviceOf, fleetStore } from '../helpers/fleet-fixture.ts';
import { startWebServer, type WebServer } from '../helpers/web-server.ts';
import { axeReport, launchBrowser, openPage, signIn } from './browser.ts';

const DAY = 86_400_000;
let server: WebServer;
let browser: Browser;
let page: Page;
let fajar: Awaited<ReturnType<typeof deviceOf>>;
let dimas: Awaited<ReturnType<typeof deviceOf>>;
let expectedMonth: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
  const h = server.harness;
  [fajar, dimas] = await Promise.all([deviceOf(h, 'Muhammad Fajar Nugroho'), deviceOf(h, 'Dimas Saputra')]);
  const now = Date.now();
  const store = fleetStore(h);
  // Fajar: capacity falling 0.2 %/day to 78 % today, so 70 % in 40 days.
  await commitSeries(store, fajar.id, {
    bootId: 'forecast', from: now - 60 * DAY, to: now - 60_000, everyMs: DAY / 4,
    at: (i, ts) => ({ socPct: 80, fullChargeAh: (fajar.model.ratedAh! * (78 - (0.2 * (ts - now)) / DAY)) / 100, cycleCount: 300 + i, odometerM: i * 100, motorSeconds: i * 60 }),
  });
  // Dimas: the same decline, with points scattering ±4 % around it.
  await commitSeries(store, dimas.id, {
    bootId: 'forecast', from: now - 60 * DAY, to: now - 60_000, everyMs: DAY / 4,
    at: (i, ts) => ({ socPct: 80, fullChargeAh: (dimas.model.ratedAh! * (80 - (0.2 * (ts - now)) / DAY + (Math.floor(i / 4) % 2 ? 4 : -4))) / 100, cycleCount: 300 + i, odometerM: i * 100, motorSeconds: i * 60 }),
  });
  await new RulesEngine({ prisma: h.db.prisma, telemetry: fleetStore(h) }).evaluate([fajar.id, dimas.id]);
  expectedMonth = new Intl.DateTimeFormat('id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(now + 40 * DAY);
  page = await openPage(browser, { bypassCSP: true });
  await signIn(server, page, 'technician');
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('battery forecast', () => {
  it('the fleet list says the capacity and when it reaches the limit', async () => {
    await page.goto(`${server.baseUrl}/fleet`);
    const row = page.locator(`tr[data-device="${fajar.id}"] [data-forecast]`);
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.innerText()).toBe(`kapasitas 78 %, mencapai 70 % sekitar ${expectedMonth}`);
    expect(await axeReport(page)).toEqual([]);
  });

  it('the chair page shows it with a chart of daily capacity, the line and the limit', async () => {
    await page.goto(`${server.baseUrl}/fleet/${fajar.id}`);
    const section = page.locator('section[data-forecast]');
    await section.getByRole('heading', { name: 'Umur baterai' }).waitFor();
    expect(await section.locator('.forecast-words').innerText()).toBe(`kapasitas 78 %, mencapai 70 % sekitar ${expectedMonth}`);
    const chart = section.locator('atensi-capacity-chart');
    await chart.locator('canvas').waitFor();
    expect(await chart.getByRole('img').getAttribute('aria-label')).toContain(expectedMonth);
    const legend = await chart.locator('.u-legend').innerText();
    for (const s of ['Kapasitas, harian (%)', 'Tren', 'Batas penggantian']) expect(legend).toContain(s);
    expect(legend).not.toContain('Rentang galat');
    expect(await axeReport(page)).toEqual([]);
  });

  it('a poor fit shows its error band, in words and in the chart', async () => {
    await page.goto(`${server.baseUrl}/fleet/${dimas.id}`);
    const section = page.locator('section[data-forecast]');
    await section.locator('atensi-capacity-chart canvas').waitFor();
    expect(await section.locator('.forecast-words').innerText()).toMatch(/\(antara .+ dan .+: titik-titiknya menyebar\)$/);
    expect(await section.locator('.u-legend').innerText()).toContain('Rentang galat, bawah');
  });

  it('fits a 360 px phone', async () => {
    const phone = await openPage(browser, { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, bypassCSP: true });
    await phone.context().addCookies(await page.context().cookies());
    await phone.goto(`${server.baseUrl}/fleet/${fajar.id}`);
    await phone.locator('section[data-forecast] atensi-capacity-chart canvas').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await phone.goto(`${server.baseUrl}/fleet`);
    await expect.poll(() => phone.locator(`tr[data-device="${fajar.id}"] [data-forecast]`).count()).toBe(1);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await phone.context().close();
  });
});
