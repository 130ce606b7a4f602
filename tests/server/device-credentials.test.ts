// Issuing or rotating an electric chair's MQTT secret outside the pathway, against a real embedded
// aedes broker and mqtt.js: the new secret is shown once and signs in, the old one is refused at
// once and the chair's open connection is ended; the step is audited (never the secret) and kept in
// the chair's history; Mosquitto's password file, regenerated, holds only the new entry.
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyDeviceSecret } from '../../core/devices/credentials.ts';
import { mosquittoFiles } from '../../firmware-bridge/src/broker/mosquitto-config.ts';
import { createApp } from '../../server/src/app.ts';
import { expectError, expectJson, quickSession } from '../helpers/api.ts';
import { unique } from '../helpers/fixtures.ts';
import { ORIGIN } from '../helpers/harness.ts';
import { startTelemetryFixture, type TelemetryFixture } from '../helpers/telemetry-fixture.ts';
import { EMAIL, loadWorld, type World } from '../helpers/world.ts';

let fx: TelemetryFixture;
let world: World;
let app: ReturnType<typeof createApp>;
/** A demo chair of centre A, with its secret from the demo credentials. */
let chair: { deviceId: string; secret: string };

beforeAll(async () => {
  fx = await startTelemetryFixture('aedes');
  world = await loadWorld(fx.h);
  const db = fx.h.db.prisma;
  // The app as the entry point wires it: a new secret ends the chair's connection on the embedded broker.
  app = createApp({ database: fx.h.db, telemetry: fx.svc.store, config: fx.h.config, onCredentialsIssued: (id) => fx.svc.broker?.disconnect(id) });
  const inA = await db.device.findMany({ where: { centreId: world.centreA, mqttSecretHash: { not: null } }, select: { id: true } });
  chair = fx.chairs.find((c) => inA.some((d) => d.id === c.deviceId))!;
});
afterAll(() => fx.close());

