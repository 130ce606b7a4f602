// Printable QR labels in a real browser: the chair page links to its label; the label shows serial,
// model and centre, the chair's absolute short address in print, and a QR code of exactly that
// address (the SVG's modules are compared with uqr's encoding of the expected URL); on paper the
// app's chrome and the page's tools disappear. The short address sends staff to the chair and a
// family (after signing in) to the report flow for their beneficiary. axe-core on the label page.
import type { Browser, Page } from 'playwright-core';
import { encode } from 'uqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../helpers/web-server.ts';
import { EMAIL, loadWorld, type World } from '../helpers/world.ts';
import { axeReport, launchBrowser, openPage, signIn, submitLogin } from './browser.ts';

/** Generous: the machine is shared, and a change may wait for a sign-in hash or a poll. */
const WAIT = { timeout: 30_000 };

let server: WebServer;
let browser: Browser;
let world: World;
let chair: { id: string; serial: string; modelName: string; centreName: string; beneficiaryId: string };
let familyEmail: string;

/** The dark modules of a QR code of `text`, as the label draws them (one unit per module). */
function expectedPath(text: string): string {
  const qr = encode(text, { ecc: 'M', border: 4 });
  let d = '';
  qr.data.forEach((row, y) => row.forEach((dark, x) => (d += dark ? `M${x},${y}h1v1h-1z` : '')));
  return d;
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
  world = await loadWorld(server.harness);
  // A chair in use by a demo family's beneficiary in centre A.
  const families = [['familyA1', world.beneficiaryOf.familyA1], ['familyA2', world.beneficiaryOf.familyA2]] as const;
  for (const [key, beneficiaryId] of families) {
    const d = await server.harness.db.prisma.device.findFirst({ where: { beneficiaryId }, include: { model: true, centre: true } });
    if (d) {
      chair = { id: d.id, serial: d.serial, modelName: d.model.name, centreName: d.centre.name, beneficiaryId };
      familyEmail = EMAIL[key];
      break;
    }
  }
  expect(chair, 'a demo family in centre A has a chair').toBeDefined();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a chair\'s QR label', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openPage(browser, { bypassCSP: true });
    await signIn(server, page, 'technician');
  });
  afterAll(() => page.context().close());

  it('is linked from the chair page and shows serial, model, centre and the encoded address', async () => {
    await page.goto(`${server.baseUrl}/fleet/${chair.id}`);
    await page.getByRole('heading', { level: 1, name: chair.serial }).waitFor();
    await page.getByRole('link', { name: 'Cetak label QR' }).click();
    await page.getByRole('heading', { level: 1, name: 'Label QR kursi roda' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/fleet/${chair.id}/label`);
    const label = page.locator('figure.label');
    await label.waitFor();
    const text = await label.innerText();
    for (const s of [chair.serial, chair.modelName, chair.centreName, 'Pindai untuk melaporkan masalah']) expect(text).toContain(s);

    const url = `${server.baseUrl}/c/${chair.id}`;
    expect((await page.locator('[data-url]').innerText()).trim()).toBe(url);
    const qr = page.getByRole('img', { name: `Kode QR kursi roda ${chair.serial}` });
    expect(await qr.evaluate((el) => el.localName)).toBe('svg');
    expect(await qr.locator('path').getAttribute('d')).toBe(expectedPath(url));
    // Not the address of some other chair.
    expect(expectedPath(url)).not.toBe(expectedPath(`${server.baseUrl}/c/${chair.id}x`));
    expect(await page.title()).toBe(`Label QR ${chair.serial} · Atensi Mobility`);
    expect(await axeReport(page)).toEqual([]);
  });

  it('on paper: only the label, without header, navigation or the page\'s tools', async () => {
    const printButton = page.getByRole('button', { name: 'Cetak label' });
    expect(await printButton.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.getByRole('banner').isVisible()).toBe(false);
      expect(await page.getByRole('navigation', { name: 'Menu utama' }).isVisible()).toBe(false);
      expect(await printButton.isVisible()).toBe(false);
      expect(await page.getByRole('link', { name: 'Kembali ke kursi roda' }).isVisible()).toBe(false);
      expect(await page.locator('figure.label').isVisible()).toBe(true);
      expect(await page.locator('svg.qr').isVisible()).toBe(true);
      expect(await page.locator('[data-url]').isVisible()).toBe(true);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('fits a 360 px phone', async () => {
    const phone = await openPage(browser, { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
    await phone.context().addCookies(await page.context().cookies());
    await phone.goto(`${server.baseUrl}/fleet/${chair.id}/label`);
    await phone.locator('svg.qr').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await phone.context().close();
  });

  it('the encoded address opens the chair page for staff', async () => {
    await page.goto(`${server.baseUrl}/c/${chair.id}`);
    await page.getByRole('heading', { level: 1, name: chair.serial }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/fleet/${chair.id}`);
  });

  it('a therapist lands on the beneficiary who uses the chair', async () => {
    const therapist = await openPage(browser);
    await signIn(server, therapist, 'therapist', 'BK-PANGUDI-LUHUR');
    await therapist.goto(`${server.baseUrl}/c/${chair.id}`);
    await expect.poll(() => new URL(therapist.url()).pathname, WAIT).toBe(`/beneficiaries/${chair.beneficiaryId}`);
    await therapist.context().close();
  });
});

describe('a family scanning the label', () => {
  it('signs in first, then lands in the report flow for their beneficiary', async () => {
    const phone = await openPage(browser, { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
    await phone.goto(`${server.baseUrl}/c/${chair.id}`);
    const family = server.harness.creds.users.find((u) => u.email === familyEmail)!;
    await submitLogin(phone, family.email, family.password);
    await expect.poll(() => new URL(phone.url()).pathname, WAIT).toBe('/reports/new');
    expect(new URL(phone.url()).searchParams.get('beneficiary')).toBe(chair.beneficiaryId);
    await phone.getByRole('heading', { level: 1 }).waitFor();
    await phone.context().close();
  });

  it('another family is told the chair is not theirs', async () => {
    const other = Object.entries(world.beneficiaryOf).find(([, b]) => b !== chair.beneficiaryId)![0] as keyof typeof world.beneficiaryOf;
    const page = await openPage(browser);
    await page.goto(`${server.baseUrl}/c/${chair.id}`);
    const account = server.harness.creds.users.find((u) => u.email === EMAIL[other])!;
    await submitLogin(page, account.email, account.password);
    await page.getByText('Kursi roda ini tidak terhubung dengan akun Anda.').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/c/${chair.id}`);
    await page.context().close();
  });
});
