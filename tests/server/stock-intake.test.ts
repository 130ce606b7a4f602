// Stock intake: the service's checks (catalogue, centre, sizes, dates, national serials) and its
// idempotent upsert, then POST/PATCH /api/devices and the stock view over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceIntake } from '../../schemas/stock.ts';
import type { Actor } from '../../server/src/access/actor.ts';
import { writeIntake } from '../../server/src/stock/intake-writer.ts';
import { checkIntake, planIntake } from '../../server/src/stock/intake.service.ts';
import { expectError, expectInvalid, expectJson, isoDay } from '../helpers/api.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { EMAIL, loadWorld, type World } from '../helpers/world.ts';

let h: Harness;
let world: World;
let manual: { id: string; sizes: [number, number] };
let electric: { id: string; sizes: [number, number] };

const actorFor = (id: string, role: Actor['role'], centreId: string | null): Actor => ({ id, role, centreId, email: 'x@y.id', name: 'X', locale: 'id', beneficiaryIds: [] });
let techA: Actor;
let admin: Actor;
let seq = 0;
/** Plans the rows, then writes them in one transaction on the raw connection, as the routes do. */
async function intakeDevices(actor: Actor, rows: DeviceIntake[]) {
  const plan = await planIntake(h.db.prisma, actor, rows);
  return h.db.raw.transaction(() => writeIntake(h.db.raw, actor, plan, { now: new Date() })).immediate();
}
const serial = () => `TST-${Date.now().toString(36)}-${++seq}`;

beforeAll(async () => {
  h = await createHarness();
  world = await loadWorld(h);
  const model = async (name: string) => {
    const m = await h.db.prisma.deviceModel.findFirstOrThrow({ where: { name }, include: { sizes: true } });
    return { id: m.id, sizes: [m.sizes[0]!.seatWidthMm, m.sizes[0]!.seatDepthMm] as [number, number] };
  };
  manual = await model('Moti-Care');
  electric = await model('ES-10 Lithium');
  techA = actorFor(world.user.technicianA, 'technician', world.centreA);
  admin = actorFor(world.user.admin, 'admin', null);
});
afterAll(() => h.close());

const intakeRow = (m: { id: string; sizes: [number, number] }, over: Partial<DeviceIntake> = {}): DeviceIntake => ({
  serial: serial(), modelId: m.id, seatWidthMm: m.sizes[0], seatDepthMm: m.sizes[1], receivedAt: isoDay(-3), ...over,
});

describe('checkIntake', () => {
  it('finds nothing wrong with good rows', async () => {
    expect(await checkIntake(h.db.prisma, techA, [intakeRow(manual), intakeRow(electric, { batteryInstalledAt: isoDay(-10) })])).toEqual([]);
  });

  it('names each problem with its row and field', async () => {
    const taken = intakeRow(manual);
    await intakeDevices(techA, [taken]);
    const rows: DeviceIntake[] = [
      intakeRow(manual, { modelId: 'zzzzzzzzzzzz' }),
      intakeRow(manual, { centreId: world.centreB }),
      intakeRow(manual, { seatWidthMm: 690 }),
      intakeRow(manual, { receivedAt: isoDay(3) }),
      intakeRow(manual, { receivedAt: '1900-01-01' }),
      intakeRow(manual, { batteryInstalledAt: isoDay(-1) }),
      intakeRow(manual, { serial: 'dup 1' }),
      intakeRow(manual, { serial: 'DUP1' }),
      intakeRow(electric, { serial: taken.serial.toLowerCase() }),
    ];
    const problems = await checkIntake(h.db.prisma, techA, rows);
    expect(problems.map((p) => [p.index, p.path, p.code])).toEqual([
      [0, 'modelId', 'unknown_model'],
      [1, 'centreId', 'other_centre'],
      [2, 'seatWidthMm', 'size_not_in_model'],
      [3, 'receivedAt', 'future_date'],
      [4, 'receivedAt', 'impossible_date'],
      [5, 'batteryInstalledAt', 'battery_on_manual'],
      [7, 'serial', 'duplicate_serial'],
      [8, 'serial', 'serial_other_model'],
    ]);
  });

  it('refuses a serial held by a chair that is not in stock at this centre, and an admin without a centre', async () => {
    const chair = await h.db.prisma.device.findFirstOrThrow({ where: { status: 'in_use', centreId: world.centreA } });
    const atB = intakeRow(manual, { centreId: world.centreB });
    await intakeDevices(admin, [atB]);
    const problems = await checkIntake(h.db.prisma, admin, [
      intakeRow(manual, { serial: chair.serial, modelId: chair.modelId, centreId: world.centreA }),
      intakeRow(manual, { serial: atB.serial, centreId: world.centreA }),
      intakeRow(manual),
      intakeRow(manual, { centreId: 'zzzzzzzzzzzz' }),
    ]);
    expect(problems.map((p) => [p.index, p.code])).toEqual([[0, 'serial_in_use'], [1, 'serial_in_use'], [2, 'centre_required'], [3, 'unknown_centre']]);
  });

  it('refuses an inactive model', async () => {
    const m = await h.db.prisma.deviceModel.create({ data: { name: `Old ${serial()}`, manufacturer: 'X', kind: 'manual_adaptive', isoCode: '12 22 03', active: false, sizes: { create: [{ seatWidthMm: 300, seatDepthMm: 300 }] } } });
    const problems = await checkIntake(h.db.prisma, techA, [intakeRow({ id: m.id, sizes: [300, 300] })]);
    expect(problems.map((p) => p.code)).toEqual(['inactive_model']);
  });
});

