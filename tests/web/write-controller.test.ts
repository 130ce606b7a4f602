// The shared write controller in a real browser, on the centre webhook page: the button is busy while
// the write runs, then the success line is said (Indonesian and English), or the server's error is
// shown, and the button works again. Also a family's notifications list at 360 px. axe-core on each.
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../helpers/web-server.ts';
import { loadWorld } from '../helpers/world.ts';
import { centresEn } from '../../web/src/i18n/centres.en.ts';
import { centresId } from '../../web/src/i18n/centres.id.ts';
import { commonEn } from '../../web/src/i18n/common.en.ts';
import { commonId } from '../../web/src/i18n/common.id.ts';
import { notificationsId } from '../../web/src/i18n/notifications.id.ts';
import { axeReport, launchBrowser, openPage, signIn } from './browser.ts';

let server: WebServer;
let browser: Browser;
/** The manager's centre, whose webhook the writes change. */
let centreA: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
  centreA = (await loadWorld(server.harness)).centreA;
});

// The browser first: its keep-alive sockets would otherwise hold the server open.
afterAll(() => browser?.close().then(() => server?.close()));

const storedUrl = async () => (await server.harness.db.prisma.webhookEndpoint.findUnique({ where: { centreId: centreA } }))?.url;

describe.each([
  { lang: 'Indonesian', button: 'Indonesia', words: centresId, common: commonId },
  { lang: 'English', button: 'English', words: centresEn, common: commonEn },
])('a webhook write in $lang', ({ button, words, common }) => {
  let page: Page;
  const main = () => page.getByRole('main');
  const submit = () => main().getByRole('button', { name: new RegExp(`^(${words['centres.webhook.create']}|${words['centres.webhook.save']})$`) });
  const hook = '**/api/centres/*/webhook';

  beforeAll(async () => {
    page = await openPage(browser, { bypassCSP: true });
    await signIn(server, page, 'manager', 'BK-PANGUDI-LUHUR');
    await page.getByRole('button', { name: button, exact: true }).click();
    await page.goto(`${server.baseUrl}/centres/${centreA}/webhook`);
    await main().getByRole('heading', { level: 1, name: words['centres.webhook.title'] }).waitFor();
  });
  afterAll(() => page.context().close());

  it('is busy while it runs, then says it is saved and lets the person save again', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const hold = async (route: Route) => {
      if (route.request().method() !== 'PUT') return route.fallback();
      await gate;
      await route.fallback();
    };
    await page.route(hook, hold);
    const address = `http://127.0.0.1:9/hook-${button.toLowerCase()}`;
    await main().getByLabel(words['centres.webhook.url']).fill(address);
    await submit().click();
    await expect.poll(() => submit().isDisabled()).toBe(true);
    expect(await storedUrl()).not.toBe(address);
    release();
    await main().getByRole('status').filter({ hasText: words['centres.webhook.saved'] }).waitFor();
    await expect.poll(() => submit().isEnabled()).toBe(true);
    expect(await storedUrl()).toBe(address);
    await page.unroute(hook, hold);
    expect(await axeReport(page)).toEqual([]);
  });

  it('shows the server\'s error instead, and the button works again', async () => {
    const before = await storedUrl();
    const fail = (route: Route) =>
      route.request().method() === 'PUT'
        ? route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: { code: 'internal', message: 'boom' } }) })
        : route.fallback();
    await page.route(hook, fail);
    await main().getByLabel(words['centres.webhook.url']).fill('http://127.0.0.1:9/never-saved');
    await submit().click();
    await main().getByRole('alert').getByText(common['error.internal'], { exact: true }).waitFor();
    await expect.poll(() => submit().isEnabled()).toBe(true);
    // The success line of the last write is gone: it would contradict the error.
    expect(await main().getByRole('status').filter({ hasText: words['centres.webhook.saved'] }).count()).toBe(0);
    expect(await storedUrl()).toBe(before);
    expect(await axeReport(page)).toEqual([]);

    // Once the server answers again, the same button saves and the error goes away.
    await page.unroute(hook, fail);
    await submit().click();
    await main().getByRole('status').filter({ hasText: words['centres.webhook.saved'] }).waitFor();
    expect(await main().getByRole('alert').count()).toBe(0);
    expect(await storedUrl()).toBe('http://127.0.0.1:9/never-saved');
  });
});

describe('a family\'s notifications on a 360 px phone', () => {
  it('fit the width and pass axe', async () => {
    const page = await openPage(browser, { bypassCSP: true, viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await signIn(server, page, 'family');
    await page.goto(`${server.baseUrl}/notifications`);
    await page.getByRole('heading', { level: 1, name: notificationsId['notifications.title'] }).waitFor();
    await page.getByRole('main').getByRole('status').filter({ hasText: /\S/ }).first().waitFor();
    await expect.poll(() => page.getByRole('main').getByText(commonId['app.loading']).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await axeReport(page)).toEqual([]);
    await page.context().close();
  });
});
