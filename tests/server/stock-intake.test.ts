// Stock intake: the service's checks (catalogue, centre, sizes, dates, national serials) and its
// idempotent upsert, then POST/PATCH /api/devices and the stock view over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceIntake } from '../../schemas/stock.ts';
import type { Actor } from '../../server/src/access/actor.ts';
import { checkIntake, intakeDevices } from '../../server/src/stock/intake.service.ts';
import { isoDay } from '../helpers/api.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { loadWorld, type World } from '../helpers/world.ts';

let h: Harness;
let world: World;
let manual: { id: string; sizes: [number, number] };
let electric: { id: string; sizes: [number, number] };

const actorFor = (id: string, role: Actor['role'], centreId: string | null): Actor => ({ id, role, centreId, email: 'x@y.id', name: 'X', locale: 'id', beneficiaryIds: [] });
let techA: Actor;
let admin: Actor;
let seq = 0;
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
    await intakeDevices(h.db.prisma, techA, [taken]);
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
    await intakeDevices(h.db.prisma, admin, [atB]);
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

describe('intakeDevices', () => {
  it('creates chairs in stock with a received event, and a second identical run changes nothing', async () => {
    const rows = [intakeRow(manual, { supplier: 'PT Sehat' }), intakeRow(electric, { batteryInstalledAt: isoDay(-5), fundingSource: 'APBN' })];
    const first = await h.db.prisma.$transaction((tx) => intakeDevices(tx, techA, rows));
    expect(first.created).toHaveLength(2);
    expect(first.updated).toEqual([]);
    const chairs = await h.db.prisma.device.findMany({ where: { id: { in: first.created } }, include: { events: true }, orderBy: { serial: 'asc' } });
    for (const c of chairs) {
      expect(c).toMatchObject({ status: 'in_stock', centreId: world.centreA });
      expect(c.serialKey).toBe(c.serial.toUpperCase());
      expect(c.events.map((e) => [e.kind, e.actorId])).toEqual([['received', techA.id]]);
    }
    const again = await intakeDevices(h.db.prisma, techA, rows);
    expect(again).toEqual({ created: [], updated: [], unchanged: first.created });
    expect(await h.db.prisma.deviceEvent.count({ where: { deviceId: { in: first.created } } })).toBe(2);
  });

  it('updates a chair in stock when a row changes it, with an updated event naming the fields', async () => {
    const row = intakeRow(manual);
    const { created } = await intakeDevices(h.db.prisma, techA, [row]);
    const [w, d] = (await h.db.prisma.deviceModel.findUniqueOrThrow({ where: { id: manual.id }, include: { sizes: true } })).sizes.map((s) => [s.seatWidthMm, s.seatDepthMm])[1]!;
    const changed = { ...row, serial: row.serial.toLowerCase(), seatWidthMm: w!, seatDepthMm: d!, supplier: 'CV Baru' };
    expect(await intakeDevices(h.db.prisma, techA, [changed])).toEqual({ created: [], updated: created, unchanged: [] });
    const chair = await h.db.prisma.device.findUniqueOrThrow({ where: { id: created[0] }, include: { events: { orderBy: { at: 'asc' } } } });
    expect(chair).toMatchObject({ serial: changed.serial, seatWidthMm: w, supplier: 'CV Baru' });
    expect(chair.events.map((e) => e.kind)).toEqual(['received', 'updated']);
    expect(JSON.parse(chair.events[1]!.details!).fields).toEqual(['serial', 'seatWidthMm', 'seatDepthMm', 'supplier']);
  });
});
