// Importing a beneficiaries register: the template, a dry run that changes nothing, the real run
// all or nothing, the same file twice changing nothing, a chair issued from the file, and bad rows
// refused with their line and column (future or impossible dates, a child without a guardian, HTML kept as text).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serialKey } from '../../schemas/devices.ts';
import { expectError, expectJson } from '../helpers/api.ts';
import { openBeneficiarySuite } from '../helpers/beneficiary-suite.ts';
import { testNik } from '../helpers/fixtures.ts';
import { CENTRE_A, type Client, type Harness } from '../helpers/harness.ts';
import type { World } from '../helpers/world.ts';

let h: Harness;
let world: World;
let therapist: Client;
let admin: Client;
let technician: Client;

beforeAll(async () => {
  ({ h, world, therapist, admin, technician } = await openBeneficiarySuite());
});
afterAll(() => h.close());

const TEMPLATE = 'Nama Lengkap;NIK;Tanggal Lahir;Jenis Kelamin;Alamat;Kota;Telepon;Diagnosis;Kode Balai;Nama Wali;Hubungan Wali;Cara Persetujuan;Tanggal Persetujuan;Nomor Seri Kursi';
// The files below put the guardian's relationship last (columns are matched by header): a row of
// thirteen cells gets it empty.
const HEADER = 'Nama Lengkap;NIK;Tanggal Lahir;Jenis Kelamin;Alamat;Kota;Telepon;Diagnosis;Kode Balai;Nama Wali;Cara Persetujuan;Tanggal Persetujuan;Nomor Seri Kursi;Hubungan Wali';
const csv = (...rows: string[]) => `\uFEFF${[HEADER, ...rows.map((r) => (r.split(';').length === 13 ? `${r};` : r))].join('\r\n')}\r\n`;
const send = (as: Client, body: string, dryRun: boolean) =>
  as.request('POST', `/api/imports/beneficiaries?dryRun=${dryRun}`, body, { 'content-type': 'text/csv; charset=utf-8' });
const count = () => h.db.prisma.beneficiary.count();

async function stockChair(serial: string) {
  const model = await h.db.prisma.deviceModel.findFirstOrThrow();
  return h.db.prisma.device.create({ data: { serial, serialKey: serialKey(serial), modelId: model.id, centreId: world.centreA, status: 'in_stock' } });
}

describe('the template', () => {
  it('has every column, in Bahasa Indonesia by default and in English on request, with a BOM', async () => {
    const res = await therapist.get('/api/imports/beneficiaries/template');
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes).trim().replaceAll('"', '')).toBe(TEMPLATE);
    const en = await (await therapist.get('/api/imports/beneficiaries/template?lang=en')).text();
    expect(en).toContain('"Full Name";"National ID (NIK)";"Birth Date"');
  });

  it('is not for technicians (403)', async () => {
    await expectError(await technician.get('/api/imports/beneficiaries/template'), 403);
  });
});

