// The shared list controller in a real browser: on every list page the filters and ?page live in the
// address and survive a reload; the loading, empty and error lines speak Indonesian and English, and
// "try again" after a server error loads the list. axe-core on the error and empty states.
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../helpers/web-server.ts';
import { beneficiariesEn } from '../../web/src/i18n/beneficiaries.en.ts';
import { beneficiariesId } from '../../web/src/i18n/beneficiaries.id.ts';
import { commonEn } from '../../web/src/i18n/common.en.ts';
import { commonId } from '../../web/src/i18n/common.id.ts';
import { axeReport, launchBrowser, openPage, signIn } from './browser.ts';

let server: WebServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
  page = await openPage(browser, { bypassCSP: true });
  // A manager may open every list page below.
  await signIn(server, page, 'manager');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface ListCase {
  path: string;
  query: string;
  api: string;
  /** Query parameters the list request must carry when the address holds `query`. */
  sent: Record<string, string>;
  /** Offset paging: page 2 asks for the rows after the first page. */
  paged: boolean;
}

const cases: ListCase[] = [
  { path: '/beneficiaries', query: 'q=Sari&page=2', api: '/api/beneficiaries', sent: { q: 'Sari' }, paged: true },
  { path: '/requests', query: 'state=assessed&page=2', api: '/api/requests', sent: { state: 'assessed' }, paged: true },
  { path: '/reports', query: 'status=resolved&redFlag=true&page=2', api: '/api/reports', sent: { status: 'resolved', redFlag: 'true' }, paged: true },
  { path: '/work-orders', query: 'status=all&kind=repair&page=2', api: '/api/work-orders', sent: { status: 'all', kind: 'repair' }, paged: true },
  { path: '/fleet', query: 'risk=high&sort=serial&page=2', api: '/api/devices', sent: { risk: 'high', sort: 'serial' }, paged: true },
  { path: '/notifications', query: 'show=unread&page=2', api: '/api/notifications', sent: { unread: 'true' }, paged: true },
  { path: '/audit', query: 'action=user.login&page=2', api: '/api/audit', sent: { action: 'user.login' }, paged: false },
];

/** The next list request to `api`: a page (limit and offset), not the header bell's peek (limit only). */
function listRequest(api: string, paged = true): Promise<Request> {
  return page.waitForRequest((r) => {
    const url = new URL(r.url());
    return url.pathname === api && url.searchParams.has('limit') && (!paged || url.searchParams.has('offset'));
  });
}

function expectSent(request: Request, c: ListCase) {
  const params = new URL(request.url()).searchParams;
  for (const [key, value] of Object.entries(c.sent)) expect(params.get(key), `${c.path}: ${key}`).toBe(value);
  if (c.paged) {
    expect(Number(params.get('limit')), c.path).toBeGreaterThan(0);
    expect(params.get('offset'), `${c.path}: page 2 starts after the first page`).toBe(params.get('limit'));
  }
}

describe('filters and page in the address', () => {
  for (const c of cases) {
    it(`${c.path}: survive a reload`, async () => {
      const first = listRequest(c.api, c.paged);
      await page.goto(`${server.baseUrl}${c.path}?${c.query}`);
      expectSent(await first, c);
      const again = listRequest(c.api, c.paged);
      await page.reload();
      expectSent(await again, c);
      const address = new URL(page.url()).searchParams;
      for (const [key, value] of new URLSearchParams(c.query)) expect(address.get(key), `${c.path}: ${key} in the address`).toBe(value);
    });
  }

  it('a filter chosen on the page goes into the address, and the form shows it after a reload', async () => {
    await page.goto(`${server.baseUrl}/work-orders`);
    const kind = page.getByRole('main').locator('select[name="kind"], select#kind').first();
    await kind.waitFor();
    const chosen = listRequest('/api/work-orders');
    await kind.selectOption('repair');
    expect(new URL((await chosen).url()).searchParams.get('kind')).toBe('repair');
    await expect.poll(() => new URL(page.url()).searchParams.get('kind')).toBe('repair');
    const again = listRequest('/api/work-orders');
    await page.reload();
    expect(new URL((await again).url()).searchParams.get('kind')).toBe('repair');
    await expect.poll(() => kind.inputValue()).toBe('repair');
  });
});

/** Holds the next list request until `release` is called, so the loading line can be seen. */
async function holdNext(api: string): Promise<() => void> {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**${api}?**`, async (route) => {
    await gate;
    await route.continue();
  }, { times: 1 });
  return release;
}

const statusLine = () => page.getByRole('main').getByRole('status').filter({ hasText: /\S/ }).first();

describe.each([
  { lang: 'Indonesian', button: 'Indonesia', common: commonId, words: beneficiariesId },
  { lang: 'English', button: 'English', common: commonEn, words: beneficiariesEn },
])('the status lines in $lang', ({ button, common, words }) => {
  beforeAll(async () => {
    await page.goto(`${server.baseUrl}/beneficiaries`);
    await page.getByRole('button', { name: button, exact: true }).click();
    await page.waitForFunction((lang) => document.documentElement.lang === lang, button === 'English' ? 'en' : 'id');
  });

  it('says "loading" while the list loads', async () => {
    const release = await holdNext('/api/beneficiaries');
    await page.reload();
    await expect.poll(() => statusLine().innerText()).toBe(common['app.loading']);
    release();
    await page.getByRole('main').getByRole('table').waitFor();
    await expect.poll(() => statusLine().innerText()).not.toBe(common['app.loading']);
  });

  it('says so when nothing matches', async () => {
    await page.goto(`${server.baseUrl}/beneficiaries?q=zzzz-nobody-has-this-name`);
    const empty = page.getByRole('main').getByText(words['beneficiaries.list.empty'], { exact: true });
    await empty.waitFor();
    expect(await axeReport(page)).toEqual([]);
  });

  it('shows a server error with "try again", which loads the list', async () => {
    await page.route('**/api/beneficiaries?**', (r) =>
      r.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: { code: 'internal', message: 'boom' } }) }), { times: 1 });
    await page.goto(`${server.baseUrl}/beneficiaries`);
    const alert = page.getByRole('main').getByRole('alert');
    await alert.getByText(common['error.internal'], { exact: true }).waitFor();
    expect(await page.getByRole('main').getByRole('table').count()).toBe(0);
    expect(await axeReport(page)).toEqual([]);
    const retried = listRequest('/api/beneficiaries');
    await alert.getByRole('button', { name: common['error.retry'] }).click();
    await retried;
    await page.getByRole('main').getByRole('table').waitFor();
    expect(await page.getByRole('main').getByRole('alert').count()).toBe(0);
  });
});

describe('users (a list without filters)', () => {
  it('shows the error and recovers with "try again"', async () => {
    await page.getByRole('button', { name: 'Indonesia', exact: true }).click();
    await page.route('**/api/users', (r) => r.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: { code: 'internal', message: 'boom' } }) }), { times: 1 });
    await page.goto(`${server.baseUrl}/users`);
    const alert = page.getByRole('main').getByRole('alert');
    await alert.getByText(commonId['error.internal'], { exact: true }).waitFor();
    await alert.getByRole('button', { name: commonId['error.retry'] }).click();
    await page.getByRole('main').getByRole('table').waitFor();
    expect(await page.getByRole('main').getByRole('alert').count()).toBe(0);
  });
});
