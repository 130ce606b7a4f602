// The fleet list served from each API process's cache: a write by the user, by another process on
// the same file (the bridge) or time alone shows in the very next list; one centre's chairs never
// reach another's list through the cache; clinical alerts stay hidden from technicians.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.ts';
import { SqliteTelemetryStore } from '../../core/telemetry/sqlite-telemetry-store.ts';
import { expectJson } from '../helpers/api.ts';
import { commitSeries, deviceOf, HOUR, ruleAlert } from '../helpers/fleet-fixture.ts';
import { type Client, createHarness, type Harness } from '../helpers/harness.ts';
import { EMAIL, loadWorld, type World } from '../helpers/world.ts';

const start = new Date('2026-11-23T08:00:00Z');
const clock = fixedClock(start);
let h: Harness;
let world: World;
let tech: Client;
let techB: Client;
let manager: Client;
let admin: Client;
/** A second connection to the same file, as the bridge process has. */
let bridgeDb: Database.Database;
let bridge: SqliteTelemetryStore;
let fajar: Awaited<ReturnType<typeof deviceOf>>;

interface Item {
  id: string;
  centreId: string;
  risk: string;
  riskReasons: string[];
  openAlerts: number;
  openWorkOrders: number;
  status: string;
  state: { socPct: number } | null;
}
const list = async (c: Client, query = '') => expectJson<{ items: Item[]; total: number; riskCounts: Record<string, number> }>(await c.get(`/api/devices?limit=200${query}`));
const item = async (c: Client, id: string) => (await list(c)).items.find((d) => d.id === id)!;

beforeAll(async () => {
  h = await createHarness({ clock, env: { SESSION_TTL_HOURS: '2000' } });
  world = await loadWorld(h);
  [tech, techB, manager, admin] = await Promise.all([h.as(EMAIL.technicianA), h.as(EMAIL.technicianB), h.as(EMAIL.managerA), h.as(EMAIL.admin)]);
  fajar = await deviceOf(h, 'Muhammad Fajar Nugroho');
  bridgeDb = new Database(h.config.databaseFile);
  bridgeDb.pragma('busy_timeout = 5000');
  bridge = new SqliteTelemetryStore(bridgeDb);
  // Heard a minute ago, charged, healthy battery.
  commitSeries(bridge, fajar.id, { from: start.getTime() - HOUR, to: start.getTime() - 60_000, everyMs: 60_000, at: () => ({ socPct: 80, fullChargeAh: fajar.model.ratedAh! * 0.95 }) });
});
afterAll(async () => {
  bridgeDb.close();
  await h.close();
});

describe('the fleet list after writes', () => {
  it('shows telemetry another process commits in the very next list', async () => {
    expect(await item(tech, fajar.id)).toMatchObject({ risk: 'ok', state: { socPct: 80 } });
    commitSeries(bridge, fajar.id, { bootId: 'boot-2', from: start.getTime() - 30_000, to: start.getTime() - 30_000, everyMs: 1, at: () => ({ socPct: 9, charging: false, fullChargeAh: fajar.model.ratedAh! * 0.95 }) });
    expect(await item(tech, fajar.id)).toMatchObject({ risk: 'low', riskReasons: ['low_charge'], state: { socPct: 9 } });
  });

  it('shows a work order the user opened and an alert the rules raised at once, in counts and order', async () => {
    const before = await item(tech, fajar.id);
    await expectJson(await tech.post('/api/work-orders', { deviceId: fajar.id, kind: 'repair', description: 'Joystick macet.' }), 201);
    expect((await item(tech, fajar.id)).openWorkOrders).toBe(before.openWorkOrders + 1);
    await ruleAlert(h, { centreId: world.centreA, deviceId: fajar.id, kind: 'controller_fault', severity: 'critical' });
    const after = await list(tech);
    expect(after.items[0]).toMatchObject({ id: fajar.id, risk: 'high', openAlerts: before.openAlerts + 1 });
    expect(after.items.find((d) => d.id === fajar.id)!.riskReasons).toContain('critical_alert');
  });

  it('follows a status change made through another connection, and filters by it', async () => {
    bridgeDb.prepare(`UPDATE "Device" SET status = 'in_repair' WHERE id = ?`).run(fajar.id);
    expect((await list(tech, '&status=in_repair')).items.map((d) => d.id)).toContain(fajar.id);
    expect((await list(tech, '&status=in_use')).items.map((d) => d.id)).not.toContain(fajar.id);
    bridgeDb.prepare(`UPDATE "Device" SET status = 'in_use' WHERE id = ?`).run(fajar.id);
    expect((await list(tech, '&status=in_use')).items.map((d) => d.id)).toContain(fajar.id);
  });

  it('drops a deleted chair and shows a chair registered meanwhile', async () => {
    const model = await h.db.prisma.deviceModel.findFirstOrThrow({ where: { kind: 'manual_adaptive' } });
    const chair = await h.db.prisma.device.create({ data: { serial: 'CACHE-NEW-1', serialKey: 'CACHE-NEW-1', modelId: model.id, centreId: world.centreA } });
    expect((await list(tech, '&q=cache-new')).items.map((d) => d.id)).toEqual([chair.id]);
    bridgeDb.prepare(`DELETE FROM "Device" WHERE id = ?`).run(chair.id);
    expect((await list(tech, '&q=cache-new')).total).toBe(0);
  });
});

