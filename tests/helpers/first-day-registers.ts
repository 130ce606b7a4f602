// The registers a centre brings on its first day, as an Indonesian office's spreadsheet saves them:
// UTF-8 with a BOM, semicolon separated, dd/mm/yyyy dates, Bahasa Indonesia headers (the import's
// own column table). Used by the first-day end-to-end test; deterministic, so a re-import is equal.
import { deviceImportColumns } from '../../schemas/imports.ts';
import { beneficiaryImportColumns } from '../../schemas/beneficiary-import.ts';
import type { ImportColumn } from '../../schemas/imports.ts';

export const MANUAL = { name: 'Anak Adaptif', manufacturer: 'Yakkum Rehabilitasi', sizes: [{ seatWidthMm: 300, seatDepthMm: 300 }, { seatWidthMm: 340, seatDepthMm: 340 }, { seatWidthMm: 380, seatDepthMm: 400 }] };
export const ELECTRIC = { name: 'Listrik Kota', manufacturer: 'PT Roda Mandiri', sizes: [{ seatWidthMm: 420, seatDepthMm: 420 }, { seatWidthMm: 460, seatDepthMm: 450 }] };

export interface RegisterChair {
  serial: string;
  kind: 'manual' | 'electric';
  centreCode: string;
  seatWidthMm: number;
  seatDepthMm: number;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const dmy = (d: number, m: number, y: number) => `${pad(d)}/${pad(m)}/${y}`;
/** A semicolon CSV with a BOM and CRLF line ends, headers in Bahasa Indonesia; `;` and quotes never occur in the cells. */
function csv<F extends string>(columns: readonly ImportColumn<F>[], rows: Record<F, string>[]): string {
  const lines = [columns.map((c) => c.id).join(';'), ...rows.map((r) => columns.map((c) => r[c.field] ?? '').join(';'))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** 200 chairs: two in three manual; the first 140 at centre A, the rest at centre B. */
export function chairRegister(centreA: string, centreB: string): { chairs: RegisterChair[]; file: string } {
  const chairs: RegisterChair[] = [];
  const rows = Array.from({ length: 200 }, (_, i) => {
    const kind = i % 3 === 2 ? 'electric' : 'manual';
    const model = kind === 'manual' ? MANUAL : ELECTRIC;
    const size = model.sizes[Math.floor(i / 3) % model.sizes.length]!;
    const chair: RegisterChair = { serial: `YR-2025-${pad(i + 1, 4)}`, kind, centreCode: i < 140 ? centreA : centreB, ...size };
    chairs.push(chair);
    const received = dmy((i % 28) + 1, (i % 9) + 1, 2025);
    return {
      serial: chair.serial, manufacturer: model.manufacturer, model: model.name, seatWidthMm: String(size.seatWidthMm), seatDepthMm: String(size.seatDepthMm),
      centreCode: chair.centreCode, receivedAt: received, supplier: 'PT Sinar Roda Nusantara', fundingSource: 'APBN ATENSI 2025',
      batteryInstalledAt: kind === 'electric' ? received : '',
    };
  });
  return { chairs, file: csv(deviceImportColumns, rows) };
}

const firstNames = ['Budi', 'Siti', 'Agus', 'Dewi', 'Rizky', 'Nur', 'Eko', 'Ayu', 'Fajar', 'Lestari'];
const lastNames = ['Santoso', 'Rahayu', 'Pratama', 'Wulandari', 'Hidayat', 'Kusuma', 'Saputra', 'Anggraini', 'Setiawan', 'Permata'];

export interface RegisterPerson {
  fullName: string;
  nik: string;
  birthDate: string;
  child: boolean;
  diagnosis: 'cp' | 'hydrocephalus' | 'both';
  chairSerial: string | null;
}

/**
 * 100 people of centre A, every third a child (with a guardian); the first `withChairs.length` of
 * them already have the chair named in their row.
 */
export function peopleRegister(centreA: string, withChairs: string[]): { people: RegisterPerson[]; file: string } {
  const thisYear = new Date().getUTCFullYear();
  const people: RegisterPerson[] = [];
  const rows = Array.from({ length: 100 }, (_, i) => {
    const child = i % 3 === 0;
    const female = i % 2 === 1;
    const [d, m, y] = [(i % 27) + 1, (i % 12) + 1, child ? thisYear - 6 - (i % 8) : 1970 + (i % 30)];
    // A NIK: Jawa Tengah (33), Kota Surakarta (72), a district, then DDMMYY (+40 for women) and a number.
    const nik = `3372${pad((i % 5) + 1)}${pad(female ? d + 40 : d)}${pad(m)}${pad(y % 100)}${pad(i + 1, 4)}`;
    const diagnosis = (['cp', 'hydrocephalus', 'both'] as const)[i % 3]!;
    const person: RegisterPerson = {
      fullName: `${firstNames[i % 10]} ${lastNames[Math.floor(i / 10)]}`, nik, birthDate: `${y}-${pad(m)}-${pad(d)}`, child, diagnosis, chairSerial: withChairs[i] ?? null,
    };
    people.push(person);
    return {
      fullName: person.fullName, nik, birthDate: dmy(d, m, y), sex: female ? 'P' : 'L', address: `Jl. Slamet Riyadi No. ${i + 1}`, city: 'Surakarta', phone: '',
      diagnosis: { cp: 'CP', hydrocephalus: 'Hidrosefalus', both: 'Keduanya' }[diagnosis], centreCode: centreA, guardianName: child ? `Wali ${lastNames[i % 10]}` : '', guardianRelationship: child ? 'Ibu' : '',
      consentMethod: 'Tertulis', consentDate: dmy(2, 1, 2026), chairSerial: person.chairSerial ?? '',
    };
  });
  return { people, file: csv(beneficiaryImportColumns, rows) };
}
