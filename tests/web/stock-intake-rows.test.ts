// The "receive chairs" form's data side: new rows copy the batch but not the serial, a change of
// model keeps only a size it has, drafts become intake rows (checked by the shared schema), and the
// server's refusals land on the right row and field, in both languages.
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceModel } from '../../schemas/device-models.ts';
import { checkDrafts, newDraft, serverErrors, withModel } from '../../web/src/pages/stock/intake-rows.ts';

// i18n switches language through localStorage and <html lang>; node has neither.
(globalThis as { localStorage?: unknown }).localStorage ??= { getItem: () => null, setItem: () => {} };
(globalThis as { document?: unknown }).document ??= { documentElement: {} };
const { setLocale } = await import('../../web/src/i18n/i18n.ts');
afterEach(() => setLocale('id'));

const model = (id: string, kind: DeviceModel['kind'], sizes: [number, number][]) =>
  ({ id, kind, name: id, sizes: sizes.map(([w, d]) => ({ seatWidthMm: w, seatDepthMm: d })) }) as unknown as DeviceModel;
const manual = model('manualmodel01', 'manual_adaptive', [[380, 400], [420, 430]]);
const electric = model('electricmod01', 'electric', [[400, 420]]);
const models = [manual, electric];
const TODAY = '2026-12-01';

describe('rows of the form', () => {
  it('a new row copies the batch (model, size, dates, paperwork) but not the serial', () => {
    const first = { ...newDraft(1, TODAY), serial: 'A-1', modelId: manual.id, size: '380x400', supplier: 'CV Roda', fundingSource: 'APBN' };
    expect(newDraft(2, TODAY, first)).toEqual({ ...first, key: 2, serial: '' });
    expect(newDraft(3, TODAY)).toMatchObject({ key: 3, serial: '', modelId: '', size: '', receivedAt: TODAY });
  });

  it('a change of model keeps a size the model has, takes its only size, and drops the battery of a manual chair', () => {
    const d = { ...newDraft(1, TODAY), modelId: electric.id, size: '400x420', batteryInstalledAt: '2026-11-01' };
    expect(withModel(d, manual)).toMatchObject({ modelId: manual.id, size: '', batteryInstalledAt: '' });
    expect(withModel({ ...d, size: '' }, electric)).toMatchObject({ size: '400x420', batteryInstalledAt: '2026-11-01' });
    expect(withModel({ ...d, modelId: manual.id, size: '420x430' }, manual).size).toBe('420x430');
  });
});

describe('checkDrafts', () => {
  it('turns complete rows into intake rows: size split, blanks left out, the battery date only for electric chairs, the admin’s centre added', () => {
    const drafts = [
      { ...newDraft(1, TODAY), serial: ' rt 1 ', modelId: manual.id, size: '380x400', supplier: '  ', batteryInstalledAt: '2026-11-01' },
      { ...newDraft(2, TODAY), serial: 'ES-2', modelId: electric.id, size: '400x420', fundingSource: 'APBN', batteryInstalledAt: '2026-11-01' },
    ];
    expect(checkDrafts(drafts, models, 'centreid0001')).toEqual({
      rows: [
        { serial: 'rt 1', modelId: manual.id, centreId: 'centreid0001', seatWidthMm: 380, seatDepthMm: 400, receivedAt: TODAY },
        { serial: 'ES-2', modelId: electric.id, centreId: 'centreid0001', seatWidthMm: 400, seatDepthMm: 420, receivedAt: TODAY, fundingSource: 'APBN', batteryInstalledAt: '2026-11-01' },
      ],
    });
  });

  it('says what is missing or malformed, by row and field', () => {
    const drafts = [
      { ...newDraft(1, TODAY), serial: 'OK-1', modelId: manual.id, size: '380x400' },
      { ...newDraft(2, TODAY), serial: 'bad#serial', receivedAt: '' },
    ];
    const result = checkDrafts(drafts, models, undefined);
    expect(result).toEqual({
      errors: {
        rows: [undefined, { serial: 'Hanya huruf, angka, spasi, titik, garis miring dan tanda hubung.', modelId: 'Wajib diisi.', size: 'Wajib diisi.', receivedAt: 'Wajib diisi.' }],
        other: [],
      },
    });
  });
});

describe('serverErrors', () => {
  const drafts = [newDraft(1, TODAY), newDraft(2, TODAY)].map((d) => ({ ...d, serial: 'X', modelId: manual.id, size: '380x400' }));

  it('puts each refusal of a batch next to its row and field, a size on the size, the centre apart', () => {
    setLocale('en');
    const errors = serverErrors([
      { path: ['items', 1, 'serial'], code: 'serial_in_use', message: 'a chair with this serial is already registered' },
      { path: ['items', 1, 'serial'], code: 'duplicate_serial', message: 'the same serial as row 1' },
      { path: ['items', 0, 'seatWidthMm'], code: 'size_not_in_model', message: 'no such seat' },
      { path: ['items', 0, 'centreId'], code: 'other_centre', message: 'own centre only' },
    ], drafts);
    expect(errors).toEqual({
      rows: [{ size: 'This model does not come in that size.' }, { serial: 'This serial is already registered to another chair.' }],
      other: ['Chairs can only be received at your own centre.'],
    });
  });

  it('reads a single chair’s paths as the first row', () => {
    const errors = serverErrors([{ path: ['receivedAt'], code: 'future_date', message: 'a date in the future' }], drafts.slice(0, 1));
    expect(errors.rows[0]).toEqual({ receivedAt: 'Tanggal tidak boleh di masa depan.' });
  });
});
