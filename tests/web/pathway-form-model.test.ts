// The pathway forms' data side: raw inputs to an API body, and validation issues (the shared
// schema's and the server's) to messages next to the right field, in both languages.
import { afterEach, describe, expect, it } from 'vitest';
import { AssessStep, OrderStep } from '../../schemas/pathway-steps.ts';
import { buildBody, filterOptions, mapIssues, type FieldGroup } from '../../web/src/pages/requests/form/form-model.ts';
import { en } from '../../web/src/i18n/en.ts';
import { id } from '../../web/src/i18n/id.ts';

// i18n switches language through localStorage and <html lang>; node has neither.
(globalThis as { localStorage?: unknown }).localStorage ??= { getItem: () => null, setItem: () => {} };
(globalThis as { document?: unknown }).document ??= { documentElement: {} };
const { setLocale } = await import('../../web/src/i18n/i18n.ts');
afterEach(() => setLocale('id'));

const groups: FieldGroup[] = [
  {
    fields: [
      { name: 'assessedAt', label: 'requests.field.assessedAt', type: 'date' },
      { name: 'measurements.hipWidthMm', label: 'requests.field.hipWidth', type: 'number', unit: 'mm', min: 150, max: 600 },
      { name: 'measurements.seatToShoulderMm', label: 'requests.field.seatToShoulder', type: 'number', unit: 'mm', min: 200, max: 900, custom: 'requests.issue.aboveRibCage' },
      { name: 'cp.gmfcs', label: 'requests.field.gmfcs', type: 'select', asNumber: true },
      { name: 'hydro', label: 'requests.field.shuntPresent', type: 'checkbox' },
      { name: 'supplier', label: 'requests.field.supplier', type: 'text', when: (v) => v.orderSource === 'supplier' },
      { name: 'size', label: 'requests.field.modelSize', type: 'select', aliases: ['modelId', 'seatWidthMm'], toBody: (raw) => ({ modelId: String(raw).split('|')[0], seatWidthMm: Number(String(raw).split('|')[1]) }) },
      { name: 'goals', label: 'requests.field.goals', type: 'textarea' },
    ],
  },
];

describe('buildBody', () => {
  it('nests dotted names, converts numbers and checkboxes, trims text and leaves empty fields out', () => {
    const body = buildBody(groups, { assessedAt: '2026-11-20', 'measurements.hipWidthMm': ' 370 ', 'cp.gmfcs': '4', hydro: false, goals: '  duduk tegak  ', 'measurements.seatToShoulderMm': '' }, { to: 'assessed' });
    expect(body).toEqual({ to: 'assessed', assessedAt: '2026-11-20', measurements: { hipWidthMm: 370 }, cp: { gmfcs: 4 }, hydro: false, goals: 'duduk tegak' });
  });

  it('sends hidden fields not at all, and spreads combined choices', () => {
    expect(buildBody(groups, { supplier: 'PT X', orderSource: 'stock' })).not.toHaveProperty('supplier');
    expect(buildBody(groups, { supplier: 'PT X', orderSource: 'supplier' })).toMatchObject({ supplier: 'PT X' });
    expect(buildBody(groups, { size: 'abc123def|380' })).toMatchObject({ modelId: 'abc123def', seatWidthMm: 380 });
  });

  it('keeps text typed into a number field, so the schema reports it instead of a silent zero', () => {
    expect(buildBody(groups, { 'measurements.hipWidthMm': '37,5' })).toMatchObject({ measurements: { hipWidthMm: '37,5' } });
  });
});

describe('mapIssues', () => {
  const schemaIssues = (body: unknown) => {
    const r = AssessStep.safeParse(body);
    return r.success ? [] : r.error.issues.map((i) => ({ path: i.path as (string | number)[], code: i.code, message: i.message }));
  };

  it('puts the shared schema\'s range issue beside the measurement, with the range and unit', () => {
    const values = { 'measurements.hipWidthMm': '37' };
    const mapped = mapIssues(groups, values, schemaIssues(buildBody(groups, values, { to: 'assessed' })));
    expect(mapped.byField.get('measurements.hipWidthMm')).toBe('Di luar rentang wajar: 150–600 mm. Periksa satuan (mm, bukan cm).');
    expect(mapped.byField.get('goals')).toBe('Wajib diisi.');
    setLocale('en');
    expect(mapIssues(groups, values, schemaIssues(buildBody(groups, values, { to: 'assessed' }))).byField.get('measurements.hipWidthMm')).toBe(
      'Outside the plausible range: 150–600 mm. Check the unit (mm, not cm).',
    );
  });

  it('words the server\'s rule codes, routes aliases to their field, and keeps unplaced issues for the summary', () => {
    const values = { assessedAt: '2020-01-01', size: 'x|1' };
    const mapped = mapIssues(groups, values, [
      { path: ['assessedAt'], code: 'date_order', message: 'assessedAt is before the referral' },
      { path: ['seatWidthMm'], code: 'size_not_in_catalogue', message: '…' },
      { path: ['cp'], code: 'required_for_diagnosis', message: '…' },
      { path: ['measurements', 'seatToShoulderMm'], code: 'custom', message: '…' },
    ]);
    expect(mapped.byField.get('assessedAt')).toBe('Tanggal ini lebih awal dari langkah sebelumnya.');
    expect(mapped.byField.get('size')).toBe('Model ini tidak tersedia dalam ukuran tersebut.');
    expect(mapped.byField.get('measurements.seatToShoulderMm')).toBe('Wajib diisi.');
    expect(mapped.other).toEqual(['Detail ini wajib untuk diagnosis penerima manfaat.']);
  });

  it('uses a field\'s own message for a cross-field rule when the field has a value', () => {
    const mapped = mapIssues(groups, { 'measurements.seatToShoulderMm': '300' }, [{ path: ['measurements', 'seatToShoulderMm'], code: 'custom', message: '…' }]);
    expect(mapped.byField.get('measurements.seatToShoulderMm')).toBe(id['requests.issue.aboveRibCage']);
  });

  it('asks for a choice when a select value is not one of the options', () => {
    const r = OrderStep.safeParse({ to: 'ordered', orderSource: 'drone', expectedAt: '2026-12-01' });
    const issues = r.success ? [] : r.error.issues.map((i) => ({ path: i.path as string[], code: i.code, message: i.message }));
    const mapped = mapIssues([{ fields: [{ name: 'orderSource', label: 'requests.field.orderSource', type: 'select' }] }], { orderSource: 'drone' }, issues);
    expect(mapped.byField.get('orderSource')).toBe(id['requests.issue.choose']);
    expect(en['requests.issue.choose']).toBe('Choose one.');
  });
});

describe('a searchable select', () => {
  const people = [{ value: 'a', label: 'Sri Wahyuni' }, { value: 'b', label: 'José Ramadhan' }, { value: 'c', label: 'Galang Ramadhan' }];
  it('keeps the options containing every typed word, ignoring case and accents, and always the chosen one', () => {
    expect(filterOptions(people, 'ramadhan jose', '').map((o) => o.value)).toEqual(['b']);
    expect(filterOptions(people, 'RAMADHAN', '').map((o) => o.value)).toEqual(['b', 'c']);
    expect(filterOptions(people, 'sri', 'c').map((o) => o.value)).toEqual(['a', 'c']);
    expect(filterOptions(people, '  ', '')).toHaveLength(3);
  });
});
