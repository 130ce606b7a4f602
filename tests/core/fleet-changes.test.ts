// The fleet change log (fleet_change, migration 20261203210000_fleet_changes): every write to a table
// the fleet list reads stamps the devices it concerns, and writes the list does not show stamp none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteTelemetryStore } from '../../core/telemetry/sqlite-telemetry-store.ts';
import { commitSeries, deviceOf, HOUR } from '../helpers/fleet-fixture.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

let h: Harness;
let store: SqliteTelemetryStore;
let chair: Awaited<ReturnType<typeof deviceOf>>;

beforeAll(async () => {
  h = await createHarness();
  store = new SqliteTelemetryStore(h.db.raw);
  chair = await deviceOf(h, 'Muhammad Fajar Nugroho');
});
afterAll(() => h.close());

/** The devices a write stamped: what changed after the version before it. */
async function stamped(write: () => unknown): Promise<string[]> {
  const before = await store.fleetVersion();
  await write();
  const changes = await store.fleetChangesSince(before);
  if (changes.deviceIds.length) expect(changes.version).toBeGreaterThan(before);
  expect((await store.fleetChangesSince(changes.version)).deviceIds).toEqual([]);
  return changes.deviceIds.sort();
}

const devicesWhere = async (where: Record<string, string>) => (await h.db.prisma.device.findMany({ where, select: { id: true } })).map((d) => d.id).sort();

describe('fleet_change', () => {
  it('stamps the chair for its own row, its alerts, work orders, transfers and wear forecast', async () => {
    const p = h.db.prisma;
    expect(await stamped(() => p.device.update({ where: { id: chair.id }, data: { lastServiceAt: new Date() } }))).toEqual([chair.id]);
    const alert = await p.alert.create({ data: { centreId: chair.centreId, deviceId: chair.id, kind: 'over_temperature', severity: 'warning' } });
    expect(await stamped(() => p.alert.update({ where: { id: alert.id }, data: { clearedAt: new Date() } }))).toEqual([chair.id]);
    expect(await stamped(() => p.workOrder.create({ data: { centreId: chair.centreId, deviceId: chair.id, rule: 'manual', kind: 'repair', priority: 'normal' } }))).toEqual([chair.id]);
    const other = (await devicesWhere({ centreId: chair.centreId })).find((id) => id !== chair.id)!;
    expect(await stamped(() => p.transfer.create({ data: { deviceId: other, fromCentreId: chair.centreId, toCentreId: chair.centreId } }))).toEqual([other]);
    expect(await stamped(() => p.ruleState.create({ data: { deviceId: chair.id, rule: 'battery_wear', data: '{"forecast":null}' } }))).toEqual([chair.id]);
    expect(await stamped(() => p.ruleState.create({ data: { deviceId: chair.id, rule: 'silent_chair', data: '{}' } }))).toEqual([]);
  });

  it('stamps the chair when it reports, but not for the counters and chain head alone', async () => {
    const now = Date.now();
    expect(await stamped(() => commitSeries(store, chair.id, { from: now - HOUR, to: now, everyMs: 600_000 }))).toEqual([chair.id]);
    expect(await stamped(() => h.db.raw.prepare('UPDATE chair_state SET samples = samples + 1, lastRawId = lastRawId WHERE deviceId = ?').run(chair.id))).toEqual([]);
    expect(await stamped(() => h.db.raw.prepare('UPDATE chair_state SET online = 1 WHERE deviceId = ?').run(chair.id))).toEqual([chair.id]);
  });

  it('stamps every chair of a model, a centre and a beneficiary when those change, and on consent changes', async () => {
    const p = h.db.prisma;
    expect(await stamped(() => p.deviceModel.update({ where: { id: chair.modelId }, data: { name: `${chair.model.name} (2)` } }))).toEqual(await devicesWhere({ modelId: chair.modelId }));
    expect(await stamped(() => p.centre.update({ where: { id: chair.centreId }, data: { name: 'Balai Baru' } }))).toEqual(await devicesWhere({ centreId: chair.centreId }));
    expect(await stamped(() => p.centre.update({ where: { id: chair.centreId }, data: { city: 'Kota Lain' } }))).toEqual([]);
    const beneficiaryId = chair.beneficiaryId!;
    expect(await stamped(() => p.beneficiary.update({ where: { id: beneficiaryId }, data: { fullName: 'Fajar N.' } }))).toEqual([chair.id]);
    const consent = await stamped(() => p.consent.create({ data: { beneficiaryId, givenBy: 'guardian', guardianRelationship: 'mother', purpose: 'research', method: 'paper', givenAt: new Date() } }));
    expect(consent).toEqual([chair.id]);
    expect(await stamped(() => p.consent.updateMany({ where: { beneficiaryId, purpose: 'research' }, data: { withdrawnAt: new Date() } }))).toEqual([chair.id]);
  });

  it('stamps a chair removed from the register, so caches drop it', async () => {
    const model = await h.db.prisma.deviceModel.findFirstOrThrow({ where: { kind: 'manual_adaptive' } });
    const d = await h.db.prisma.device.create({ data: { serial: 'GONE-1', serialKey: 'GONE-1', modelId: model.id, centreId: chair.centreId } });
    expect(await stamped(() => h.db.prisma.device.delete({ where: { id: d.id } }))).toEqual([d.id]);
    expect(store.fleetList({ centreId: null, deviceIds: [d.id] }, { hideClinicalAlerts: false })).toEqual([]);
  });
});