async function as(email: string) {
  const { cookie } = await quickSession(fx.h, email);
  return (url: string, body: unknown) =>
    app.request(`${ORIGIN}${url}`, { method: 'POST', headers: { origin: ORIGIN, 'sec-fetch-site': 'same-origin', cookie: cookie!, 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

const connect = (deviceId: string, password: string) =>
  mqtt.connectAsync(fx.url, { clientId: deviceId, username: deviceId, password, reconnectPeriod: 0, connectTimeout: 5_000 });

async function refused(deviceId: string, password: string): Promise<boolean> {
  try {
    const c = await connect(deviceId, password);
    await c.endAsync(true);
    return false;
  } catch (err) {
    return /Not authorized|Bad username or password/i.test((err as Error).message);
  }
}

describe('POST /api/devices/{id}/credentials', () => {
  it('a new secret signs in; the old one is refused at once and its open connection is ended; audited without the secret', async () => {
    const old = await connect(chair.deviceId, chair.secret);
    const closed = new Promise<void>((resolve) => old.once('close', () => resolve()));
    const before = await fx.h.db.prisma.device.findUniqueOrThrow({ where: { id: chair.deviceId } });

    const technician = await as(EMAIL.technicianA);
    const res = await technician(`/api/devices/${chair.deviceId}/credentials`, { reason: 'controller_replaced', note: 'Kontroler baru dipasang.' });
    const body = await expectJson(res.clone(), 201);
    expect(body).toMatchObject({ deviceId: chair.deviceId, username: chair.deviceId, clientId: chair.deviceId, rotated: true });
    expect(body.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);

    await closed;
    expect(old.connected).toBe(false);
    await old.endAsync(true);
    expect(await refused(chair.deviceId, chair.secret)).toBe(true);
    const fresh = await connect(chair.deviceId, body.secret);
    expect(fresh.connected).toBe(true);
    await fresh.endAsync(true);

    const after = await fx.h.db.prisma.device.findUniqueOrThrow({ where: { id: chair.deviceId } });
    expect(after.mqttSecretHash).not.toBe(before.mqttSecretHash);
    expect(verifyDeviceSecret(body.secret, after.mqttSecretHash)).toBe(true);
    const audit = await fx.h.db.prisma.auditLog.findMany({ where: { requestId: res.headers.get('x-request-id') } });
    expect(audit).toEqual([expect.objectContaining({ action: 'device.credentials', entityType: 'Device', entityId: chair.deviceId, actorId: world.user.technicianA, centreId: world.centreA })]);
    expect(JSON.parse(audit[0]!.details!)).toEqual({ reason: 'controller_replaced', rotated: true });
    const events = await fx.h.db.prisma.deviceEvent.findMany({ where: { deviceId: chair.deviceId, kind: 'credentials_issued' } });
    expect(events).toEqual([expect.objectContaining({ actorId: world.user.technicianA, reason: 'controller_replaced', centreId: world.centreA })]);
    expect(JSON.parse(events[0]!.details!)).toEqual({ rotated: true, note: 'Kontroler baru dipasang.' });
    // Neither the secret nor its hash is written anywhere but the chair's row.
    for (const text of [audit[0]!.details!, events[0]!.details!]) {
      expect(text).not.toContain(body.secret);
      expect(text).not.toContain(after.mqttSecretHash!);
    }
    chair = { deviceId: chair.deviceId, secret: body.secret };
  });

  it('rotating again refuses the secret before it; Mosquitto\'s regenerated password file holds only the newest entry', async () => {
    const manager = await as(EMAIL.managerA);
    const previous = chair.secret;
    const { secret } = await expectJson(await manager(`/api/devices/${chair.deviceId}/credentials`, { reason: 'secret_leaked' }), 201);
    expect(await refused(chair.deviceId, previous)).toBe(true);
    const files = mosquittoFiles(fx.h.db.raw, { prefix: 'atensi', bridgeUsername: 'atensi-bridge', bridgePassword: 'x', dir: fx.h.dir, port: 1883 });
    const entries = files.passwd.split('\n').filter((line) => line.startsWith(`${chair.deviceId}:`));
    expect(entries).toHaveLength(1);
    const hash = entries[0]!.slice(chair.deviceId.length + 1);
    expect(verifyDeviceSecret(secret, hash)).toBe(true);
    expect(verifyDeviceSecret(previous, hash)).toBe(false);
  });

  it('a chair that never had a secret gets its first (rotated: false)', async () => {
    const db = fx.h.db.prisma;
    const model = await db.deviceModel.findFirstOrThrow({ where: { kind: 'electric' } });
    const serial = `CR-${unique()}`.toUpperCase();
    const d = await db.device.create({ data: { serial, serialKey: serial, modelId: model.id, centreId: world.centreA } });
    const admin = await as(EMAIL.admin);
    const body = await expectJson(await admin(`/api/devices/${d.id}/credentials`, { reason: 'other' }), 201);
    expect(body.rotated).toBe(false);
    const ok = await connect(d.id, body.secret);
    await ok.endAsync(true);
  });

  it('a manual or retired chair is 409; another centre\'s chair is 404; therapists and families are 403; bad input is 422', async () => {
    const db = fx.h.db.prisma;
    const technician = await as(EMAIL.technicianA);
    const manual = await db.device.findFirstOrThrow({ where: { centreId: world.centreA, model: { kind: 'manual_adaptive' } } });
    await expectError(await technician(`/api/devices/${manual.id}/credentials`, { reason: 'other' }), 409);
    const model = await db.deviceModel.findFirstOrThrow({ where: { kind: 'electric' } });
    const serial = `RT-${unique()}`.toUpperCase();
    const retired = await db.device.create({ data: { serial, serialKey: serial, modelId: model.id, centreId: world.centreA, status: 'retired' } });
    await expectError(await technician(`/api/devices/${retired.id}/credentials`, { reason: 'other' }), 409);
    const inB = await db.device.findFirstOrThrow({ where: { centreId: world.centreB, mqttSecretHash: { not: null } } });
    const hashB = inB.mqttSecretHash;
    await expectError(await technician(`/api/devices/${inB.id}/credentials`, { reason: 'other' }), 404);
    expect((await db.device.findUniqueOrThrow({ where: { id: inB.id } })).mqttSecretHash).toBe(hashB);
    await expectError(await (await as(EMAIL.therapistA))(`/api/devices/${chair.deviceId}/credentials`, { reason: 'other' }), 403);
    await expectError(await (await as(EMAIL.familyA1))(`/api/devices/${chair.deviceId}/credentials`, { reason: 'other' }), 403);
    await expectError(await technician(`/api/devices/${chair.deviceId}/credentials`, { reason: 'because' }), 422);
    await expectError(await technician(`/api/devices/${chair.deviceId}/credentials`, {}), 422);
  });
});
