// The work-order queue in a real browser when a chair reported a controller code nobody mapped: the
// rules file it as "other" and the queue, the work order and the chair page all show it. A row the
// app cannot read is counted on screen while the rest of the list stays.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RulesEngine } from '../../firmware-bridge/src/rules/engine.ts';
import { deviceOf, fleetStore, telemetrySample } from '../helpers/fleet-fixture.ts';
import { startWebServer, type WebServer } from '../helpers/web-server.ts';
import { axeViolations, launchBrowser, openPage, signIn } from './browser.ts';

let server: WebServer;
let browser: Browser;
let page: Page;
let faultOrderId: string;
let chairId: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
  const h = server.harness;
  const chair = await deviceOf(h, 'Muhammad Fajar Nugroho');
  chairId = chair.id;
  const now = Date.now();
  // The chair reports a fault code that is in no code map, through the real store and rules.
  await fleetStore(h).commit({
    samples: [{ deviceId: chair.id, sample: { ...telemetrySample('unknown-code', 0, now - 60_000), faults: [{ code: 'XK-77', active: true }] }, receivedAt: now - 60_000 }],
    rejections: [],
    statuses: [],
  });
  await new RulesEngine({ prisma: h.db.prisma, telemetry: fleetStore(h) }).evaluate([chair.id]);
  faultOrderId = (await h.db.prisma.workOrder.findFirstOrThrow({ where: { deviceId: chair.id, rule: 'controller_fault' } })).id;
  page = await openPage(browser, { bypassCSP: true });
  await signIn(server, page, 'technician');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const queueRow = (p: Page, id: string) => p.locator(`tr[data-work-order="${id}"]`);

describe('work-order queue with an unknown fault code', () => {
  it('lists the repair as "other" and opens it', async () => {
    await page.goto(`${server.baseUrl}/work-orders`);
    await page.getByRole('heading', { level: 1, name: 'Antrean perintah kerja' }).waitFor();
    await queueRow(page, faultOrderId).waitFor();
    expect(await queueRow(page, faultOrderId).innerText()).toContain('Gangguan lain atau tidak dikenal');
    expect(await page.getByText('Jawaban server tidak dapat dibaca').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await queueRow(page, faultOrderId).getByRole('link').click();
    await page.getByText('Gangguan lain atau tidak dikenal').first().waitFor();
  });

  it('the chair page lists the work order too', async () => {
    await page.goto(`${server.baseUrl}/fleet/${chairId}`);
    await page.locator(`a[href="/work-orders/${faultOrderId}"]`).waitFor();
  });

  it('a row the app cannot read is counted on screen; the other rows stay listed', async () => {
    const h = server.harness;
    const chair = await h.db.prisma.device.findUniqueOrThrow({ where: { id: chairId } });
    // A value outside the contract, written behind the API's back (as a drifted writer would).
    await h.db.prisma.workOrder.create({ data: { centreId: chair.centreId, deviceId: chairId, kind: 'teleport_repair', priority: 'normal' } });
    await page.goto(`${server.baseUrl}/work-orders`);
    await page.getByText('1 baris tidak dapat ditampilkan').waitFor();
    await queueRow(page, faultOrderId).waitFor();
    await page.goto(`${server.baseUrl}/fleet/${chairId}`);
    await page.getByText('1 baris tidak dapat ditampilkan').waitFor();
    await page.locator(`a[href="/work-orders/${faultOrderId}"]`).waitFor();
  });
});
