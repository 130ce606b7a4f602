// Registering a person and keeping their record in the browser: a child with the guardian's
// consent, the duplicate warning and its way forward, the CP profile, recording and withdrawing a
// consent, and an admin linking and unlinking a family account; axe on each form.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../helpers/web-server.ts';
import { axeReport, forgetSession, launchBrowser, openPage, signIn } from './browser.ts';

let server: WebServer;
let browser: Browser;
let page: Page;
let childId = '';

const CHILD = 'Putri Ayu Lestari';
const BIRTH = '2019-04-12';

beforeAll(async () => {
  [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
  page = await openPage(browser, { bypassCSP: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const main = () => page.getByRole('main');
const field = (label: RegExp) => main().getByLabel(label);

async function fillChild() {
  await field(/^Nama lengkap/).fill(CHILD);
  await field(/^NIK/).fill('3275015204190007');
  await field(/^Tanggal lahir/).fill(BIRTH);
  await field(/^Jenis kelamin/).selectOption('female');
  await field(/^Alamat/).fill('Jl. Kenanga No. 3, <b>Bekasi</b>');
  await field(/^Diagnosis/).selectOption('cp');
  await field(/^Nama orang tua atau wali/).fill('Sri Wahyuni');
  await field(/^Hubungan dengan penerima manfaat/).selectOption('mother');
}

describe('a therapist registers a child', () => {
  beforeAll(async () => {
    await forgetSession(server, page);
    await signIn(server, page, 'therapist');
  });

  it('from the list, with the guardian’s consent in the same step; HTML in the address stays text', async () => {
    await page.goto(`${server.baseUrl}/beneficiaries`);
    await main().getByRole('link', { name: 'Daftarkan orang' }).click();
    await page.getByRole('heading', { level: 1, name: 'Daftarkan orang' }).waitFor();
    expect(await axeReport(page)).toEqual([]);
    await fillChild();
    // The defaults: a guardian, a written form dated today, for the service and health data.
    expect(await field(/^Persetujuan diberikan oleh/).inputValue()).toBe('guardian');
    expect(await main().getByRole('checkbox', { name: 'Data kesehatan' }).isChecked()).toBe(true);
    await main().getByRole('button', { name: 'Daftarkan' }).click();
    await page.getByRole('heading', { level: 1, name: CHILD }).waitFor();
    childId = new URL(page.url()).pathname.split('/').pop()!;
    const row = await server.harness.db.prisma.beneficiary.findUniqueOrThrow({ where: { id: childId }, include: { consents: true } });
    expect(row).toMatchObject({ nik: '3275015204190007', address: 'Jl. Kenanga No. 3, <b>Bekasi</b>', centreId: expect.any(String) });
    expect(row.consents.map((c) => [c.purpose, c.givenBy, c.guardianName, c.guardianRelationship]).sort()).toEqual([
      ['health_data', 'guardian', 'Sri Wahyuni', 'mother'], ['service', 'guardian', 'Sri Wahyuni', 'mother'],
    ]);
    expect(await main().getByText('Wali: Sri Wahyuni (Ibu)').first().isVisible()).toBe(true);
    expect(await main().getByText('Jl. Kenanga No. 3, <b>Bekasi</b>', { exact: true }).isVisible()).toBe(true);
    expect(await main().locator('b').count()).toBe(0);
    expect(await main().getByText('3275015204190007').isVisible()).toBe(true);
  });

  it('the same name and birth date again: a warning with a link to the record, then "register anyway"', async () => {
    await page.goto(`${server.baseUrl}/beneficiaries/new`);
    await page.getByRole('heading', { level: 1, name: 'Daftarkan orang' }).waitFor();
    await fillChild();
    await field(/^NIK/).fill('');
    await main().getByRole('button', { name: 'Daftarkan' }).click();
    const alert = main().getByRole('alert').filter({ hasText: 'nama dan tanggal lahir yang sama' });
    await alert.waitFor();
    expect(await alert.getByRole('link', { name: 'Buka data yang sudah ada' }).getAttribute('href')).toBe(`/beneficiaries/${childId}`);
    expect(await axeReport(page)).toEqual([]);
    const before = await server.harness.db.prisma.beneficiary.count({ where: { fullName: CHILD } });
    expect(before).toBe(1);
    await alert.getByRole('button', { name: 'Ini orang lain: tetap daftarkan' }).click();
    await page.waitForURL((url) => /^\/beneficiaries\/[a-z0-9]+$/.test(url.pathname) && !url.pathname.endsWith(childId) && !url.pathname.endsWith('/new'));
    await page.getByRole('heading', { level: 1, name: CHILD }).waitFor();
    expect(await server.harness.db.prisma.beneficiary.count({ where: { fullName: CHILD } })).toBe(2);
  });

  it('records the CP profile from the record', async () => {
    await page.goto(`${server.baseUrl}/beneficiaries/${childId}`);
    await page.getByRole('heading', { level: 1, name: CHILD }).waitFor();
    await main().getByRole('button', { name: 'Profil cerebral palsy' }).click();
    const form = main().getByRole('form', { name: 'Profil cerebral palsy' });
    await form.waitFor();
    await form.getByLabel(/^Level GMFCS/).selectOption('3');
    await form.getByLabel(/^Tipe/).selectOption('spastic');
    await form.getByLabel(/^Sebaran/).selectOption('diplegia');
    await form.getByLabel(/^Tonus otot/).selectOption('hypertonic');
    await form.getByLabel(/^Kemampuan duduk/).selectOption('propped');
    await form.getByRole('checkbox', { name: 'Skoliosis' }).check();
    expect(await axeReport(page)).toEqual([]);
    await form.getByRole('button', { name: 'Simpan' }).click();
    await main().getByRole('status').filter({ hasText: 'Profil cerebral palsy tersimpan.' }).waitFor();
    await main().getByText('Level III', { exact: true }).waitFor();
    const cp = await server.harness.db.prisma.cpProfile.findUniqueOrThrow({ where: { beneficiaryId: childId } });
    expect(cp).toMatchObject({ gmfcs: 3, type: 'spastic', distribution: 'diplegia', tone: 'hypertonic', sittingLevel: 'propped', scoliosis: true, kyphosis: false });
  });

  it('records a consent for research, then withdraws it after confirming', async () => {
    await main().getByRole('button', { name: 'Catat persetujuan' }).click();
    const form = main().getByRole('form', { name: 'Catat persetujuan' });
    await form.waitFor();
    await form.getByRole('checkbox', { name: 'Penelitian' }).check();
    await form.getByLabel(/^Nama orang tua atau wali/).fill('Sri Wahyuni');
    await form.getByLabel(/^Hubungan dengan penerima manfaat/).selectOption('grandparent');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await main().getByRole('status').filter({ hasText: 'Persetujuan tercatat.' }).waitFor();
    const withdraw = main().getByRole('button', { name: 'Tarik: Penelitian' });
    await withdraw.waitFor();
    await withdraw.click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Tarik persetujuan' }).click();
    await main().getByRole('status').filter({ hasText: 'Persetujuan untuk Penelitian telah ditarik.' }).waitFor();
    await expect.poll(() => main().getByRole('button', { name: 'Tarik: Penelitian' }).count()).toBe(0);
    const research = await server.harness.db.prisma.consent.findFirstOrThrow({ where: { beneficiaryId: childId, purpose: 'research' } });
    expect(research.withdrawnAt).not.toBeNull();
    expect(research).toMatchObject({ guardianName: 'Sri Wahyuni', guardianRelationship: 'grandparent' });
  });
});

describe('an admin links a family account', () => {
  beforeAll(async () => {
    await forgetSession(server, page);
    await signIn(server, page, 'admin');
  });

  it('links an existing family account with the relationship, then removes the link', async () => {
    const family = await server.harness.db.prisma.user.findFirstOrThrow({ where: { role: 'family' }, orderBy: { email: 'asc' } });
    await page.goto(`${server.baseUrl}/beneficiaries/${childId}`);
    await page.getByRole('heading', { level: 1, name: CHILD }).waitFor();
    const form = main().getByRole('form', { name: 'Hubungkan akun' });
    await form.waitFor();
    await form.getByLabel(/^Akun keluarga/).selectOption(family.id);
    await form.getByLabel(/^Hubungan dengan orangnya/).selectOption('parent');
    expect(await axeReport(page)).toEqual([]);
    await form.getByRole('button', { name: 'Hubungkan akun' }).click();
    const unlink = main().getByRole('button', { name: `Lepas hubungan ${family.name}` });
    await unlink.waitFor();
    expect(await server.harness.db.prisma.familyLink.count({ where: { userId: family.id, beneficiaryId: childId, relationship: 'parent' } })).toBe(1);
    expect(await main().getByRole('link', { name: /Undang anggota keluarga/ }).getAttribute('href')).toBe('/users');
    await unlink.click();
    await page.getByRole('dialog').getByRole('button', { name: 'Lepas hubungan' }).click();
    await expect.poll(() => main().getByRole('button', { name: `Lepas hubungan ${family.name}` }).count()).toBe(0);
    expect(await server.harness.db.prisma.familyLink.count({ where: { userId: family.id, beneficiaryId: childId } })).toBe(0);
  });
});