describe('planIntake + writeIntake', () => {
  it('creates chairs in stock with a received event, and a second identical run changes nothing', async () => {
    const rows = [intakeRow(manual, { supplier: 'PT Sehat' }), intakeRow(electric, { batteryInstalledAt: isoDay(-5), fundingSource: 'APBN' })];
    const first = await intakeDevices(techA, rows);
    expect(first.created).toHaveLength(2);
    expect(first.updated).toEqual([]);
    const chairs = await h.db.prisma.device.findMany({ where: { id: { in: first.created } }, include: { events: true }, orderBy: { serial: 'asc' } });
    for (const c of chairs) {
      expect(c).toMatchObject({ status: 'in_stock', centreId: world.centreA });
      expect(c.serialKey).toBe(c.serial.toUpperCase());
      expect(c.events.map((e) => [e.kind, e.actorId])).toEqual([['received', techA.id]]);
    }
    const again = await intakeDevices(techA, rows);
    expect(again).toEqual({ created: [], updated: [], unchanged: first.created });
    expect(await h.db.prisma.deviceEvent.count({ where: { deviceId: { in: first.created } } })).toBe(2);
  });

  it('updates a chair in stock when a row changes it, with an updated event naming the fields', async () => {
    const row = intakeRow(manual);
    const { created } = await intakeDevices(techA, [row]);
    const [w, d] = (await h.db.prisma.deviceModel.findUniqueOrThrow({ where: { id: manual.id }, include: { sizes: true } })).sizes.map((s) => [s.seatWidthMm, s.seatDepthMm])[1]!;
    const changed = { ...row, serial: row.serial.toLowerCase(), seatWidthMm: w!, seatDepthMm: d!, supplier: 'CV Baru' };
    expect(await intakeDevices(techA, [changed])).toEqual({ created: [], updated: created, unchanged: [] });
    const chair = await h.db.prisma.device.findUniqueOrThrow({ where: { id: created[0] }, include: { events: { orderBy: { at: 'asc' } } } });
    expect(chair).toMatchObject({ serial: changed.serial, seatWidthMm: w, supplier: 'CV Baru' });
    expect(chair.events.map((e) => e.kind)).toEqual(['received', 'updated']);
    expect(JSON.parse(chair.events[1]!.details!).fields).toEqual(['serial', 'seatWidthMm', 'seatDepthMm', 'supplier']);
  });
});

