// The WHO pathway in Debian's Chromium: a therapist takes a new beneficiary from referral to a chair
// in use (with validation messages, a server 422 next to its field, the draft kept, and a refit),
// the centre manager approves the funding, the follow-up lands on the worklist, and axe-core finds
// no WCAG 2.2 AA violation on the pathway pages. One browser; each role signs in once.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../helpers/web-server.ts';
import { axeReport, launchBrowser, openPage, signIn } from './browser.ts';

let server: WebServer;
let browser: Browser;
let therapist: Page;
let manager: Page;
let beneficiaryId: string;
let requestId: string;
let therapistId: string;
const NAME = 'Wahyu Jalur Uji';

beforeAll(async () => {
  [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
  const db = server.harness.db.prisma;
  const centre = await db.centre.findUniqueOrThrow({ where: { code: 'BK-PANGUDI-LUHUR' } });
  // A newly registered adult with CP who consented to the service and to health data.
  const b = await db.beneficiary.create({
    data: {
      centreId: centre.id, fullName: NAME, birthDate: new Date('1996-04-02T00:00:00Z'), sex: 'male', address: 'Jl. Kenari No. 3, Bekasi', diagnosis: 'cp',
      consents: { create: ['service', 'health_data'].map((purpose) => ({ purpose, givenBy: 'beneficiary', method: 'written', givenAt: new Date() })) },
    },
  });
  beneficiaryId = b.id;
  therapistId = (await db.user.findUniqueOrThrow({ where: { email: server.user('therapist').email } })).id;
  [therapist, manager] = await Promise.all([openPage(browser, { bypassCSP: true }), openPage(browser, { bypassCSP: true })]);
  await signIn(server, therapist, 'therapist');
  await signIn(server, manager, 'manager');
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const main = (page: Page) => page.getByRole('main');
const stateBadge = (page: Page, text: string) => main(page).locator('.head-links .badge', { hasText: text });
const field = (page: Page, label: RegExp) => main(page).getByLabel(label);

/** Submits the next-step form and waits for the request to reach the state's label. */
async function submitStep(page: Page, button: RegExp, stateText: string) {
  await main(page).getByRole('button', { name: button }).click();
  await stateBadge(page, stateText).waitFor();
}

/** Picks one of several next steps (when the request offers a choice). */
const choose = (page: Page, step: RegExp) => main(page).getByRole('radio', { name: step }).check();

describe('a therapist takes a new beneficiary from referral to a chair in use', () => {
  it('refers the beneficiary (step 1) and lands on the new request, whose page has no axe violations', async () => {
    await therapist.goto(`${server.baseUrl}/requests/new?beneficiaryId=${beneficiaryId}`);
    await main(therapist).getByRole('heading', { level: 1, name: 'Rujukan baru' }).waitFor();
    expect(await axeReport(therapist)).toEqual([]);
    expect(await field(therapist, /^Penerima manfaat/).inputValue()).toBe(beneficiaryId);
    // Nothing chosen or written yet: the required fields say so, in Indonesian.
    await main(therapist).getByRole('button', { name: 'Simpan rujukan' }).click();
    await main(therapist).getByRole('alert').filter({ hasText: 'isian yang perlu diperiksa' }).waitFor();
    expect(await main(therapist).getByText('Wajib diisi.').count()).toBe(2);
    await field(therapist, /^Sumber rujukan/).selectOption({ label: 'Puskesmas / fasilitas kesehatan' });
    await field(therapist, /^Alasan rujukan/).fill('Tidak bisa duduk tegak lebih dari 10 menit; kursi lama patah.');
    await field(therapist, /^Jenis janji temu/).selectOption({ label: 'Kunjungan rumah' });
    await main(therapist).getByRole('button', { name: 'Simpan rujukan' }).click();
    await main(therapist).getByRole('heading', { level: 1, name: `Kursi roda untuk ${NAME}` }).waitFor();
    requestId = new URL(therapist.url()).pathname.split('/').pop()!;
    await stateBadge(therapist, 'Dirujuk').waitFor();
    await main(therapist).getByRole('heading', { level: 3, name: 'Asesmen' }).waitFor();
    expect(await axeReport(therapist)).toEqual([]);
  });

  it('assessment (step 2): a range message, a server date-order issue beside its field, the draft kept', async () => {
    await field(therapist, /^Tujuan pengguna/).fill('Duduk tegak saat bekerja menjahit di rumah.');
    await field(therapist, /^Tempat kursi roda digunakan/).fill('rumah dan pasar');
    await field(therapist, /^Lama pemakaian per hari/).fill('8');
    await field(therapist, /^Postur duduk/).fill('condong ke kanan, kepala ditopang tangan');
    await field(therapist, /^Risiko luka tekan/).selectOption({ label: 'Sedang' });
    const mm: [RegExp, string][] = [[/^A\. Lebar pinggul/, '37'], [/^B\. Kedalaman duduk kiri/, '440'], [/^B\. Kedalaman duduk kanan/, '445'], [/^C\. Panjang betis kiri/, '420'], [/^C\. Panjang betis kanan/, '425']];
    for (const [label, value] of mm) await field(therapist, label).fill(value);
    for (const [label, value] of [[/^Level GMFCS/, 'Level III'], [/^Tipe/, 'Spastik'], [/^Sebaran/, 'Diplegia'], [/^Tonus otot/, 'Hipertonus'], [/^Kemampuan duduk/, 'Duduk dengan bertumpu tangan']] as const) {
      await field(therapist, label).selectOption({ label: value });
    }
    // 37 mm: centimetres typed as millimetres. Checked in the browser with the shared schema.
    await main(therapist).getByRole('button', { name: 'Asesmen' }).click();
    const hip = field(therapist, /^A\. Lebar pinggul/);
    await expect.poll(() => hip.getAttribute('aria-invalid')).toBe('true');
    await main(therapist).getByText('Di luar rentang wajar: 150–600 mm. Periksa satuan (mm, bukan cm).').waitFor();
    expect(await hip.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);
    await hip.fill('370');

    // A date before the referral passes the schema; the server refuses it, and says so beside the date.
    const date = field(therapist, /^Tanggal asesmen/);
    await date.fill('2020-01-15');
    await main(therapist).getByRole('button', { name: 'Asesmen' }).click();
    await main(therapist).getByText('Tanggal ini lebih awal dari langkah sebelumnya.').waitFor();
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    expect(await field(therapist, /^Tujuan pengguna/).inputValue()).toBe('Duduk tegak saat bekerja menjahit di rumah.');
    // Kept under the therapist's own id: the next person on this tab never sees it.
    const draftKey = `atensi.draft.${therapistId}.${requestId}.referred.assessed`;
    const draft = await therapist.evaluate((key) => sessionStorage.getItem(key), draftKey);
    expect(JSON.parse(draft!)).toMatchObject({ 'measurements.hipWidthMm': '370', goals: 'Duduk tegak saat bekerja menjahit di rumah.' });

    // A reload keeps what was typed (the draft), then the corrected date goes through.
    await therapist.reload();
    await expect.poll(() => field(therapist, /^A\. Lebar pinggul/).inputValue()).toBe('370');
    await field(therapist, /^Tanggal asesmen/).fill(new Date().toISOString().slice(0, 10));
    await submitStep(therapist, /^Asesmen$/, 'Sudah diases');
    expect(await therapist.evaluate((key) => sessionStorage.getItem(key), draftKey)).toBeNull();
  });

  it('prescription (step 3) with the sizing helper\'s target and best size preselected', async () => {
    const sizing = main(therapist).getByRole('region', { name: 'Bantuan ukuran (WHO)' });
    await sizing.getByText('lebar 370 mm, kedalaman 390–410 mm').waitFor();
    expect(await field(therapist, /^Model dan ukuran dudukan/).locator('option:checked').innerText()).toContain('380 × 400 mm · cocok baik');
    expect(await axeReport(therapist)).toEqual([]);
    await submitStep(therapist, /^Resep kursi roda$/, 'Sudah diresepkan');
    // Funding is not the therapist's decision: no next step is offered.
    expect(await main(therapist).getByRole('heading', { name: 'Langkah berikutnya' }).count()).toBe(0);
  });
});

describe('the centre manager', () => {
  it('sees the request waiting for approval and the indicators, without axe violations', async () => {
    await manager.goto(`${server.baseUrl}/approvals`);
    await main(manager).getByRole('heading', { level: 1, name: 'Persetujuan & indikator' }).waitFor();
    const waiting = main(manager).getByRole('region', { name: 'Menunggu persetujuan pendanaan' });
    await waiting.getByRole('link', { name: NAME }).waitFor();
    await main(manager).getByRole('heading', { level: 2, name: 'Indikator balai' }).waitFor();
    expect(await main(manager).getByRole('link', { name: 'Unduh CSV (English)' }).getAttribute('href')).toBe('/api/indicators/csv?lang=en');
    expect(await axeReport(manager)).toEqual([]);
  });

  it('approves the funding', async () => {
    await main(manager).getByRole('link', { name: NAME }).click();
    await stateBadge(manager, 'Sudah diresepkan').waitFor();
    await choose(manager, /^Setujui pendanaan$/);
    expect(await field(manager, /^Sumber dana/).inputValue()).toBe('ATENSI');
    await submitStep(manager, /^Setujui pendanaan$/, 'Pendanaan disetujui');
  });
});

describe('the therapist finishes the pathway', () => {
  it('orders, prepares a new chair, fits it, refits it after a pressure problem, trains and hands it over', async () => {
    await therapist.reload();
    await stateBadge(therapist, 'Pendanaan disetujui').waitFor();
    await submitStep(therapist, /^Pesan kursi roda$/, 'Dipesan');
    await field(therapist, /^Nomor seri kursi baru/).fill('ATM-M-90001');
    await submitStep(therapist, /^Siapkan kursi roda$/, 'Kursi disiapkan');
    for (const label of [/^Ukuran pas$/, /^Postur duduk baik$/, /^Dapat bergerak/]) await field(therapist, label).check();
    await field(therapist, /^Penyesuaian yang dilakukan/).fill('Sandaran kaki dinaikkan 20 mm.');
    // One check not ticked: the app warns what that means before recording it.
    await main(therapist).getByRole('button', { name: /^Pemasangan \(fitting\)$/ }).click();
    const warning = therapist.getByRole('dialog', { name: 'Catat pemasangan dengan masalah?' });
    expect(await warning.innerText()).toContain('Belum dicentang: Tidak ada titik tekan berlebih.');
    await warning.getByRole('button', { name: 'Catat dengan masalah' }).click();
    await stateBadge(therapist, 'Sudah dipasang').waitFor();
    // The safe next step, the refit, is the one preselected.
    expect(await main(therapist).getByRole('radio', { name: /^Perlu penyesuaian ulang$/ }).isChecked()).toBe(true);
    await field(therapist, /^Apa yang harus diubah/).fill('Bantalan terlalu keras di tulang duduk; ganti busa berkontur.');
    await submitStep(therapist, /^Perlu penyesuaian ulang$/, 'Kursi disiapkan');
    for (const label of [/^Ukuran pas$/, /^Postur duduk baik$/, /^Tidak ada titik tekan/, /^Dapat bergerak/]) await field(therapist, label).check();
    await submitStep(therapist, /^Pemasangan \(fitting\)$/, 'Sudah dipasang');
    await choose(therapist, /^Latihan pengguna$/);
    for (const label of [/^Berpindah/, /^Mendorong/, /^Mengurangi tekanan/, /^Perawatan/, /^Siapa yang dihubungi/]) await field(therapist, label).check();
    await submitStep(therapist, /^Latihan pengguna$/, 'Sudah dilatih');
    await submitStep(therapist, /^Serahkan kursi roda$/, 'Digunakan');
    const timeline = main(therapist).getByRole('region', { name: 'Riwayat langkah' });
    const steps = (await timeline.locator('li strong').allInnerTexts()).map((s) => s.trim());
    expect(steps).toEqual(['Dirujuk', 'Sudah diases', 'Sudah diresepkan', 'Pendanaan disetujui', 'Dipesan', 'Kursi disiapkan', 'Sudah dipasang', 'Perlu penyesuaian ulang', 'Sudah dipasang', 'Sudah dilatih', 'Digunakan']);
    expect(await timeline.getByText('Bantalan terlalu keras di tulang duduk; ganti busa berkontur.').count()).toBe(1);
    await main(therapist).getByRole('heading', { level: 2, name: 'Tindak lanjut' }).waitFor();
    expect(await axeReport(therapist)).toEqual([]);
    // A new chair was registered: the order no longer claims it came from the centre's stock; a
    // manual chair's training lists no battery charging.
    const order = main(therapist).getByRole('region', { name: 'Pemesanan dan kursi' });
    expect(await order.innerText()).not.toContain('Dari stok balai');
    const training = await main(therapist).getByRole('region', { name: 'Latihan pengguna' }).innerText();
    expect(training).toContain('Mendorong');
    expect(training).not.toContain('Mengisi baterai');
    const summary = await main(therapist).locator('dl.facts').first().innerText();
    expect(summary).not.toContain('janji temu');
    expect(summary).not.toContain('Perkiraan tanggal tersedia');
    const device = await server.harness.db.prisma.device.findUniqueOrThrow({ where: { serial: 'ATM-M-90001' } });
    expect(device).toMatchObject({ status: 'in_use', beneficiaryId });
  });

  it('the follow-up appears on the worklist, which has no axe violations', async () => {
    await therapist.goto(`${server.baseUrl}/worklist`);
    await main(therapist).getByRole('heading', { level: 1, name: 'Daftar kerja' }).waitFor();
    const followUps = main(therapist).getByRole('region', { name: 'Tindak lanjut' });
    await followUps.getByRole('link', { name: NAME }).waitFor();
    expect(await followUps.getByRole('listitem').filter({ hasText: NAME }).innerText()).toContain('Tindak lanjut pertama');
    expect(await axeReport(therapist)).toEqual([]);
  });

  it("the beneficiary's own page shows every step as their service history, linking to the request, without axe violations", async () => {
    await therapist.goto(`${server.baseUrl}/beneficiaries/${beneficiaryId}`);
    const history = main(therapist).getByRole('region', { name: 'Riwayat layanan kursi roda' });
    await history.locator('li').nth(10).waitFor();
    const steps = (await history.locator('li strong').allInnerTexts()).map((s) => s.trim());
    expect(steps).toEqual(['Dirujuk', 'Sudah diases', 'Sudah diresepkan', 'Pendanaan disetujui', 'Dipesan', 'Kursi disiapkan', 'Sudah dipasang', 'Perlu penyesuaian ulang', 'Sudah dipasang', 'Sudah dilatih', 'Digunakan']);
    expect(await history.getByText('Bantalan terlalu keras di tulang duduk; ganti busa berkontur.').count()).toBe(1);
    expect(await history.getByRole('link', { name: 'Semua permintaan untuk orang ini' }).getAttribute('href')).toBe(`/requests?beneficiaryId=${beneficiaryId}`);
    expect(await axeReport(therapist)).toEqual([]);
    await history.getByRole('link', { name: /^Permintaan tanggal / }).click();
    await therapist.waitForURL(`**/requests/${requestId}`);
    await stateBadge(therapist, 'Digunakan').waitFor();
  });

  it('prints a summary: no axe violations, and on paper no header, navigation or buttons', async () => {
    await therapist.goto(`${server.baseUrl}/requests/${requestId}/print`);
    await main(therapist).getByRole('heading', { level: 2, name: 'Asesmen' }).waitFor();
    await main(therapist).getByRole('heading', { level: 2, name: 'Pemasangan' }).waitFor();
    expect(await axeReport(therapist)).toEqual([]);
    const printButton = main(therapist).getByRole('button', { name: 'Cetak' });
    expect(await printButton.isVisible()).toBe(true);
    await therapist.emulateMedia({ media: 'print' });
    expect(await therapist.getByRole('banner').isVisible()).toBe(false);
    expect(await therapist.getByRole('navigation', { name: 'Menu utama' }).isVisible()).toBe(false);
    expect(await printButton.isVisible()).toBe(false);
    expect(await main(therapist).getByRole('heading', { level: 2, name: 'Resep' }).isVisible()).toBe(true);
    await therapist.emulateMedia({ media: 'screen' });
  });

  it('the request list has no axe violations and filters by step', async () => {
    await therapist.goto(`${server.baseUrl}/requests?state=in_use`);
    await main(therapist).getByRole('link', { name: NAME }).waitFor();
    expect(await main(therapist).getByLabel('Langkah').locator('option:checked').innerText()).toBe('Digunakan');
    expect(await axeReport(therapist)).toEqual([]);
  });
});

describe('in English', () => {
  it('the forms, their validation messages and the worklist speak English', async () => {
    await therapist.getByRole('banner').getByRole('button', { name: 'English' }).click();
    await therapist.goto(`${server.baseUrl}/requests/new`);
    await main(therapist).getByRole('heading', { level: 1, name: 'New referral' }).waitFor();
    await main(therapist).getByRole('button', { name: 'Save the referral' }).click();
    await main(therapist).getByRole('alert').filter({ hasText: 'entries need checking' }).waitFor();
    expect(await main(therapist).getByText('Required.').count()).toBe(3);
    // The beneficiary picker is searchable: typing part of a name (any case) narrows the list, and
    // a single match is chosen.
    const search = main(therapist).getByRole('searchbox', { name: 'Search by name (type part of it)' });
    await search.fill('jalur U');
    await main(therapist).getByText('1 of ', { exact: false }).waitFor();
    expect(await field(therapist, /^Beneficiary/).locator('option').allInnerTexts()).toEqual(['— Choose —', NAME]);
    expect(await field(therapist, /^Beneficiary/).inputValue()).toBe(beneficiaryId);
    await search.fill('');
    expect(await field(therapist, /^Beneficiary/).locator('option').count()).toBeGreaterThan(5);
    await therapist.goto(`${server.baseUrl}/worklist`);
    await main(therapist).getByRole('heading', { level: 2, name: 'Follow-ups' }).waitFor();
    expect(await main(therapist).getByRole('region', { name: 'Follow-ups' }).innerText()).toContain('First follow-up');
    expect(await axeReport(therapist)).toEqual([]);
  });
});

describe('on a phone, 360 × 740', () => {
  it('the assessment form fits the screen without sideways scrolling or axe violations', async () => {
    await therapist.setViewportSize({ width: 360, height: 740 });
    const referred = await server.harness.db.prisma.deviceRequest.findFirstOrThrow({ where: { state: 'referred', beneficiary: { fullName: 'Galang Ramadhan' } } });
    await therapist.goto(`${server.baseUrl}/requests/${referred.id}`);
    await field(therapist, /^A\. (Hip width|Lebar pinggul)/).waitFor();
    expect(await therapist.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const box = (await field(therapist, /^A\. (Hip width|Lebar pinggul)/).boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    expect(await axeReport(therapist)).toEqual([]);
  });
});
