// The fleet API: the list with state, risk, filters and sorting; one chair; what families see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectInvalid, expectJson, expectError } from '../helpers/api.ts';
import { commitSeries, deviceOf, fleetStore, HOUR, ruleAlert, ruleWorkOrder } from '../helpers/fleet-fixture.ts';
import { type Client, createHarness, type Harness } from '../helpers/harness.ts';
import { EMAIL, loadWorld, type World } from '../helpers/world.ts';

let h: Harness;
let world: World;
let tech: Client;
let admin: Client;
let familyA1: Client;
let familyA2: Client;
let fajar: Awaited<ReturnType<typeof deviceOf>>; // electric, family A2's
let dimas: Awaited<ReturnType<typeof deviceOf>>; // electric, silent for two days, worn battery
let yusuf: Awaited<ReturnType<typeof deviceOf>>; // electric, never reported
let rizky: Awaited<ReturnType<typeof deviceOf>>; // manual, family A1's
const now = Date.now();

beforeAll(async () => {
  h = await createHarness();
  world = await loadWorld(h);
  [tech, admin, familyA1, familyA2] = await Promise.all([h.as(EMAIL.technicianA), h.as(EMAIL.admin), h.as(EMAIL.familyA1), h.as(EMAIL.familyA2)]);
  [fajar, dimas, yusuf, rizky] = await Promise.all([
    deviceOf(h, 'Muhammad Fajar Nugroho'), deviceOf(h, 'Dimas Saputra'), deviceOf(h, 'Yusuf Hidayat'), deviceOf(h, 'Rizky Pratama'),
  ]);
  const store = fleetStore(h);
  // Fajar: every 5 minutes for the last 30 hours, battery falling to 59.5 %, now charging.
  await commitSeries(store, fajar.id, {
    from: now - 30 * HOUR,
    to: now - 60_000,
    everyMs: 300_000,
    at: (i) => ({ socPct: 95 - i * 0.1, odometerM: 150_000 + i * 10, motorSeconds: 90_000 + i * 8, charging: i >= 355, fullChargeAh: 18.6 }),
  });
  // Dimas: low and not charging, worn battery (12 Ah of the model's rated Ah), last heard from 50 hours ago.
  await commitSeries(store, dimas.id, {
    from: now - 52 * HOUR,
    to: now - 50 * HOUR,
    everyMs: 600_000,
    at: (i) => ({ socPct: 15 - i * 0.5, odometerM: 20_000 + i * 50, motorSeconds: 5_000 + i * 30, fullChargeAh: dimas.model.ratedAh! * 0.6 }),
  });
  // Fajar has an open warning alert and an active work order; a cleared alert does not count.
  const wo = await ruleWorkOrder(h, { centreId: world.centreA, deviceId: fajar.id, rule: 'over_temperature', kind: 'repair' });
  await ruleAlert(h, { centreId: world.centreA, deviceId: fajar.id, kind: 'over_temperature', severity: 'warning', workOrderId: wo.id });
  await ruleAlert(h, { centreId: world.centreA, deviceId: fajar.id, kind: 'deep_discharge', severity: 'info', clearedAt: new Date() });
  // Rizky's manual chair has a critical alert.
  await ruleAlert(h, { centreId: world.centreA, deviceId: rizky.id, kind: 'controller_fault', severity: 'critical' });
});
afterAll(() => h.close());

const centreDevices = async (centreId: string) =>
  (await h.db.prisma.device.findMany({ where: { centreId }, select: { id: true } })).map((d) => d.id).sort();
const ids = (body: { items: { id: string }[] }) => body.items.map((d) => d.id).sort();

