// Shared setup for the family phone suites: a web server and a 360×740 phone on a slow network, signed in as family A2.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { commitSeries, deviceOf, fleetStore } from '../helpers/fleet-fixture.ts';
import { startWebServer, type WebServer } from '../helpers/web-server.ts';
import { EMAIL } from '../helpers/world.ts';
import { launchBrowser, submitLogin } from './browser.ts';

const DAY = 86_400_000;

export interface FamilyPhone {
  server: WebServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  fajar: Awaited<ReturnType<typeof deviceOf>>;
  photo: Buffer;
}

/** Emulates a slow phone connection (about 400 kbit/s, 400 ms round trip) through the DevTools protocol. */
async function slowNetwork(p: Page) {
  const cdp = await p.context().newCDPSession(p);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 });
}

/** Whether the page scrolls sideways at the phone width. */
export const sideways = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

/** Fajar's reports of one category, with their photos. */
export const reportsOf = (f: FamilyPhone, category: string) =>
  f.server.harness.db.prisma.issueReport.findMany({ where: { beneficiaryId: f.fajar.beneficiaryId!, category }, include: { photos: true } });

/** Fajar's chair card on Home. */
export const cardOf = (f: FamilyPhone) => f.page.locator(`article[data-beneficiary="${f.fajar.beneficiaryId}"]`);

/** Starts the server and browser, gives Fajar's chair a nearly empty battery and a booked visit, and signs in on the phone. */
export async function openFamilyPhone(): Promise<FamilyPhone> {
  const [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
  const h = server.harness;
  const fajar = await deviceOf(h, 'Muhammad Fajar Nugroho');
  const now = Date.now();
  // Nearly empty and not charging, last heard from about ten minutes ago.
  await commitSeries(fleetStore(h), fajar.id, {
    from: now - 2 * 3_600_000,
    to: now - 600_000,
    everyMs: 600_000,
    at: (i) => ({ socPct: 30 - i * 2, odometerM: 20_000 + i * 50, motorSeconds: 5_000 + i * 30 }),
  });
  // A technician's visit booked in three days (the family sees it as an appointment).
  await h.db.prisma.workOrder.create({
    data: { centreId: fajar.centreId, deviceId: fajar.id, kind: 'preventive_service', rule: null, priority: 'normal', status: 'scheduled', scheduledAt: new Date(now + 3 * DAY), location: 'home' },
  });
  const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 60, b: 40 } } }).jpeg().toBuffer();

  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, bypassCSP: true });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await slowNetwork(page);
  const user = h.creds.users.find((u) => u.email === EMAIL.familyA2)!;
  await page.goto(`${server.baseUrl}/`);
  await submitLogin(page, user.email, user.password);
  const phone = { server, browser, context, page, fajar, photo };
  await cardOf(phone).waitFor();
  return phone;
}

export async function closeFamilyPhone(f: FamilyPhone | undefined) {
  await f?.browser.close();
  await f?.server.close();
}
