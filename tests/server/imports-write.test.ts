// How both register imports write: all or nothing (a refused row, or a failure injected in the middle
// of the write, leaves every table as it was), the same file twice changes nothing the second time,
// and a 10,000-row import holds SQLite's write lock so briefly that a bridge committing telemetry
// from another process (the real ingest, 5 s busy timeout) is never refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../core/log/logger.ts';
import { startTelemetryWriter } from '../../server/bench/bridge-stand-in.ts';
import { benchSerial, chairRegister, peopleRegister } from '../../server/bench/import-files.ts';
import { expectError, expectJson } from '../helpers/api.ts';
import { createHarness, ORIGIN, type Client, type Harness } from '../helpers/harness.ts';
import { EMAIL } from '../helpers/world.ts';
import { databaseDigest } from './audit-atomic/kit.ts';

let h: Harness;
let admin: Client;
let registers: { chairs: (rows: number, prefix: string) => string; people: (rows: number, prefix: string, tag: string, chairEvery?: number) => string };
const logLines: { event?: string; kind?: string; writeMs?: number; done?: number }[] = [];

beforeAll(async () => {
  h = await createHarness({ log: createLogger('info', (line) => logLines.push(JSON.parse(line) as (typeof logLines)[number])) });
  admin = await h.as(EMAIL.admin);
  const models = await h.db.prisma.deviceModel.findMany({ where: { active: true }, include: { sizes: true } });
  const centres = await h.db.prisma.centre.findMany({ orderBy: { code: 'asc' } });
  registers = {
    chairs: (rows, prefix) => chairRegister(models, centres, rows, prefix),
    people: (rows, prefix, tag, chairEvery = 2) => peopleRegister(centres, rows, { prefix, chairEvery, tag }),
  };
});
afterAll(() => h.close());

const send = (kind: 'devices' | 'beneficiaries', csv: string, dryRun = false) =>
  admin.request('POST', `/api/imports/${kind}?dryRun=${dryRun}`, csv, { 'content-type': 'text/csv' });
/** Makes the insert of one row into `table` fail, as a full disk or a broken constraint would, mid-import. */
const failOn = (table: string, column: string, value: string) =>
  h.db.raw.exec(`CREATE TRIGGER fail_mid_import BEFORE INSERT ON "${table}" WHEN NEW.${column} = '${value}' BEGIN SELECT RAISE(ABORT, 'injected'); END`);
const stopFailing = () => h.db.raw.exec('DROP TRIGGER IF EXISTS fail_mid_import');

describe('a real import is all or nothing', () => {
  it('a refused row leaves every table as it was, for chairs and for people', async () => {
    const chairs = registers.chairs(4, 'REFUSED');
    const before = databaseDigest(h.db.raw);
    await expectError(await send('devices', chairs.replace(/;Moti-Care;|;ES-10 Lithium;/, ';No Such Model;')), 422);
    const people = registers.people(4, 'REFUSED', 'Tolak', 0);
    const refused = await expectError(await send('beneficiaries', people.replace('05/01/2024', '31/02/2024')), 422);
    expect(refused.issues).toEqual([expect.objectContaining({ path: [2, 'Tanggal Persetujuan'], code: 'invalid_date' })]);
    expect(databaseDigest(h.db.raw)).toEqual(before);
  });

  it('a failure in the middle of the write undoes the rows before it; once it is gone the file imports, and again changes nothing', async () => {
    const chairs = registers.chairs(6, 'MIDWAY');
    const people = registers.people(6, 'MIDWAY', 'Tengah');
    const before = databaseDigest(h.db.raw);
    failOn('Device', 'serial', benchSerial('MIDWAY', 4));
    await expectError(await send('devices', chairs), 500, 'internal');
    stopFailing();
    expect(databaseDigest(h.db.raw)).toEqual(before);

    expect((await expectJson(await send('devices', chairs))).counts).toMatchObject({ created: 6 });
    const withChairs = databaseDigest(h.db.raw);
    expect((await expectJson(await send('devices', chairs))).counts).toMatchObject({ created: 0, updated: 0, unchanged: 6 });
    expect(databaseDigest(h.db.raw)).toEqual(withChairs);
    failOn('Beneficiary', 'fullName', 'Penerima Tengah 000004');
    await expectError(await send('beneficiaries', people), 500, 'internal');
    stopFailing();
    expect(databaseDigest(h.db.raw)).toEqual(withChairs);
    expect(await h.db.prisma.device.count({ where: { serial: { startsWith: 'MIDWAY' }, status: 'in_use' } })).toBe(0);

    expect((await expectJson(await send('beneficiaries', people))).counts).toMatchObject({ created: 6 });
    expect(await h.db.prisma.device.count({ where: { serial: { startsWith: 'MIDWAY' }, status: 'in_use' } })).toBe(3);
    const imported = databaseDigest(h.db.raw);
    expect((await expectJson(await send('beneficiaries', people))).counts).toMatchObject({ created: 0, updated: 0, unchanged: 6 });
    expect(databaseDigest(h.db.raw)).toEqual(imported);
  });
});

describe('a large import and the bridge', () => {
  it('10,000 chairs import while another process commits telemetry through the real ingest: none of its commits is refused', async () => {
    const chair = await h.db.prisma.device.findFirstOrThrow({ where: { status: 'in_use', model: { kind: 'electric' } } });
    const file = registers.chairs(10_000, 'BULK');
    logLines.length = 0;
    const bridge = await startTelemetryWriter(h.config.databaseFile, chair.id);
    let telemetry;
    try {
      const res = await expectJson(await send('devices', file));
      expect(res.counts).toMatchObject({ created: 10_000, refused: 0 });
    } finally {
      telemetry = await bridge.stop();
    }
    expect(telemetry.refused, JSON.stringify(telemetry)).toBe(0);
    expect(telemetry.stored).toBeGreaterThan(0);
    expect(await h.db.prisma.device.count({ where: { serial: { startsWith: 'BULK' } } })).toBe(10_000);
    // Progress is logged per 1,000 rows written; the lock's hold (writeMs) is measured by bench:import, not here.
    expect(logLines.find((l) => l.event === 'import_done' && l.kind === 'devices')?.writeMs).toEqual(expect.any(Number));
    expect(logLines.filter((l) => l.event === 'import_progress').map((l) => l.done)).toEqual(Array.from({ length: 10 }, (_, i) => (i + 1) * 1000));
  }, 180_000);
});

describe('the size limit', () => {
  it('refuses a 50 MB people register with 413 after about 10 MB, without reading the rest, and writes nothing', async () => {
    let pulled = 0;
    const chunk = new TextEncoder().encode(`${'x;'.repeat(512 * 1024 - 1)}\r\n`);
    const body = new ReadableStream<Uint8Array>({
      pull(ctl) {
        if (pulled++ >= 50) ctl.close();
        else ctl.enqueue(chunk);
      },
    });
    const before = databaseDigest(h.db.raw);
    const res = await h.app.request(`${ORIGIN}/api/imports/beneficiaries?dryRun=false`, {
      method: 'POST', body, duplex: 'half', headers: { origin: ORIGIN, 'sec-fetch-site': 'same-origin', cookie: admin.cookie!, 'content-type': 'text/csv' },
    } as RequestInit);
    const error = await expectError(res, 413, 'payload_too_large');
    expect(JSON.stringify(error)).toMatch(/10 MB/);
    expect(pulled).toBeLessThan(20);
    expect(databaseDigest(h.db.raw)).toEqual(before);
  });
});