describe('the fleet list over time', () => {
  it('turns a chair silent a day after it was last heard and high after a week, with no write in between', async () => {
    const at = (ms: number) => clock.set(new Date(start.getTime() + ms));
    bridgeDb.prepare(`UPDATE "Alert" SET clearedAt = ? WHERE deviceId = ?`).run(start.toISOString(), fajar.id);
    expect(await item(tech, fajar.id)).toMatchObject({ risk: 'low', riskReasons: ['low_charge'] });
    // The next morning (a new day, which reloads the cache), not yet a day since the last sample.
    at(22 * HOUR);
    expect(await item(tech, fajar.id)).toMatchObject({ risk: 'low', riskReasons: ['low_charge'] });
    // Later the same day: only the passing time changes the judgement.
    at(24.5 * HOUR);
    expect(await item(tech, fajar.id)).toMatchObject({ risk: 'medium', riskReasons: ['low_charge', 'silent'] });
    at(6 * 24 * HOUR + 22 * HOUR);
    expect(await item(tech, fajar.id)).toMatchObject({ risk: 'medium' });
    at(7 * 24 * HOUR + HOUR / 2);
    expect(await item(tech, fajar.id)).toMatchObject({ risk: 'high' });
    expect((await list(tech)).riskCounts.high).toBeGreaterThanOrEqual(1);
    clock.set(start);
    expect(await item(tech, fajar.id)).toMatchObject({ risk: 'low', riskReasons: ['low_charge'] });
  });
});

describe('the fleet cache and access', () => {
  it('gives each centre only its own chairs, before and after the other centre\'s chairs change', async () => {
    const own = async (centreId: string) => (await h.db.prisma.device.findMany({ where: { centreId }, select: { id: true } })).map((d) => d.id).sort();
    const ids = async (c: Client) => (await list(c)).items.map((d) => d.id).sort();
    expect(await ids(tech)).toEqual(await own(world.centreA));
    expect(await ids(techB)).toEqual(await own(world.centreB));
    const chairB = (await own(world.centreB))[0]!;
    bridgeDb.prepare(`UPDATE "Device" SET status = 'in_repair' WHERE id = ?`).run(chairB);
    expect(await ids(techB)).toEqual(await own(world.centreB));
    expect(await ids(tech)).toEqual(await own(world.centreA));
    // A technician naming the other centre gets nothing, even once the admin has listed it.
    expect((await list(admin, `&centreId=${world.centreB}`)).total).toBe((await own(world.centreB)).length);
    expect((await list(tech, `&centreId=${world.centreB}`)).total).toBe(0);
  });

  it('counts a red-flag alert for the manager and not for the technician, from the same cache', async () => {
    const techBefore = await item(tech, fajar.id);
    const managerBefore = await item(manager, fajar.id);
    await ruleAlert(h, { centreId: world.centreA, deviceId: fajar.id, kind: 'red_flag', severity: 'critical' });
    expect((await item(manager, fajar.id)).openAlerts).toBe(managerBefore.openAlerts + 1);
    expect((await item(tech, fajar.id)).openAlerts).toBe(techBefore.openAlerts);
  });
});
