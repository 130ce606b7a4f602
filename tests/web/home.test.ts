// Each staff role's Home in a real browser shows its own work as counts that link to it: red flags,
// urgent alerts, overdue follow-ups and the week's appointments (therapist), approvals waiting
// (manager), open and due work orders (technician, checked in English). axe-core on each.
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectJson, quickSession } from '../helpers/api.ts';
import { requestInState } from '../helpers/pathway.ts';
import { startWebServer, type WebServer } from '../helpers/web-server.ts';
import { EMAIL, loadWorld, type World } from '../helpers/world.ts';
import { axeReport, launchBrowser, openPage, signIn } from './browser.ts';

let server: WebServer;
let browser: Browser;
let world: World;

beforeAll(async () => {
  [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
  world = await loadWorld(server.harness);
  const family = await quickSession(server.harness, EMAIL.familyA2);
  await expectJson(await family.post('/api/reports', { beneficiaryId: world.beneficiaryOf.familyA2, category: 'headache', clientRequestId: randomUUID() }), 201);
  await requestInState(server.harness, world.centreA, 'prescribed', { therapistId: world.user.therapistA });
  await server.harness.db.prisma.workOrder.create({
    data: { centreId: world.centreA, kind: 'repair', status: 'scheduled', scheduledAt: new Date(Date.now() - 86_400_000), location: 'home' },
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The cards on Home: key → [count shown, the card's words, its link]. */
async function cards(page: Page): Promise<Record<string, { text: string; href: string | null }>> {
  const links = page.getByRole('main').locator('a[data-stat]');
  await links.first().waitFor();
  const out: Record<string, { text: string; href: string | null }> = {};
  for (const a of await links.all()) out[(await a.getAttribute('data-stat'))!] = { text: await a.innerText(), href: await a.getAttribute('href') };
  return out;
}

async function homeAs(role: string, centre: string | null = 'BK-PANGUDI-LUHUR') {
  const page = await openPage(browser, { bypassCSP: true });
  await signIn(server, page, role, centre);
  return page;
}

describe('each staff role\'s Home', () => {
  it('therapist: red flags and urgent alerts first, then overdue follow-ups and the week\'s appointments', async () => {
    const page = await homeAs('therapist');
    const c = await cards(page);
    expect(Object.keys(c)).toEqual(['redFlags', 'urgentAlerts', 'overdueFollowUps', 'appointmentsThisWeek']);
    expect(c.redFlags!.text).toMatch(/^[1-9]\d*\nLaporan tanda bahaya terbuka\nPerlu ditangani$/);
    expect(c.redFlags!.href).toBe('/reports?redFlag=true');
    expect(c.overdueFollowUps!.href).toBe('/worklist');
    expect(c.appointmentsThisWeek!.text).toContain('Janji temu 7 hari ke depan');
    expect(await page.getByRole('heading', { level: 2, name: 'Pekerjaan Anda' }).count()).toBe(1);
    expect(await axeReport(page)).toEqual([]);
    await page.getByRole('link', { name: /Laporan tanda bahaya terbuka/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Laporan keluarga' }).waitFor();
    await page.context().close();
  });

  it('manager: approvals waiting first among its centre\'s work', async () => {
    const page = await homeAs('manager');
    const c = await cards(page);
    expect(Object.keys(c)).toEqual(['redFlags', 'urgentAlerts', 'approvalsWaiting', 'overdueFollowUps', 'openWorkOrders', 'beneficiaries', 'staff']);
    expect(c.approvalsWaiting!.text).toMatch(/^[1-9]\d*\nPermintaan menunggu persetujuan dana\nPerlu ditangani$/);
    expect(c.approvalsWaiting!.href).toBe('/approvals');
    expect(await axeReport(page)).toEqual([]);
    await page.context().close();
  });

  it('technician (in English): open and due work orders and urgent alerts, nothing clinical', async () => {
    await server.harness.db.prisma.user.update({ where: { id: world.user.technicianA }, data: { locale: 'en' } });
    const page = await homeAs('technician');
    const c = await cards(page);
    expect(Object.keys(c)).toEqual(['urgentAlerts', 'dueWorkOrders', 'openWorkOrders']);
    expect(c.dueWorkOrders!.text).toMatch(/^[1-9]\d*\nWork orders due today or overdue\nNeeds action$/);
    expect(c.openWorkOrders!.href).toBe('/work-orders');
    expect(c.urgentAlerts!.href).toBe('/fleet');
    expect(await page.getByRole('heading', { level: 2, name: 'Your work' }).count()).toBe(1);
    expect(await axeReport(page)).toEqual([]);
    await page.context().close();
  });

  it('admin: national counts', async () => {
    const page = await homeAs('admin', null);
    const c = await cards(page);
    expect(Object.keys(c)).toEqual(['redFlags', 'urgentAlerts', 'approvalsWaiting', 'beneficiaries', 'centres', 'staff']);
    expect(c.centres!.text).toMatch(/^\d+\nBalai$/);
    expect(await axeReport(page)).toEqual([]);
    await page.context().close();
  });
});
