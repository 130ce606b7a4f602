// Telemetry off for want of consent, in a real browser: the technician's chair page and fleet list
// and the family's home (at 360 px) say that the chair's telemetry is off and why, in Bahasa
// Indonesia and English, with no axe violations.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceOf } from '../helpers/fleet-fixture.ts';
import { startWebServer, type WebServer } from '../helpers/web-server.ts';
import { EMAIL } from '../helpers/world.ts';
import { axeReport, launchBrowser, openPage, signIn, submitLogin } from './browser.ts';

let server: WebServer;
let browser: Browser;
let chair: Awaited<ReturnType<typeof deviceOf>>;

beforeAll(async () => {
  [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
  // Fajar's electric chair; his family is keluarga.bambang. His guardian withdraws telemetry consent.
  chair = await deviceOf(server.harness, 'Muhammad Fajar Nugroho');
  await server.harness.db.prisma.consent.updateMany({ where: { beneficiaryId: chair.beneficiaryId!, purpose: 'telemetry', withdrawnAt: null }, data: { withdrawnAt: new Date() } });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('telemetry off for want of consent', () => {
  it('the chair page and the fleet list say so and why, in both languages', async () => {
    const page = await openPage(browser, { bypassCSP: true });
    await signIn(server, page, 'technician', 'BK-PANGUDI-LUHUR');
    await page.goto(`${server.baseUrl}/fleet/${chair.id}`);
    const note = page.getByRole('note').filter({ hasText: 'Telemetri mati' });
    await note.waitFor();
    expect(await note.textContent()).toContain('menarik persetujuan telemetri');
    expect(await axeReport(page)).toEqual([]);

    await page.goto(`${server.baseUrl}/fleet`);
    const row = page.locator(`tr[data-device="${chair.id}"]`);
    await expect.poll(() => row.textContent()).toContain('Telemetri mati (persetujuan ditarik)');

    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => row.textContent()).toContain('Telemetry off (consent withdrawn)');
    await page.goto(`${server.baseUrl}/fleet/${chair.id}`);
    await page.getByRole('note').filter({ hasText: 'Telemetry off: the user of this chair withdrew their telemetry consent' }).waitFor();
    await page.close();
  });

  it('the family home says it in plain words on a phone', async () => {
    const page = await openPage(browser, { viewport: { width: 360, height: 740 }, bypassCSP: true });
    const family = server.harness.creds.users.find((u) => u.email === EMAIL.familyA2)!;
    await page.goto(`${server.baseUrl}/`);
    await submitLogin(page, family.email, family.password);
    const line = page.locator(`[data-chair="${chair.id}"] .telemetry-off`);
    await line.waitFor();
    expect(await line.textContent()).toContain('persetujuan telemetri sudah ditarik');
    expect(await axeReport(page)).toEqual([]);
    await page.close();
  });
});
