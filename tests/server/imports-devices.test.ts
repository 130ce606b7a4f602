// The chairs register import over HTTP: semicolon + BOM, comma, dd/mm/yyyy, English headers, each
// bad input of the issue (per row, or the whole file refused), idempotent re-runs, all or nothing,
// the template, and the size limit.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceImportColumns } from '../../schemas/imports.ts';
import { expectError, expectJson } from '../helpers/api.ts';
import { CENTRE_A, CENTRE_B, createHarness, ORIGIN, type Client, type Harness } from '../helpers/harness.ts';
import { EMAIL, loadWorld, type World } from '../helpers/world.ts';

let h: Harness;
let world: World;
let tech: Client;
let admin: Client;
let n = 0;
const serial = () => `IMP-${Date.now().toString(36)}-${++n}`;
const ID_HEADER = 'Nomor Seri;Produsen;Model;Lebar Dudukan (mm);Kedalaman Dudukan (mm);Kode Balai;Tanggal Diterima;Pemasok;Sumber Dana;Tanggal Pasang Baterai';
const EN_HEADER = 'Serial Number,Model,Seat Width (mm),Seat Depth (mm),Received Date,Battery Installed Date';

const send = (c: Client, csv: string | Uint8Array, dryRun: boolean, type = 'text/csv') =>
  c.request('POST', `/api/imports/devices?dryRun=${dryRun}`, typeof csv === 'string' ? csv : Buffer.from(csv).toString('latin1'), { 'content-type': type });

beforeAll(async () => {
  h = await createHarness();
  world = await loadWorld(h);
  tech = await h.as(EMAIL.technicianA);
  admin = await h.as(EMAIL.admin);
});
afterAll(() => h.close());