describe('GET /api/devices', () => {
  it('lists exactly the technician\'s centre, with state from chair_state, counts and risk', async () => {
    const body = await expectJson(await tech.get('/api/devices?limit=200'));
    expect(ids(body)).toEqual(await centreDevices(world.centreA));
    expect(body.total).toBe(body.items.length);
    const f = body.items.find((d: { id: string }) => d.id === fajar.id);
    expect(f).toMatchObject({
      serial: fajar.serial,
      kind: 'electric',
      status: 'in_use',
      beneficiary: { id: world.beneficiaryOf.familyA2, name: 'Muhammad Fajar Nugroho' },
      openAlerts: 1,
      openWorkOrders: 1,
      risk: 'medium',
      riskReasons: ['warning_alert'],
    });
    expect(f.state).toMatchObject({ online: false, charging: true, voltageV: 25.4, tempC: 31.5, capacityPct: Math.round((18.6 / fajar.model.ratedAh!) * 1000) / 10 });
    expect(f.state.socPct).toBeCloseTo(95 - 359 * 0.1, 5);
    expect(Date.parse(f.state.lastSeenAt)).toBe(now - 30 * HOUR + 359 * 300_000);

    const d = body.items.find((x: { id: string }) => x.id === dimas.id);
    expect(d.risk).toBe('high');
    expect(d.riskReasons).toEqual(['battery_worn', 'low_charge', 'silent']);
    const y = body.items.find((x: { id: string }) => x.id === yusuf.id);
    expect(y).toMatchObject({ state: null, risk: 'low', riskReasons: ['never_reported'] });
    const r = body.items.find((x: { id: string }) => x.id === rizky.id);
    expect(r).toMatchObject({ kind: 'manual_adaptive', state: null, risk: 'high', riskReasons: ['critical_alert'], openAlerts: 1 });
    expect(body.riskCounts.high).toBeGreaterThanOrEqual(2);
    expect(Object.values(body.riskCounts as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(body.total);
  });

  it('sorts by risk (most serious first) by default, by battery lowest first, and by last seen oldest first', async () => {
    const byRisk = await expectJson(await tech.get('/api/devices?limit=200'));
    const rank = { high: 3, medium: 2, low: 1, ok: 0 } as Record<string, number>;
    const ranks = byRisk.items.map((d: { risk: string }) => rank[d.risk]!);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));

    const byBattery = await expectJson(await tech.get('/api/devices?sort=battery&kind=electric'));
    expect(byBattery.items.slice(0, 2).map((d: { id: string }) => d.id)).toEqual([dimas.id, fajar.id]);
    expect(byBattery.items.at(-1).state).toBeNull(); // never reported: last
    const desc = await expectJson(await tech.get('/api/devices?sort=battery&order=desc&kind=electric'));
    expect(desc.items[0].id).toBe(fajar.id);

    const bySeen = await expectJson(await tech.get('/api/devices?sort=lastSeen&kind=electric'));
    expect(bySeen.items.slice(0, 2).map((d: { id: string }) => d.id)).toEqual([dimas.id, fajar.id]);

    const bySerial = await expectJson(await tech.get('/api/devices?sort=serial&order=desc&limit=200'));
    const serials = bySerial.items.map((d: { serial: string }) => d.serial);
    expect(serials).toEqual([...serials].sort().reverse());
  });

  it('filters by status, kind, risk and a search on serial or beneficiary name, and pages', async () => {
    const electric = await expectJson(await tech.get('/api/devices?kind=electric&limit=200'));
    expect(electric.items.length).toBeGreaterThanOrEqual(3);
    expect(electric.items.every((d: { kind: string }) => d.kind === 'electric')).toBe(true);
    const inStock = await expectJson(await tech.get('/api/devices?status=in_stock'));
    expect(inStock.items.length).toBeGreaterThan(0);
    expect(inStock.items.every((d: { status: string }) => d.status === 'in_stock')).toBe(true);
    const high = await expectJson(await tech.get('/api/devices?risk=high'));
    expect(ids(high)).toEqual([dimas.id, rizky.id].sort());
    expect(high.riskCounts.high).toBe(2);
    const bySerial = await expectJson(await tech.get(`/api/devices?q=${fajar.serial}`));
    expect(ids(bySerial)).toEqual([fajar.id]);
    const byName = await expectJson(await tech.get('/api/devices?q=fajar'));
    expect(ids(byName)).toEqual([fajar.id]);
    const page = await expectJson(await tech.get('/api/devices?sort=serial&limit=2&offset=1'));
    const all = await expectJson(await tech.get('/api/devices?sort=serial&limit=200'));
    expect(page.items.map((d: { id: string }) => d.id)).toEqual(all.items.slice(1, 3).map((d: { id: string }) => d.id));
    expect(page.total).toBe(all.total);
  });

  it('answers 422 for bad filters and sorting', async () => {
    await expectInvalid(await tech.get('/api/devices?sort=price'), ['sort']);
    await expectInvalid(await tech.get('/api/devices?risk=extreme'), ['risk']);
    await expectInvalid(await tech.get('/api/devices?status=lost'), ['status']);
    await expectInvalid(await tech.get('/api/devices?limit=0'), ['limit']);
    await expectInvalid(await tech.get('/api/devices?order=up'), ['order']);
  });

  it('an admin sees every centre, or one with centreId; a technician naming centre B gets nothing', async () => {
    const all = await expectJson(await admin.get('/api/devices?limit=200'));
    expect(all.total).toBe(await h.db.prisma.device.count());
    const b = await expectJson(await admin.get(`/api/devices?centreId=${world.centreB}&limit=200`));
    expect(ids(b)).toEqual(await centreDevices(world.centreB));
    const none = await expectJson(await tech.get(`/api/devices?centreId=${world.centreB}`));
    expect(none.items).toEqual([]);
  });

  it('a family sees only their own chair, with only what a family needs', async () => {
    const body = await expectJson(await familyA2.get('/api/devices'));
    expect(ids(body)).toEqual([fajar.id]);
    expect(body).not.toHaveProperty('riskCounts');
    const allowed = ['id', 'serial', 'kind', 'status', 'modelName', 'centreId', 'centreName', 'state', 'telemetryOff', 'serviceDueAt'];
    expect(Object.keys(body.items[0]).filter((k) => !allowed.includes(k))).toEqual([]);
    expect(Object.keys(body.items[0].state).sort()).toEqual(['charging', 'lastSeenAt', 'online', 'socPct']);
    // Searching for someone else's name or serial finds nothing.
    expect((await expectJson(await familyA2.get(`/api/devices?q=${dimas.serial}`))).items).toEqual([]);
    expect((await expectJson(await familyA2.get('/api/devices?q=dimas'))).items).toEqual([]);
    const a1 = await expectJson(await familyA1.get('/api/devices'));
    expect(ids(a1)).toEqual([rizky.id]);
    expect(a1.items[0].state).toBeNull();
  });
});

