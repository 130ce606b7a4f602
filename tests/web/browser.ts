// Shared browser-test helpers: Debian's Chromium through playwright-core, sign-in through the form.
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import type { WebServer } from '../helpers/web-server.ts';

export const AXE_PATH = new URL('../../node_modules/axe-core/axe.min.js', import.meta.url).pathname;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
}

/**
 * A new browser context and page; actions fail after 30 s with Playwright's own message.
 * Pass `bypassCSP` only to inject axe-core: addScriptTag inlines the script, which the app's CSP blocks.
 */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  // Generous: a sign-in costs a scrypt hash, and CI machines are small and shared.
  page.setDefaultTimeout(30_000);
  return page;
}

/** The element that has focus, looking inside shadow roots. */
export function focusedElement(page: Page): Promise<{ tag: string; text: string }> {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return { tag: el?.localName ?? '', text: (el?.textContent ?? '').trim() };
  });
}

/** The level-2 headings of the page, in order. */
export async function sectionHeadings(page: Page): Promise<string[]> {
  return (await page.getByRole('heading', { level: 2 }).allInnerTexts()).map((s) => s.trim());
}

/** Forgets the session and the device's language, as a fresh browser would be. */
export async function forgetSession(server: WebServer, page: Page): Promise<void> {
  await page.context().clearCookies();
  if (!page.url().startsWith(server.baseUrl)) await page.goto(`${server.baseUrl}/login`);
  await page.evaluate(() => localStorage.clear());
}

/** Fills and submits the sign-in form on the current page. */
export async function submitLogin(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel(/^(Email)$/).fill(email);
  await page.getByLabel(/^(Kata sandi|Password)$/).fill(password);
  await page.getByRole('button', { name: /^(Masuk|Sign in)$/ }).click();
}

/**
 * Opens the app and signs in through the login form as the demo user of that role (and centre),
 * then waits until Home has loaded its summary, so no request is still in flight.
 */
export async function signIn(server: WebServer, page: Page, role: string, centre?: string | null): Promise<void> {
  const user = server.user(role, centre);
  await page.goto(`${server.baseUrl}/`);
  await submitLogin(page, user.email, user.password);
  await page.getByRole('navigation', { name: /^(Menu utama|Main menu)$/ }).waitFor();
  await page.getByRole('main').getByRole('listitem').first().waitFor();
}

/** Signs out with the header button and waits for the sign-in page. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^(Keluar|Sign out)$/ }).click();
  await page.getByRole('heading', { level: 1, name: /^(Masuk|Sign in)$/ }).waitFor();
}

/** The visible names of the main navigation's links, in order. */
export async function navLinkNames(page: Page): Promise<string[]> {
  const links = page.getByRole('navigation', { name: /^(Menu utama|Main menu)$/ }).getByRole('link');
  return (await links.allInnerTexts()).map((s) => s.trim());
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** Runs axe-core for WCAG 2.0–2.2 A/AA rules on the current page and returns the violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
}

/** The axe violations as one line per failing node, so a failed expectation names the rule and the element. */
export async function axeReport(page: Page): Promise<string[]> {
  return (await axeViolations(page)).flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(n.target)}`));
}
