// Telemetry consent is enforced at ingest, through a real broker: once the user of a chair withdraws
// it, the bridge acknowledges the chair's samples (so it stops resending) but stores none of them
// under that person, only counts them; a new consent (a guardian's, for a child) turns storage back
// on. A chair with no user reports normally.
import type { MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectJson, quickSession } from '../helpers/api.ts';
import type { Client } from '../helpers/harness.ts';
import { sample, startTelemetryFixture, type TelemetryFixture } from '../helpers/telemetry-fixture.ts';
import { EMAIL } from '../helpers/world.ts';
import { setTimeout as sleep } from 'node:timers/promises';

let f: TelemetryFixture;
let admin: Client;
let chair: MqttClient;
let deviceId: string;
let beneficiaryId: string;
const acks: number[] = [];

beforeAll(async () => {
  f = await startTelemetryFixture('aedes', { CONSENT_REFRESH_MS: '100' });
  admin = await quickSession(f.h, EMAIL.admin);
  // Demo chair 0 belongs to a child whose guardian consented to telemetry.
  deviceId = f.chairs[0]!.deviceId;
  beneficiaryId = (await f.h.db.prisma.device.findUniqueOrThrow({ where: { id: deviceId } })).beneficiaryId!;
  chair = await f.connectChair(0);
  chair.on('message', (_t, p) => acks.push(JSON.parse(p.toString()).seq));
  await chair.subscribeAsync(`atensi/chairs/${deviceId}/ack`, { qos: 1 });
}, 60_000);
afterAll(() => f.close());

const stored = (id = deviceId) => f.count('SELECT count(*) AS n FROM telemetry_raw r JOIN chair_state s ON s.key = r.device_key WHERE s.deviceId = ?', id);
const hourly = () => f.count('SELECT coalesce(sum(h.n), 0) AS n FROM telemetry_hourly h JOIN chair_state s ON s.key = h.device_key WHERE s.deviceId = ?', deviceId);
const withheld = () => f.count('SELECT withheld AS n FROM chair_state WHERE deviceId = ?', deviceId);
const refresh = () => sleep(250);

async function publish(from: number, to: number) {
  for (let seq = from; seq <= to; seq++) await chair.publishAsync(`atensi/chairs/${deviceId}/telemetry`, sample(seq), { qos: 1 });
  // Acknowledged up to the last one, whether stored or withheld: the chair may drop its buffer.
  await f.waitFor(async () => (await f.svc.store.watermark(deviceId, 'boot-a')) === to && acks.includes(to));
}

async function consent(purposeBody: Record<string, unknown>) {
  await expectJson(await admin.post(`/api/beneficiaries/${beneficiaryId}/consents`, { purposes: ['telemetry'], method: 'written', givenAt: new Date().toISOString().slice(0, 10), ...purposeBody }), 201);
  await refresh();
}

describe('telemetry consent at ingest', () => {
  it('stores samples while the user consents', async () => {
    await publish(0, 4);
    expect(stored()).toBe(5);
  });

  it('after a withdrawal, acknowledges but stores nothing: no samples, no hourly rollup, no latest state; counts them', async () => {
    const k = await f.h.db.prisma.consent.findFirstOrThrow({ where: { beneficiaryId, purpose: 'telemetry', withdrawnAt: null } });
    await expectJson(await admin.post(`/api/beneficiaries/${beneficiaryId}/consents/${k.id}/withdraw`));
    await refresh();
    const before = f.h.db.raw.prepare('SELECT lastTs, socPct, odometerM FROM chair_state WHERE deviceId = ?').get(deviceId);
    const hourlyBefore = hourly();
    await publish(5, 11);
    expect(stored()).toBe(5);
    expect(hourly()).toBe(hourlyBefore);
    expect(withheld()).toBe(7);
    expect(f.h.db.raw.prepare('SELECT lastTs, socPct, odometerM FROM chair_state WHERE deviceId = ?').get(deviceId)).toEqual(before);
    expect(f.svc.pipeline.stats.withheld).toBe(7);
    // A resend of a withheld sample is a duplicate, not counted twice.
    await chair.publishAsync(`atensi/chairs/${deviceId}/telemetry`, sample(8), { qos: 1 });
    await f.waitFor(() => f.count('SELECT duplicates AS n FROM chair_state WHERE deviceId = ?', deviceId) === 1);
    expect(withheld()).toBe(7);
  });

  it('the page data says telemetry is off and why', async () => {
    const d = await expectJson(await admin.get(`/api/devices/${deviceId}`));
    expect(d).toMatchObject({ telemetryOff: 'consent_withdrawn', counters: { withheld: 7 } });
  });

  it('a child\'s own consent does not turn it back on; the guardian\'s does', async () => {
    await f.h.db.prisma.consent.create({ data: { beneficiaryId, purpose: 'telemetry', givenBy: 'beneficiary', method: 'verbal', givenAt: new Date() } });
    await refresh();
    await publish(12, 13);
    expect(stored()).toBe(5);
    await consent({ givenBy: 'guardian', guardianName: 'Ibu Wali', guardianRelationship: 'mother' });
    await publish(14, 16);
    expect(stored()).toBe(8);
    expect(withheld()).toBe(9);
    expect((await expectJson(await admin.get(`/api/devices/${deviceId}`))).telemetryOff).toBeNull();
  });

  it('a chair with no user reports normally', async () => {
    const free = f.chairs.findIndex((c, i) => i > 0 && c.deviceId);
    const id = f.chairs[free]!.deviceId;
    await f.h.db.prisma.device.update({ where: { id }, data: { beneficiaryId: null } });
    const other = await f.connectChair(free);
    for (let seq = 0; seq < 3; seq++) await other.publishAsync(`atensi/chairs/${id}/telemetry`, sample(seq), { qos: 1 });
    await f.waitFor(() => stored(id) === 3);
    expect((await expectJson(await admin.get(`/api/devices/${id}`))).telemetryOff).toBeNull();
  });
});