describe('GET /api/devices/{id}', () => {
  it('gives a technician the latest state, model, counters and service due', async () => {
    const d = await expectJson(await tech.get(`/api/devices/${fajar.id}`));
    expect(d).toMatchObject({
      id: fajar.id,
      model: { name: fajar.model.name, batteryChemistry: fajar.model.batteryChemistry, ratedAh: fajar.model.ratedAh, ratedCycles: fajar.model.ratedCycles },
      counters: { samples: 360, duplicates: 0, rejected: 0 },
      openAlerts: 1,
      openWorkOrders: 1,
      risk: 'medium',
    });
    expect(d.state).toMatchObject({ odometerM: 150_000 + 359 * 10, motorSeconds: 90_000 + 359 * 8, cycleCount: 120, fullChargeAh: 18.6, faults: [] });
    expect(d.service.kmSinceService).toBe(153.6);
    expect(d.service.kmInterval).toBe(fajar.model.serviceIntervalKm);
    expect(d.service.lastServiceAt).toBeNull();
    expect(Date.parse(d.service.dueAt)).toBeGreaterThan(fajar.createdAt.getTime());
  });

  it('marks service due after the interval in months since the last service', async () => {
    await h.db.prisma.device.update({ where: { id: fajar.id }, data: { lastServiceAt: new Date(now - 30 * 86_400_000), lastServiceOdometerM: 100_000 } });
    const recent = await expectJson(await tech.get(`/api/devices/${fajar.id}`));
    expect(recent.service).toMatchObject({ kmSinceService: 53.6, due: false });
    expect(recent.lastServiceOdometerM).toBe(100_000);
    await h.db.prisma.device.update({ where: { id: fajar.id }, data: { lastServiceAt: new Date(now - 400 * 86_400_000) } });
    const old = await expectJson(await tech.get(`/api/devices/${fajar.id}`));
    expect(old.service.due).toBe(true);
    expect(Date.parse(old.serviceDueAt)).toBeLessThan(now);
    await h.db.prisma.device.update({ where: { id: fajar.id }, data: { lastServiceAt: null, lastServiceOdometerM: null } });
  });

  it('gives a family their chair\'s state and service due only; another family\'s chair is not found', async () => {
    const d = await expectJson(await familyA2.get(`/api/devices/${fajar.id}`));
    const allowed = ['id', 'serial', 'kind', 'status', 'modelName', 'centreId', 'centreName', 'state', 'telemetryOff', 'serviceDueAt', 'service'];
    expect(Object.keys(d).filter((k) => !allowed.includes(k))).toEqual([]);
    expect(Object.keys(d.state).sort()).toEqual(['charging', 'lastSeenAt', 'online', 'socPct']);
    await expectError(await familyA1.get(`/api/devices/${fajar.id}`), 404);
  });

  it('hides another centre\'s device exactly like a missing one', async () => {
    const other = await h.db.prisma.device.findFirstOrThrow({ where: { centreId: world.centreB } });
    const a = await expectError(await tech.get(`/api/devices/${other.id}`), 404);
    const b = await expectError(await tech.get('/api/devices/nosuchdevice0'), 404);
    expect(a.message).toBe(b.message);
    await expectInvalid(await tech.get('/api/devices/NOT-AN-ID'), ['id']);
  });
});

describe('a model with its own battery-wear limit', () => {
  it('judges the chair by the model\'s limit and gives the reasons that limit to quote', async () => {
    const before = await expectJson(await tech.get(`/api/devices/${dimas.id}`));
    expect(before.healthLimits).toEqual({ wornPct: 70, wearingPct: 80 });
    expect(before.riskReasons).toContain('battery_worn');
    const original = dimas.model.thresholds;
    await h.db.prisma.deviceModel.update({ where: { id: dimas.modelId }, data: { thresholds: JSON.stringify({ wearCapacityPct: 30, wearClearCapacityPct: 35 }) } });
    try {
      const after = await expectJson(await tech.get(`/api/devices/${dimas.id}`));
      expect(after.healthLimits).toEqual({ wornPct: 30, wearingPct: 40 });
      expect(after.riskReasons).not.toContain('battery_worn');
      const listed = (await expectJson(await tech.get('/api/devices?limit=200'))).items.find((d: { id: string }) => d.id === dimas.id);
      expect(listed.healthLimits).toEqual({ wornPct: 30, wearingPct: 40 });
    } finally {
      await h.db.prisma.deviceModel.update({ where: { id: dimas.modelId }, data: { thresholds: original } });
    }
  });
});
