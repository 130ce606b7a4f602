// Generated registers as Indonesian offices export them (semicolon, BOM, dd/mm/yyyy, Indonesian
// headers), for `npm run bench:import` and the import tests: chairs, and people who each may name one.
import { beneficiaryImportColumns, type BeneficiaryImportField } from '../../schemas/beneficiary-import.ts';
import { columnHeader, deviceImportColumns } from '../../schemas/imports.ts';

interface Model { name: string; manufacturer: string; kind: string; sizes: { seatWidthMm: number; seatDepthMm: number }[] }
interface Centre { code: string }

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const file = (header: string[], lines: string[]) => `\uFEFF${header.join(';')}\r\n${lines.join('\r\n')}\r\n`;

/** The serial of generated chair `i` (the people register names these). */
export const benchSerial = (prefix: string, i: number) => `${prefix} ${pad(i, 6)}`;

/** `rows` chairs of every model and size, spread over the centres (chair i at centre i mod n). */
export function chairRegister(models: readonly Model[], centres: readonly Centre[], rows: number, prefix = 'BENCH'): string {
  const lines = Array.from({ length: rows }, (_, i) => {
    const m = models[i % models.length]!;
    const s = m.sizes[i % m.sizes.length]!;
    const battery = m.kind === 'electric' ? '01/06/2025' : '';
    return [benchSerial(prefix, i), m.manufacturer, m.name, s.seatWidthMm, s.seatDepthMm, centres[i % centres.length]!.code, `${pad((i % 28) + 1)}/03/2025`, 'PT Pemasok', 'APBN', battery].join(';');
  });
  return file(deviceImportColumns.map((c) => columnHeader(c, 'id')), lines);
}

/**
 * `rows` people spread over the centres like the chairs (person i at centre i mod n); two in three
 * with a NIK (the others are matched by name + birth date + centre); every `chairEvery`-th names
 * chair i of `chairRegister` (same prefix) as theirs.
 */
export function peopleRegister(centres: readonly Centre[], rows: number, options: { prefix?: string; chairEvery?: number; tag?: string } = {}): string {
  const { prefix = 'BENCH', chairEvery = 0, tag = 'Uji' } = options;
  const lines = Array.from({ length: rows }, (_, i) => {
    const [d, m, y] = [(i % 28) + 1, ((i >> 5) % 12) + 1, 1990 + ((i >> 9) % 30)];
    const female = i % 2 === 0;
    const cells: Record<BeneficiaryImportField, string> = {
      fullName: `Penerima ${tag} ${pad(i, 6)}`,
      nik: i % 3 === 2 ? '' : `327501${pad(female ? d + 40 : d)}${pad(m)}${pad(y % 100)}${pad((i % 9999) + 1, 4)}`,
      birthDate: `${pad(d)}/${pad(m)}/${y}`,
      sex: female ? 'P' : 'L',
      address: `Jl. Uji No. ${i}`,
      city: 'Kota Uji',
      phone: '',
      diagnosis: i % 4 === 0 ? 'hidrosefalus' : 'CP',
      centreCode: centres[i % centres.length]!.code,
      guardianName: `Wali ${pad(i, 6)}`,
      guardianRelationship: i % 2 === 0 ? 'ibu' : 'ayah',
      consentMethod: 'tertulis',
      consentDate: '05/01/2024',
      chairSerial: chairEvery > 0 && i % chairEvery === 0 ? benchSerial(prefix, i) : '',
    };
    return beneficiaryImportColumns.map((c) => cells[c.field]).join(';');
  });
  return file(beneficiaryImportColumns.map((c) => columnHeader(c, 'id')), lines);
}
