// The telemetry store contract: every method of TelemetryStore, run against each implementation
// (SQLite and PostgreSQL) on the same registry (telemetry-store-world.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Rejection, TelemetryStore } from '../../core/telemetry/telemetry-store.ts';
import { HOUR, telemetrySample } from '../helpers/fleet-fixture.ts';
import { type ContractDatabase, type OpenDatabase, runIngestContract } from './telemetry-store-ingest.case.ts';
import { createStoreWorld, DAY, NOW, type StoreWorld } from './telemetry-store-world.ts';

export type { ContractDatabase, OpenDatabase };

const MIN = 60_000;
/** The free chair's series: 18 samples, one every 10 minutes from T0, over three whole hours. */
const T0 = NOW - 6 * HOUR;
const at = (i: number) => T0 + i * 10 * MIN;
const values = (i: number) => ({ socPct: 90 - i, odometerM: 1000 + 100 * i, motorSeconds: 500 + 60 * i, fullChargeAh: 19 - Math.floor(i / 6) * 0.5 });
const sample = (deviceId: string, seq: number, ts = at(seq), bootId = 'b1') => ({ deviceId, sample: telemetrySample(bootId, seq, ts, values(seq)), receivedAt: ts + 5000 });
const batch = (samples: ReturnType<typeof sample>[], rejections: Rejection[] = [], statuses: Parameters<TelemetryStore['commit']>[0]['statuses'] = []) => ({ samples, rejections, statuses });
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k);

