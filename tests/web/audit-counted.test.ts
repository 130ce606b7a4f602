// The audit-log page shows a counted entry (refused sign-ins, one row per key and window) with how
// many times it happened and when it last did, in a real browser, with no axe violations.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../helpers/web-server.ts';
import { axeViolations, launchBrowser, openPage, signIn } from './browser.ts';

let server: WebServer;
let browser: Browser;
let page: Page;
let rowId: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
  const at = new Date(Date.now() - 3_600_000);
  const row = await server.harness.db.prisma.auditLog.create({
    data: {
      at, lastAt: new Date(at.getTime() + 600_000), count: 42, action: 'auth.login_failed', aggregateKey: `auth.login_failed|-:unknown_account|${at.getTime()}`,
      details: JSON.stringify({ reason: 'unknown_account' }),
    },
  });
  rowId = row.id;
  page = await openPage(browser, { bypassCSP: true }); // axe-core is injected as an inline script
  await signIn(server, page, 'admin');
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a counted audit entry', () => {
  it('says how many times and when last', async () => {
    await page.goto(`${server.baseUrl}/audit?action=auth.login_failed`);
    const row = page.locator(`tr[data-audit="${rowId}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain('Gagal masuk');
    expect(await row.locator('[data-counted]').innerText()).toMatch(/^42 kali, terakhir \S/);
    expect(await axeViolations(page)).toEqual([]);
  });
});