describe('importing a register', () => {
  it('dry run answers per row and changes nothing; the real run creates, issues the chair; the same file again changes nothing', async () => {
    const chair = await stockChair('IMP-BEN 001');
    const nik = testNik();
    const file = csv(
      `Ani Rahmawati;${nik};03/02/2016;P;Jl. Melati 4;Bekasi;;CP;${CENTRE_A};Sri Rahayu;tertulis;10/01/2024;imp-ben001;ibu`,
      `Budi Santoso;;1990-07-21;L;Jl. Anggrek 9;;;hidrosefalus;;;lisan;2024-03-05;`,
    );
    const before = await count();
    const dry = await expectJson(await send(therapist, file, true));
    expect(dry).toMatchObject({ kind: 'beneficiaries', dryRun: true, applied: false, counts: { created: 2, updated: 0, unchanged: 0, refused: 0 } });
    expect(dry.rows.map((r: { line: number; outcome: string }) => [r.line, r.outcome])).toEqual([[2, 'created'], [3, 'created']]);
    expect(await count()).toBe(before);

    const real = await expectJson(await send(therapist, file, false));
    expect(real).toMatchObject({ applied: true, counts: { created: 2 } });
    const ani = await h.db.prisma.beneficiary.findUniqueOrThrow({ where: { nik }, include: { consents: true } });
    expect(ani).toMatchObject({ fullName: 'Ani Rahmawati', sex: 'female', diagnosis: 'cp', centreId: world.centreA, city: 'Bekasi' });
    expect(ani.birthDate.toISOString().slice(0, 10)).toBe('2016-02-03');
    expect(ani.consents.map((k) => [k.purpose, k.givenBy, k.guardianName, k.guardianRelationship, k.method]).sort()).toEqual([
      ['health_data', 'guardian', 'Sri Rahayu', 'mother', 'written'], ['service', 'guardian', 'Sri Rahayu', 'mother', 'written'],
    ]);
    const issued = await h.db.prisma.device.findUniqueOrThrow({ where: { id: chair.id }, include: { events: true } });
    expect(issued).toMatchObject({ status: 'in_use', beneficiaryId: ani.id });
    expect(issued.events.map((e) => [e.kind, e.beneficiaryId])).toEqual([['issued', ani.id]]);
    const budi = await h.db.prisma.beneficiary.findFirstOrThrow({ where: { fullName: 'Budi Santoso' }, include: { consents: true } });
    expect(budi.consents.every((k) => k.givenBy === 'beneficiary' && k.method === 'verbal')).toBe(true);
    expect(await h.db.prisma.auditLog.count({ where: { action: 'beneficiary.import' } })).toBe(1);

    const again = await expectJson(await send(therapist, file, false));
    expect(again).toMatchObject({ applied: false, counts: { created: 0, updated: 0, unchanged: 2, refused: 0 } });
    expect(await count()).toBe(before + 2);
    expect(await h.db.prisma.deviceEvent.count({ where: { deviceId: chair.id } })).toBe(1);
    expect(await h.db.prisma.auditLog.count({ where: { action: 'beneficiary.import' } })).toBe(1);
  });

  it('updates a person found by name + birth date + centre when a detail changed', async () => {
    const first = csv('Citra Dewi;;12/12/1985;perempuan;Jl. Lama 1;;;other;;;written;01/02/2020;');
    await expectJson(await send(therapist, first, false));
    const moved = csv('Citra  dewi;;12/12/1985;perempuan;Jl. Baru 2;;;other;;;written;01/02/2020;');
    expect((await expectJson(await send(therapist, moved, false))).counts).toMatchObject({ updated: 1, created: 0 });
    const rows = await h.db.prisma.beneficiary.findMany({ where: { fullName: { startsWith: 'Citra' } } });
    expect(rows.map((r) => r.address)).toEqual(['Jl. Baru 2']);
  });

  it('a bad row refuses the whole file: nothing written, each problem with its line and column', async () => {
    const before = await count();
    const chair = await stockChair('IMP-BEN-002');
    const file = csv(
      'Dina Putri;;01/01/2001;P;Jl. A;;;cp;;;written;01/01/2020;IMP-BEN-002',
      'Eko Future;;01/01/2999;L;Jl. B;;;cp;;;written;01/01/2020;',
      'Fajar Impossible;;31/02/2010;L;Jl. C;;;cp;;Wali;written;01/01/2020;',
      'Gita Anak;;01/01/2018;P;Jl. D;;;cp;;;written;01/01/2020;',
      'Hadi NIK;123;01/01/1980;L;Jl. E;;;cp;;;written;01/01/2020;',
      'Dina Putri;;01/01/2001;P;Jl. A;;;cp;;;written;01/01/2020;',
      'Ira Kursi;;01/01/1995;P;Jl. F;;;cp;;;written;01/01/2020;NO-SUCH-CHAIR',
      'Joko Lain;;01/01/1995;L;Jl. G;;;cp;BBD-KARTINI;;written;01/01/2020;',
      'too;few;cells',
    );
    const refusal = await expectError(await send(therapist, file, false), 422);
    expect(refusal.issues).toContainEqual(expect.objectContaining({ path: [3, 'Tanggal Lahir'], code: 'date_in_future' }));
    expect(await count()).toBe(before);
    const res = await expectJson(await send(therapist, file, true));
    expect(res.applied).toBe(false);
    const byLine = new Map(res.rows.map((r: { line: number; outcome: string; problems: { column: string | null; code: string }[] }) => [r.line, r]));
    const codes = (line: number) => (byLine.get(line) as { problems: { column: string | null; code: string }[] }).problems.map((p) => `${p.column}:${p.code}`);
    expect((byLine.get(2) as { outcome: string }).outcome).toBe('created');
    expect(codes(3)).toContain('Tanggal Lahir:date_in_future');
    expect(codes(4)).toEqual(['Tanggal Lahir:invalid_date']);
    expect(codes(5)).toEqual(['Nama Wali:guardian_required', 'Hubungan Wali:guardian_required']);
    expect(codes(6)).toEqual(['NIK:invalid_nik']);
    expect(codes(7)).toEqual(['Nama Lengkap:duplicate_in_file']);
    expect(codes(8)).toEqual(['Nomor Seri Kursi:unknown_serial']);
    expect(codes(9)).toEqual(['Kode Balai:unknown_centre_code']);
    expect(codes(10)).toEqual(['null:cell_count']);
    expect(res.counts).toMatchObject({ created: 1, refused: 8 });
    expect(await count()).toBe(before);
    expect((await h.db.prisma.device.findUniqueOrThrow({ where: { id: chair.id } })).status).toBe('in_stock');
  });

  it('a child\'s guardian says how they are related, in either language; an unknown word or none is refused', async () => {
    const file = csv(
      'Lina Anak;;01/01/2017;P;Jl. K;;;cp;;Sari;written;01/01/2021;;nenek',
      'Maya Anak;;01/01/2017;P;Jl. L;;;cp;;Sari;written;01/01/2021;;',
      'Nina Anak;;01/01/2017;P;Jl. M;;;cp;;Sari;written;01/01/2021;;bibi',
    );
    const res = await expectJson(await send(therapist, file, true));
    const problems = res.rows.map((r: { problems: { column: string; code: string }[] }) => r.problems.map((p) => `${p.column}:${p.code}`));
    expect(problems).toEqual([[], ['Hubungan Wali:guardian_required'], ['Hubungan Wali:invalid_value']]);
  });

  it('a chair not in stock is refused; HTML in a name is stored as text', async () => {
    const chair = await stockChair('IMP-BEN-003');
    await h.db.prisma.device.update({ where: { id: chair.id }, data: { status: 'reserved' } });
    const refused = await expectJson(await send(therapist, csv('Kiki;;01/01/1995;P;Jl. H;;;cp;;;written;01/01/2020;IMP-BEN-003'), true));
    expect(refused.rows[0].problems.map((p: { code: string }) => p.code)).toEqual(['device_unavailable']);
    const name = '<img src=x onerror=alert(1)>Lina';
    await expectJson(await send(therapist, csv(`${name};;01/01/1995;P;Jl. I;;;cp;;;written;01/01/2020;`), false));
    const b = await h.db.prisma.beneficiary.findFirstOrThrow({ where: { fullName: name } });
    expect((await expectJson(await therapist.get(`/api/beneficiaries/${b.id}`))).fullName).toBe(name);
  });

  it('admins name the centre of each row; a file that is not CSV is refused whole', async () => {
    const res = await expectJson(await send(admin, csv('Mira;;01/01/1995;P;Jl. J;;;cp;;;written;01/01/2020;'), true));
    expect(res.rows[0].problems.map((p: { code: string }) => p.code)).toEqual(['required']);
    await expectError(await send(therapist, 'PK\u0003\u0004binary', true), 415);
    await expectError(await send(therapist, `${HEADER}\r\n`, true), 400);
    await expectError(await therapist.post('/api/imports/beneficiaries?dryRun=true', { rows: [] }), 415);
  });
});