describe('POST /api/devices, PATCH /api/devices/{id}, GET /api/stock', () => {
  const body = (m: typeof manual, over: Record<string, unknown> = {}) => ({ ...intakeRow(m), ...over });
  const auditOf = (res: Response) => h.db.prisma.auditLog.findMany({ where: { requestId: res.headers.get('x-request-id') } });

  it('a technician receives one chair at their centre, audited', async () => {
    const tech = await h.as(EMAIL.technicianA);
    const b = body(manual, { supplier: 'PT <b>Roda</b>' });
    const res = await tech.post('/api/devices', b);
    const { items } = await expectJson(res.clone(), 201);
    expect(items).toEqual([expect.objectContaining({ serial: b.serial, status: 'in_stock', centreId: world.centreA, supplier: 'PT <b>Roda</b>', receivedAt: b.receivedAt })]);
    expect(await auditOf(res)).toEqual([expect.objectContaining({ action: 'device.intake', entityId: items[0].id, centreId: world.centreA })]);
  });

  it('takes a bulk all or nothing: one bad row refuses every row, naming it', async () => {
    const admin = await h.as(EMAIL.admin);
    const good = body(manual, { centreId: world.centreB });
    const res = await admin.post('/api/devices', { items: [good, body(manual, { centreId: world.centreB, seatWidthMm: 600 })] });
    const err = await expectError(res, 422);
    expect(err.issues).toEqual([expect.objectContaining({ path: ['items', 1, 'seatWidthMm'], code: 'size_not_in_model' })]);
    expect(await h.db.prisma.device.count({ where: { serial: good.serial } })).toBe(0);
    const ok = await expectJson(await admin.post('/api/devices', { items: [good, body(electric, { centreId: world.centreB })] }), 201);
    expect(ok.items).toHaveLength(2);
  });

  it('answers 409 for a serial already registered (any case or spacing), 422 for a bad body, and refuses over 1,000 items', async () => {
    const mgr = await h.as(EMAIL.managerA);
    const b = body(manual);
    await expectJson(await mgr.post('/api/devices', b), 201);
    const clash = await expectError(await mgr.post('/api/devices', { ...b, serial: ` ${b.serial.toLowerCase().replace('-', ' -')}` }), 409);
    expect(clash.issues).toEqual([expect.objectContaining({ path: ['serial'], code: 'serial_in_use' })]);
    await expectInvalid(await mgr.post('/api/devices', { ...body(manual), receivedAt: '2026-02-30' }), ['receivedAt']);
    await expectError(await mgr.post('/api/devices', { items: Array.from({ length: 1001 }, () => body(manual)) }), 422);
    const other = await expectError(await mgr.post('/api/devices', body(manual, { centreId: world.centreB })), 422);
    expect(other.issues![0]!.code).toBe('other_centre');
  });

  it('corrects a chair in stock, and refuses identity changes once it has left stock (409)', async () => {
    const tech = await h.as(EMAIL.technicianA);
    const { items: [chair] } = await expectJson(await tech.post('/api/devices', body(manual)), 201);
    const fixed = await expectJson(await tech.patch(`/api/devices/${chair.id}`, { serial: `${chair.serial}X`, supplier: 'CV Maju' }));
    expect(fixed).toMatchObject({ serial: `${chair.serial}X`, supplier: 'CV Maju' });
    expect((await h.db.prisma.device.findUniqueOrThrow({ where: { id: chair.id } })).serialKey).toBe(`${chair.serial}X`.toUpperCase());
    await expectError(await tech.patch(`/api/devices/${chair.id}`, { seatWidthMm: 600 }), 422);
    const inUse = await h.db.prisma.device.findFirstOrThrow({ where: { status: 'in_use', centreId: world.centreA } });
    await expectError(await tech.patch(`/api/devices/${inUse.id}`, { serial: 'NEW-1' }), 409);
    await expectJson(await tech.patch(`/api/devices/${inUse.id}`, { fundingSource: 'Hibah' }));
    const b = await h.db.prisma.device.findFirstOrThrow({ where: { centreId: world.centreB } });
    await expectError(await tech.patch(`/api/devices/${b.id}`, { supplier: 'x' }), 404);
  });

  it('counts stock by model and size and status, for staff of the centre and admins', async () => {
    const ther = await h.as(EMAIL.therapistA);
    const view = await expectJson(await ther.get('/api/stock'));
    expect(view.centreId).toBe(world.centreA);
    const expected = await h.db.prisma.device.count({ where: { centreId: world.centreA, status: 'in_stock' } });
    expect(view.totals.in_stock).toBe(expected);
    expect(view.rows.reduce((n: number, r: { counts: { in_stock: number } }) => n + r.counts.in_stock, 0)).toBe(expected);
    const moti = view.rows.find((r: { modelId: string; seatWidthMm: number }) => r.modelId === manual.id && r.seatWidthMm === manual.sizes[0]);
    expect(moti.counts.in_stock).toBe(await h.db.prisma.device.count({ where: { centreId: world.centreA, modelId: manual.id, seatWidthMm: manual.sizes[0], status: 'in_stock' } }));
    await expectError(await ther.get(`/api/stock?centreId=${world.centreB}`), 404);
    const all = await expectJson(await (await h.as(EMAIL.admin)).get('/api/stock'));
    expect(all.centreId).toBeNull();
    expect(Object.values(all.totals as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(await h.db.prisma.device.count());
  });

  it('refuses a stale plan with 409 and writes nothing: a planned chair left stock, or a planned serial was registered meanwhile', async () => {
    const kept = intakeRow(manual);
    const [chairId] = (await intakeDevices(techA, [kept])).created;
    const fresh = intakeRow(manual);
    const stale = await planIntake(h.db.prisma, techA, [fresh, { ...kept, supplier: 'CV Lain' }]);
    expect(stale.map((s) => s.outcome)).toEqual(['created', 'updated']);
    await h.db.prisma.device.update({ where: { id: chairId }, data: { status: 'in_repair' } });
    const write = () => h.db.raw.transaction(() => writeIntake(h.db.raw, techA, stale, { now: new Date() })).immediate();
    expect(write).toThrow(expect.objectContaining({ status: 409 }));
    expect(await h.db.prisma.device.count({ where: { serial: fresh.serial } })).toBe(0);

    const racing = await planIntake(h.db.prisma, techA, [intakeRow(manual), fresh]);
    await intakeDevices(techA, [fresh]);
    const before = await h.db.prisma.deviceEvent.count();
    expect(() => h.db.raw.transaction(() => writeIntake(h.db.raw, techA, racing, { now: new Date() })).immediate()).toThrow(expect.objectContaining({ status: 409 }));
    expect(await h.db.prisma.deviceEvent.count()).toBe(before);
  });
});
