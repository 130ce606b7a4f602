// The pathway of the first-day walk in Chromium, from referral to a chair handed over, in three steps
// (therapist, manager, therapist) that the walk takes once for the first child and again when the
// refurbished chair is re-issued to another child.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { badge, expectAxeClean, fillAssessment, main, step } from './first-day-steps.ts';

const field = (page: Page, label: RegExp) => main(page).getByLabel(label);

/** The therapist refers the beneficiary, assesses her and prescribes a chair of `model`; axe on each form. */
export async function referAssessPrescribe(therapist: Page, baseUrl: string, beneficiaryId: string, model: string): Promise<void> {
  await therapist.goto(`${baseUrl}/requests/new?beneficiaryId=${beneficiaryId}`);
  await main(therapist).getByRole('heading', { level: 1, name: 'Rujukan baru' }).waitFor();
  await expectAxeClean(therapist);
  await field(therapist, /^Sumber rujukan/).selectOption({ label: 'Puskesmas / fasilitas kesehatan' });
  await field(therapist, /^Alasan rujukan/).fill('Belum punya kursi roda; duduk perlu ditopang.');
  await main(therapist).getByRole('button', { name: 'Simpan rujukan' }).click();
  await badge(therapist, 'Dirujuk').waitFor();
  await expectAxeClean(therapist);
  await fillAssessment(therapist);
  await step(therapist, /^Asesmen$/, 'Sudah diases');
  expect(await field(therapist, /^Model dan ukuran dudukan/).locator('option:checked').innerText()).toContain(model);
  await expectAxeClean(therapist);
  await step(therapist, /^Resep kursi roda$/, 'Sudah diresepkan');
}

/** The manager finds the request waiting on the approvals page and approves the funding. */
export async function approveFunding(manager: Page, baseUrl: string, name: string): Promise<void> {
  await manager.goto(`${baseUrl}/approvals`);
  const waiting = main(manager).getByRole('region', { name: 'Menunggu persetujuan pendanaan' }).getByRole('link', { name });
  await waiting.waitFor();
  await expectAxeClean(manager);
  await waiting.click();
  await badge(manager, 'Sudah diresepkan').waitFor();
  await expectAxeClean(manager);
  await main(manager).getByRole('radio', { name: /^Setujui pendanaan$/ }).check();
  await step(manager, /^Setujui pendanaan$/, 'Pendanaan disetujui');
}

/** On the approved request's page: the therapist orders from stock, prepares chair `serial`, fits, trains and hands it over. */
export async function orderAndHandOver(therapist: Page, serial: string): Promise<void> {
  await therapist.reload();
  await badge(therapist, 'Pendanaan disetujui').waitFor();
  await step(therapist, /^Pesan kursi roda$/, 'Dipesan');
  await field(therapist, /^Kursi roda dari stok/).selectOption({ label: serial });
  await expectAxeClean(therapist);
  await step(therapist, /^Siapkan kursi roda$/, 'Kursi disiapkan');
  for (const label of [/^Ukuran pas$/, /^Postur duduk baik$/, /^Tidak ada titik tekan/, /^Dapat bergerak/]) await field(therapist, label).check();
  await step(therapist, /^Pemasangan \(fitting\)$/, 'Sudah dipasang');
  await main(therapist).getByRole('radio', { name: /^Latihan pengguna$/ }).check();
  for (const label of [/^Berpindah/, /^Mendorong/, /^Mengurangi tekanan/, /^Perawatan/, /^Siapa yang dihubungi/]) await field(therapist, label).check();
  await step(therapist, /^Latihan pengguna$/, 'Sudah dilatih');
  await step(therapist, /^Serahkan kursi roda$/, 'Digunakan');
  await expectAxeClean(therapist);
}