describe('POST /api/imports/devices', () => {
  it('dry-runs then imports a semicolon file with a BOM, dd/mm/yyyy dates and Indonesian headers; a second run changes nothing', async () => {
    const [a, b] = [serial(), serial()];
    const csv = `\uFEFF${ID_HEADER}\r\n${a};;Moti-Care;280;280;${CENTRE_A};05/01/2026;PT Roda;APBN;\r\n${b};Kaiyang;ES-10 Lithium;400;420;;2026-01-06;;;01/01/2026\r\n`;
    const dry = await expectJson(await send(tech, csv, true));
    expect(dry).toMatchObject({ dryRun: true, applied: false, counts: { created: 2, updated: 0, unchanged: 0, refused: 0 } });
    expect(dry.rows.map((r: { line: number; key: string }) => [r.line, r.key])).toEqual([[2, a], [3, b]]);
    expect(await h.db.prisma.device.count({ where: { serial: { in: [a, b] } } })).toBe(0);

    const real = await expectJson(await send(tech, csv, false));
    expect(real).toMatchObject({ applied: true, counts: { created: 2 } });
    const chairs = await h.db.prisma.device.findMany({ where: { serial: { in: [a, b] } }, orderBy: { serial: 'asc' } });
    expect(chairs.map((c) => [c.status, c.centreId, c.receivedAt?.toISOString().slice(0, 10)])).toEqual([
      ['in_stock', world.centreA, '2026-01-05'], ['in_stock', world.centreA, '2026-01-06'],
    ]);
    const audit = await h.db.prisma.auditLog.findMany({ where: { action: 'device.import' } });
    expect(audit).toHaveLength(1);

    const again = await expectJson(await send(tech, csv, false));
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 2, refused: 0 });
    expect(await h.db.prisma.deviceEvent.count({ where: { deviceId: { in: chairs.map((c) => c.id) } } })).toBe(2);
    const changed = csv.replace('PT Roda', 'PT Roda Baru');
    expect((await expectJson(await send(tech, changed, true))).counts).toMatchObject({ updated: 1, unchanged: 1 });
  });

  it('reads a comma file with English headers and ISO dates; formula-like cells are stored as text', async () => {
    const s = serial();
    const csv = `${EN_HEADER}\n${s},Rough Terrain,340,360,2026-02-01,\n`;
    expect((await expectJson(await send(tech, csv, false))).counts.created).toBe(1);
    const supplierCsv = `Serial Number,Model,Seat Width (mm),Seat Depth (mm),Received Date,Supplier\n${serial()},Rough Terrain,340,360,2026-02-01,"=HYPERLINK(""http://x"")"\n`;
    await expectJson(await send(tech, supplierCsv, false));
    expect((await h.db.prisma.device.findFirstOrThrow({ where: { supplier: { startsWith: '=' } } })).supplier).toBe('=HYPERLINK("http://x")');
  });

  it('refuses each bad row with its line, column and reason, and a real run with any refused row imports nothing', async () => {
    const taken = await h.db.prisma.device.findFirstOrThrow({ where: { status: 'in_use', centreId: world.centreA }, include: { model: true } });
    const good = serial();
    const rows = [
      `${good};;Moti-Care;280;280;;05/01/2026;;;`,
      `${good.toLowerCase()};;Moti-Care;280;280;;05/01/2026;;;`, // duplicate within the file
      `${serial()};;Kursi Terbang;280;280;;05/01/2026;;;`, // unknown model
      `${serial()};;Moti-Care;280;280;ZZ-NONE;05/01/2026;;;`, // unknown centre
      `${serial()};;Moti-Care;999;280;;05/01/2026;;;`, // size the model lacks (and out of range)
      `${serial()};;Moti-Care;320;300;;31/02/2026;;;`, // impossible date
      `${serial()};;Moti-Care;320;300;;01/01/2099;;;`, // future date
      `${serial()};;Moti-Care;320;300;;01/01/2026;;;01/01/2026`, // battery on a manual chair
      `${taken.serial};;${taken.model.name};${taken.seatWidthMm};${taken.seatDepthMm};;01/01/2026;;;`, // serial of a chair in use
      `${serial()};;Moti-Care;320`, // too few cells
      `${serial()};;Moti-Care;320;300;;01/01/2026;;;;extra`, // too many cells
      `${serial()};;Moti-Care;320;300;${CENTRE_B};01/01/2026;;;`, // another centre, for a technician
    ];
    const csv = `${ID_HEADER}\n${rows.join('\n')}\n`;
    const dry = await expectJson(await send(tech, csv, true));
    const byLine = Object.fromEntries(dry.rows.map((r: { line: number; outcome: string; problems: { code: string; column: string | null }[] }) => [r.line, [r.outcome, r.problems.map((p) => `${p.column}:${p.code}`).join(' ')]]));
    expect(byLine).toEqual({
      2: ['created', ''],
      3: ['refused', 'Nomor Seri:duplicate_serial'],
      4: ['refused', 'Model:unknown_model_name'],
      5: ['refused', 'Kode Balai:unknown_centre_code'],
      6: ['refused', 'Lebar Dudukan (mm):invalid_value'],
      7: ['refused', 'Tanggal Diterima:invalid_date'],
      8: ['refused', 'Tanggal Diterima:future_date'],
      9: ['refused', 'Tanggal Pasang Baterai:battery_on_manual'],
      10: ['refused', 'Nomor Seri:serial_in_use'],
      11: ['refused', 'null:cell_count'],
      12: ['refused', 'null:cell_count'],
      13: ['refused', 'Kode Balai:other_centre'],
    });
    expect(dry.counts).toEqual({ created: 1, updated: 0, unchanged: 0, refused: 11 });
    const err = await expectError(await send(tech, csv, false), 422);
    expect(err.issues).toContainEqual(expect.objectContaining({ path: [3, 'Nomor Seri'], code: 'duplicate_serial' }));
    expect(await h.db.prisma.device.count({ where: { serial: good } })).toBe(0);
  });

  it('refuses whole files that cannot be read: not CSV, HTML, header only, unknown columns, wrong type', async () => {
    await expectError(await send(tech, new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 1]), true), 415);
    await expectError(await send(tech, '<!doctype html><html><body><table></table></body></html>', true), 415);
    expect((await expectError(await send(tech, `\uFEFF${ID_HEADER}\r\n`, true), 400)).message).toMatch(/no data rows/);
    const cols = await expectError(await send(tech, 'Nomor Seri;Warna\nA;merah\n', true), 400);
    expect(cols.issues!.map((i) => i.code)).toEqual(expect.arrayContaining(['unknown_column', 'missing_column']));
    await expectError(await send(tech, `${ID_HEADER}\n`, true, 'application/json'), 415);
    await expectError(await send(tech, `${ID_HEADER}\nA;;M;1;2;;3;;;\n`, true, 'image/png'), 415);
  });

  it('refuses a 50 MB file with 413 without reading it all', async () => {
    let pulled = 0;
    const chunk = new Uint8Array(1024 * 1024).fill(0x41);
    const body = new ReadableStream<Uint8Array>({
      pull(ctl) {
        if (pulled++ >= 50) ctl.close();
        else ctl.enqueue(chunk);
      },
    });
    const res = await h.app.request(`${ORIGIN}/api/imports/devices?dryRun=true`, {
      method: 'POST', body, duplex: 'half', headers: { origin: ORIGIN, 'sec-fetch-site': 'same-origin', cookie: tech.cookie!, 'content-type': 'text/csv' },
    } as RequestInit);
    await expectError(res, 413);
    expect(pulled).toBeLessThan(20);
    await expectError(await tech.request('POST', '/api/imports/devices', 'x', { 'content-type': 'text/csv', 'content-length': String(50 * 1024 * 1024) }), 413);
  });

  it('an admin names the centre by code; without one a row is refused', async () => {
    const s = serial();
    const csv = `${ID_HEADER}\n${s};;Moti-Care;280;280;${CENTRE_B};05/01/2026;;;\n${serial()};;Moti-Care;280;280;;05/01/2026;;;\n`;
    const dry = await expectJson(await send(admin, csv, true));
    expect(dry.rows.map((r: { outcome: string }) => r.outcome)).toEqual(['created', 'refused']);
    expect(dry.rows[1].problems[0]).toMatchObject({ column: 'Kode Balai', code: 'centre_required' });
  });
});

describe('GET /api/imports/devices/template', () => {
  it('gives the header row in each language, with a BOM, that the import itself reads back', async () => {
    for (const [lang, delimiter] of [['id', ';'], ['en', ',']] as const) {
      const res = await tech.get(`/api/imports/devices/template?lang=${lang}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
      expect(parse(text, { bom: true, delimiter })[0]).toEqual(deviceImportColumns.map((c) => c[lang]));
      await expectError(await send(tech, text, true), 400);
    }
  });
});