/** The whole contract for one implementation: adding a store is one call of this. */
export function runTelemetryStoreContract(name: string, database: OpenDatabase) {
  runIngestContract(name, database);
  describe(`telemetry store contract: ${name}`, () => {
    let db: ContractDatabase;
    let w: StoreWorld;
    let store: TelemetryStore;
    const key = async (deviceId: string) => (await store.chairState(deviceId))!.key;

    beforeAll(async () => {
      db = await database();
      w = await createStoreWorld(db.prisma);
      store = await db.open({ now: () => NOW });
    });
    afterAll(async () => {
      await store?.close();
      await db?.close();
    });

    it('knows registered chairs only', async () => {
      expect(await store.knowsDevice(w.free)).toBe(true);
      expect(await store.knowsDevice(w.unregistered)).toBe(false);
      expect(await store.knowsDevice('no-such-chair')).toBe(false);
    });

    it('stores each sample once and acknowledges the highest contiguous seq', async () => {
      const first = await store.commit(batch(range(0, 17).map((i) => sample(w.free, i))));
      expect(first).toMatchObject({ stored: 18, duplicates: 0, withheld: 0 });
      expect([...first.acks.values()]).toEqual([{ deviceId: w.free, bootId: 'b1', seq: 17 }]);
      expect([...first.touched]).toEqual([w.free]);
      const resent = await store.commit(batch(range(10, 17).map((i) => sample(w.free, i))));
      expect(resent).toMatchObject({ stored: 0, duplicates: 8 });
      expect(await store.watermark(w.free, 'b1')).toBe(17);
      expect(await store.watermark(w.free, 'other-boot')).toBe(-1);
      expect(await store.chairState(w.free)).toMatchObject({ deviceId: w.free, socPct: 73, odometerM: 2700, lastTs: at(17), receivedAt: at(17) + 5000, samples: 18, duplicates: 8 });
    });

    it('waits at a gap until it is filled; each boot has its own sequence', async () => {
      await store.commit(batch([0, 1, 3].map((i) => sample(w.consented, i))));
      expect(await store.watermark(w.consented, 'b1')).toBe(1);
      await store.commit(batch([sample(w.consented, 2)]));
      expect(await store.watermark(w.consented, 'b1')).toBe(3);
      await store.commit(batch([sample(w.consented, 0, at(4), 'b2')]));
      expect(await store.watermark(w.consented, 'b2')).toBe(0);
      expect(await store.chairState(w.consented)).toMatchObject({ samples: 5, lastTs: at(4) });
    });

    it('acknowledges but keeps nothing of chairs whose user has no active telemetry consent', async () => {
      const statuses = [{ deviceId: w.withdrawn, online: true, at: NOW, fw: '9.9.9' }];
      const r = await store.commit(batch([sample(w.withdrawn, 0), sample(w.withdrawn, 1), sample(w.child, 0), sample(w.child, 1)], [], statuses));
      expect(r).toMatchObject({ stored: 0, withheld: 4 });
      expect(r.touched.size).toBe(0);
      expect(await store.watermark(w.withdrawn, 'b1')).toBe(1);
      expect(await store.watermark(w.child, 'b1')).toBe(1);
      expect(await store.chairState(w.withdrawn)).toMatchObject({ lastTs: null, socPct: null, online: false, fw: null, samples: 0 });
      expect((await store.fleetRow(w.withdrawn, false, new Date(NOW)))!.withheld).toBe(2);
    });

    it('keeps online state and firmware from status messages; all go offline at once', async () => {
      await store.commit(batch([], [], [{ deviceId: w.consented, online: true, at: NOW, fw: '1.2.3', bootId: 'b2' }]));
      expect(await store.chairState(w.consented)).toMatchObject({ online: true, fw: '1.2.3' });
      await store.markAllOffline();
      expect((await store.chairState(w.consented))!.online).toBe(false);
      expect(await store.chairState('no-such-chair')).toBeUndefined();
    });

    it('reads raw samples in a range, thinned from the newest', async () => {
      const all = await store.rawSeries((await key(w.free)), T0, T0 + 3 * HOUR, 1000);
      expect(all.stride).toBe(1);
      expect(all.points.map((p) => p.t)).toEqual(range(0, 17).map(at));
      expect(all.points[17]).toEqual({ t: at(17), socPct: 73, voltageV: 25.4, currentA: -4.5, tempC: 31.5, charging: false, odometerM: 2700, motorSeconds: 1520, cycleCount: 120, fullChargeAh: 18 });
      const thin = await store.rawSeries((await key(w.free)), T0, T0 + 3 * HOUR, 5);
      expect(thin.stride).toBe(4);
      expect(thin.points.map((p) => p.t)).toEqual([1, 5, 9, 13, 17].map(at));
      expect((await store.rawSeries((await key(w.free)), at(6), at(12), 1000)).points.map((p) => p.t)).toEqual(range(6, 12).map(at));
      expect(await store.rawSeries((await key(w.free)), NOW + HOUR, NOW + 2 * HOUR, 1000)).toEqual({ points: [], stride: 1 });
    });

    it('folds hourly rollups into hours and days, distance from the lifetime counters', async () => {
      const hours = await store.aggregateSeries((await key(w.free)), T0, T0 + 3 * HOUR - 1, 'hour');
      expect(hours.map((p) => [p.t, p.n, p.socMin, p.socMax, p.socLast, p.distanceM, p.motorSeconds, p.fullChargeAh])).toEqual([
        [T0, 6, 85, 90, 85, 500, 300, 19],
        [T0 + HOUR, 6, 79, 84, 79, 600, 360, 18.5],
        [T0 + 2 * HOUR, 6, 73, 78, 73, 600, 360, 18],
      ]);
      expect(hours[0]).toMatchObject({ chargingPct: 0, cycleCount: 120, voltMin: 25.4, tempMax: 31.5, currentMin: -4.5 });
      // From the second hour on, the first hour's last reading is the prior: nothing between hours is lost.
      expect((await store.aggregateSeries((await key(w.free)), T0 + HOUR, T0 + 3 * HOUR, 'hour')).map((p) => p.distanceM)).toEqual([600, 600]);
      const days = await store.aggregateSeries((await key(w.free)), T0 - DAY, NOW, 'day');
      expect(days.map((p) => [p.t, p.n, p.distanceM, p.socLast])).toEqual([[Math.floor(T0 / DAY) * DAY, 18, 1700, 73]]);
    });

    it('counts samples in a period and reads capacity per hour', async () => {
      expect(await store.sampleSpan((await key(w.free)), T0, NOW)).toEqual({ samples: 18, firstTs: T0, lastTs: at(17) });
      expect(await store.sampleSpan((await key(w.free)), NOW + HOUR, NOW + 2 * HOUR)).toEqual({ samples: 0, firstTs: null, lastTs: null });
      expect(await store.capacitySeries((await key(w.free)), T0)).toEqual([{ t: at(5), ah: 19 }, { t: at(11), ah: 18.5 }, { t: at(17), ah: 18 }]);
      // Readings before `from` are left out, even within the hour `from` falls in.
      expect(await store.capacitySeries((await key(w.free)), at(5) + 1)).toEqual([{ t: at(11), ah: 18.5 }, { t: at(17), ah: 18 }]);
    });

    it('records refused messages, counting refused connections into one row per window', async () => {
      const base = { deviceId: w.free, clientId: w.free, topic: `atensi/chairs/${w.free}/telemetry`, size: 12, preview: '{"v":1' };
      const rejections: Rejection[] = [
        { ...base, receivedAt: NOW, reason: 'schema', detail: 'socPct too big' },
        { ...base, receivedAt: NOW, reason: 'schema', detail: 'unknown field' },
        ...[1, 2, 3].map((s): Rejection => ({ ...base, receivedAt: NOW + s * 1000, reason: 'auth_failed', detail: 'bad secret', preview: null, countWindowMs: MIN })),
      ];
      await store.commit(batch([], rejections));
      const page = await store.rejectedMessages(w.free, 10, 0);
      expect(page.items.map((r) => [r.reason, r.receivedAt, r.count, r.detail])).toEqual([
        ['auth_failed', NOW + 3000, 3, 'bad secret'],
        ['schema', NOW, 1, 'unknown field'],
        ['schema', NOW, 1, 'socPct too big'],
      ]);
      expect(page.items[1]).toMatchObject({ topic: base.topic, size: 12 });
      expect(page.byReason).toEqual([{ reason: 'auth_failed', count: 3 }, { reason: 'schema', count: 2 }]);
      expect(page.refusedConnections).toEqual({ count: 3, since: NOW + 1000 });
      expect((await store.rejectedMessages(w.free, 1, 1)).items.map((r) => r.detail)).toEqual(['unknown field']);
      expect(await store.rejectedMessages(w.consented, 10, 0)).toEqual({ items: [], byReason: [], refusedConnections: { count: 0, since: null } });
      expect((await store.chairState(w.free))!.rejected).toBe(5);
    });

    it('lists the fleet with state, consent, alerts, work orders and the stored wear forecast', async () => {
      const prisma = db.prisma;
      const alert = (kind: string, severity: string, clearedAt: Date | null = null) => prisma.alert.create({ data: { centreId: w.centreId, deviceId: w.consented, kind, severity, clearedAt } });
      await alert('over_temperature', 'warning');
      await alert('red_flag', 'critical');
      await alert('silent_chair', 'info', new Date(NOW));
      const order = (status: string) => prisma.workOrder.create({ data: { centreId: w.centreId, deviceId: w.consented, kind: 'repair', priority: 'normal', status } });
      await order('open');
      await order('resolved');
      const forecast = { crossAt: '2027-03-01', thresholdPct: 70 };
      await prisma.ruleState.create({ data: { deviceId: w.free, rule: 'battery_wear', data: JSON.stringify({ capacityPct: 90, forecast }) } });

      const now = new Date(NOW);
      const rows = await store.fleetList({ centreId: w.centreId }, { hideClinicalAlerts: true, now });
      const byId = new Map(rows.map((r) => [r.id, r]));
      expect(rows.length).toBe(6);
      expect([w.free, w.consented, w.withdrawn, w.child, w.manual, w.unregistered].map((id) => byId.get(id)!.telemetryOff)).toEqual([null, null, 'consent_withdrawn', 'no_consent', null, null]);
      const consented = byId.get(w.consented)!;
      expect(consented).toMatchObject({ alerts: { warning: 1 }, activeWorkOrders: 1, centreId: w.centreId, centreName: 'Contract centre', status: 'in_use' });
      expect(consented.beneficiary).toEqual({ id: w.consentedUser, name: 'Contract Adult' });
      expect(consented.model).toMatchObject({ kind: 'electric', name: 'Contract E', ratedAh: 20, serviceIntervalKm: 500, serviceIntervalMonths: 12 });
      expect((await store.fleetList({ centreId: w.centreId }, { hideClinicalAlerts: false, now })).find((r) => r.id === w.consented)!.alerts).toEqual({ warning: 1, critical: 1 });
      expect(JSON.parse(byId.get(w.free)!.wearForecast!)).toEqual(forecast);
      expect(byId.get(w.consented)!.wearForecast).toBeNull();
      expect(byId.get(w.free)!.state).toMatchObject({ key: await key(w.free), socPct: 73, odometerM: 2700, receivedAt: at(17) + 5000, charging: false, online: false });
      expect(byId.get(w.manual)!.state).toBeUndefined();
      expect(byId.get(w.unregistered)!.state).toBeUndefined();

      const ids = async (scope: Parameters<TelemetryStore['fleetList']>[0], f: Partial<Parameters<TelemetryStore['fleetList']>[1]>) =>
        (await store.fleetList(scope, { hideClinicalAlerts: true, now, ...f })).map((r) => r.id).sort();
      expect(await ids({ centreId: w.centreId }, { kind: 'manual_adaptive' })).toEqual([w.manual]);
      expect(await ids({ centreId: w.centreId }, { q: 'ct-001' })).toEqual([w.free]);
      expect(await ids({ centreId: w.centreId }, { q: 'Withdrawn', searchNames: true })).toEqual([w.withdrawn]);
      expect(await ids({ centreId: w.centreId }, { q: 'Withdrawn' })).toEqual([]);
      expect(await ids({ centreId: w.centreId }, { status: 'in_stock' })).toEqual([]);
      expect(await ids({ centreId: null, beneficiaryIds: [w.consentedUser] }, {})).toEqual([w.consented, w.manual].sort());
      expect(await ids({ centreId: 'no-such-centre' }, {})).toEqual([]);
    });

    it('reads one chair in full, and locates a device for access checks', async () => {
      const row = (await store.fleetRow(w.free, true, new Date(NOW)))!;
      expect(row.state).toMatchObject({ samples: 18, duplicates: 8, rejected: 5, motorSeconds: 1520, cycleCount: 120, lastTs: at(17) });
      expect(row.model).toMatchObject({ manufacturer: 'Contract', ratedCycles: 500 });
      expect((await store.fleetRow(w.consented, false, new Date(NOW)))!.state).toMatchObject({ fw: '1.2.3' });
      expect(await store.fleetRow('no-such-chair', true)).toBeUndefined();
      expect(await store.locateDevice(w.free)).toEqual({ id: w.free, centreId: w.centreId, beneficiaryId: null, transitToCentreId: null, chairKey: await key(w.free) });
      expect(await store.locateDevice(w.manual)).toEqual({ id: w.manual, centreId: w.centreId, beneficiaryId: w.consentedUser, transitToCentreId: null, chairKey: null });
      expect(await store.locateDevice('no-such-chair')).toBeUndefined();
    });

    it("reads what the rules judge: state, driving per day, capacity, odometer, consent", async () => {
      const today = Math.floor(NOW / DAY);
      const t = await store.rulesTelemetry(w.free, { now: NOW, fromDay: today - 1, capacityFrom: T0, odometerFrom: T0 + HOUR });
      expect(t.telemetryOff).toBe(false);
      expect(t.chair).toMatchObject({ key: await key(w.free), odometerFrom: 1600, capacity: await store.capacitySeries((await key(w.free)), T0) });
      expect(t.chair!.state).toMatchObject({ socPct: 73, charging: false, tempC: 31.5, cycleCount: 120, fullChargeAh: 18, odometerM: 2700, faults: [], receivedAt: at(17) + 5000, ts: at(17) });
      expect(typeof t.chair!.state.rawId).toBe('number');
      expect([...t.chair!.motorSecondsByDay]).toEqual([[today, 1020]]);
      const none = await store.rulesTelemetry(w.free, { now: NOW, fromDay: today + 1, capacityFrom: null, odometerFrom: null });
      expect(none.chair).toMatchObject({ capacity: [], odometerFrom: null });
      expect(none.chair!.motorSecondsByDay.size).toBe(0);
      expect(await store.rulesTelemetry(w.unregistered, { now: NOW, fromDay: today, capacityFrom: null, odometerFrom: null })).toEqual({ telemetryOff: false, chair: null });
      expect((await store.rulesTelemetry(w.withdrawn, { now: NOW, fromDay: today, capacityFrom: null, odometerFrom: null })).telemetryOff).toBe(true);
      expect((await store.rulesTelemetry(w.child, { now: NOW, fromDay: today, capacityFrom: null, odometerFrom: null })).telemetryOff).toBe(true);
      expect((await store.rulesTelemetry(w.consented, { now: NOW, fromDay: today, capacityFrom: null, odometerFrom: null })).telemetryOff).toBe(false);
    });

    it('reads the samples for deep discharge: all after a time, and those stored after a cursor, in time order', async () => {
      const q = { now: NOW, fromDay: 0, capacityFrom: null, odometerFrom: null };
      const cursor = (await store.rulesTelemetry(w.free, q)).chair!.state.rawId!;
      const after = await store.dischargeAfter((await key(w.free)), cursor, at(10) + 1);
      expect(after.map((s) => [s.ts, s.socPct, s.charging, s.receivedAt])).toEqual(range(11, 17).map((i) => [at(i), 90 - i, false, at(i) + 5000]));
      expect(await store.dischargeAfter((await key(w.free)), cursor, NOW + HOUR)).toEqual([]);
      expect(await store.dischargeSince((await key(w.free)), cursor, cursor)).toEqual([]);
      // A late resend arrives after a newer sample: the order is the samples' time, not arrival.
      await store.commit(batch([sample(w.free, 19), sample(w.free, 18)]));
      const head = (await store.rulesTelemetry(w.free, q)).chair!.state.rawId!;
      expect((await store.dischargeSince((await key(w.free)), head, cursor)).map((s) => [s.ts, s.socPct])).toEqual([[at(18), 72], [at(19), 71]]);
    });

    // Last: it commits a sample the earlier cases do not expect.
    it('tells a fleet cache which chairs changed since a version, and reads just those with their clinical alerts apart', async () => {
      const v0 = await store.fleetVersion();
      expect(await store.fleetChangesSince(v0)).toEqual({ version: v0, deviceIds: [] });
      await store.commit(batch([sample(w.free, 40, NOW - MIN)]));
      await db.prisma.alert.create({ data: { centreId: w.centreId, deviceId: w.manual, kind: 'red_flag', severity: 'warning' } });
      const changed = await store.fleetChangesSince(v0);
      expect(changed.deviceIds.sort()).toEqual([w.free, w.manual].sort());
      expect(changed.version).toBeGreaterThan(v0);
      expect(await store.fleetVersion()).toBe(changed.version);
      expect((await store.fleetChangesSince(changed.version)).deviceIds).toEqual([]);
      const rows = await store.fleetList({ centreId: null, deviceIds: changed.deviceIds }, { hideClinicalAlerts: false, now: new Date(NOW) });
      expect(rows.map((r) => r.id).sort()).toEqual([w.free, w.manual].sort());
      const manual = rows.find((r) => r.id === w.manual)!;
      expect(manual.clinicalAlerts).toEqual({ warning: 1 });
      expect(manual.alerts.warning).toBeGreaterThanOrEqual(1);
      expect(rows.find((r) => r.id === w.free)!.state!.receivedAt).toBe(NOW - MIN + 5000);
    });
  });
}
