// After a health-data consent is withdrawn, the therapist's beneficiary and request pages say that
// clinical detail is hidden and why, show what keeps the chair working and no clinical text; axe clean.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../helpers/web-server.ts';
import { axeViolations, launchBrowser, openPage, signIn } from './browser.ts';

let server: WebServer;
let browser: Browser;
let page: Page;
let beneficiaryId: string;
let requestId: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
  const db = server.harness.db.prisma;
  // Fajar's delivered electric chair: his guardian withdraws the health-data consent.
  const r = await db.deviceRequest.findFirstOrThrow({ where: { beneficiary: { fullName: 'Muhammad Fajar Nugroho' }, deviceId: { not: null } } });
  beneficiaryId = r.beneficiaryId;
  requestId = r.id;
  await db.referral.updateMany({ where: { requestId }, data: { reason: 'RAHASIA-KLINIS rujukan' } });
  await db.consent.updateMany({ where: { beneficiaryId, purpose: 'health_data', withdrawnAt: null }, data: { withdrawnAt: new Date() } });
  page = await openPage(browser, { bypassCSP: true });
  await signIn(server, page, 'therapist', 'BK-PANGUDI-LUHUR');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const axeReport = async (p: Page) => (await axeViolations(p)).flatMap((v) => v.nodes.map((n) => `${v.id}: ${v.help} at ${JSON.stringify(n.target)}`));

describe('clinical detail withheld', () => {
  for (const [what, path] of [['beneficiary', () => `/beneficiaries/${beneficiaryId}`], ['request', () => `/requests/${requestId}`]] as const) {
    it(`the ${what} page says why it is hidden, and shows no clinical text`, async () => {
      await page.goto(`${server.baseUrl}${path()}`);
      const note = page.getByRole('note').filter({ hasText: 'Detail klinis disembunyikan' });
      await note.waitFor();
      expect(await note.textContent()).toContain('persetujuan data kesehatan');
      // Locators reach into the components' shadow roots, where the page's text is.
      expect(await page.getByText('RAHASIA-KLINIS').count()).toBe(0);
      expect(await axeReport(page)).toEqual([]);
    });
  }

  it('the request page still shows the chair', async () => {
    await page.goto(`${server.baseUrl}/requests/${requestId}`);
    const device = await server.harness.db.prisma.device.findFirstOrThrow({ where: { requests: { some: { id: requestId } } } });
    await page.getByText(device.serial).first().waitFor();
  });
});
