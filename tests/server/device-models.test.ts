// The device catalogue through the API: admins add and change models (validated: ISO code, sizes,
// kind-dependent battery fields, thresholds in range and in hysteresis order), duplicates are 409,
// a used model is deactivated rather than removed and keeps its kind and used sizes, staff read
// everything, and an inactive model is offered for no new prescription.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectInvalid, expectJson, quickSession } from '../helpers/api.ts';
import { unique } from '../helpers/fixtures.ts';
import { type Client, createHarness, type Harness } from '../helpers/harness.ts';
import { prescribeBody, requestInState } from '../helpers/pathway.ts';
import { EMAIL, loadWorld, type World } from '../helpers/world.ts';

let h: Harness;
let world: World;
let admin: Client;
let technician: Client;

beforeAll(async () => {
  h = await createHarness();
  world = await loadWorld(h);
  admin = await quickSession(h, EMAIL.admin);
  technician = await quickSession(h, EMAIL.technicianA);
});
afterAll(() => h.close());

const electric = (over: Record<string, unknown> = {}) => ({
  name: `Kursi Listrik ${unique()}`, manufacturer: 'Pabrik Uji', kind: 'electric', isoCode: '122306',
  sizes: [{ seatWidthMm: 400, seatDepthMm: 420 }, { seatWidthMm: 440, seatDepthMm: 450 }],
  batteryChemistry: 'lifepo4', ratedAh: 20, ratedCycles: 1500, serviceIntervalKm: 500, ...over,
});
const manual = (over: Record<string, unknown> = {}) => ({
  name: `Kursi Adaptif ${unique()}`, manufacturer: 'Bengkel Uji', kind: 'manual_adaptive', isoCode: '12 22 18',
  sizes: [{ seatWidthMm: 300, seatDepthMm: 300 }], headSupport: true, ...over,
});
const auditOf = (res: Response) => h.db.prisma.auditLog.findMany({ where: { requestId: res.headers.get('x-request-id') } });

describe('adding a model', () => {
  it('an admin adds an electric model: the ISO code is kept with spaces, defaults filled, audited', async () => {
    const res = await admin.post('/api/device-models', electric({ thresholds: { wearCapacityPct: 65, wearClearCapacityPct: 70 } }));
    const m = await expectJson(res.clone(), 201);
    expect(m).toMatchObject({
      isoCode: '12 23 06', kind: 'electric', active: true, used: false, devices: 0, pelvicBelt: true, tiltInSpace: false,
      serviceIntervalMonths: 12, thresholds: { wearCapacityPct: 65, wearClearCapacityPct: 70 },
    });
    expect(m.sizes).toEqual([{ seatWidthMm: 400, seatDepthMm: 420 }, { seatWidthMm: 440, seatDepthMm: 450 }]);
    expect(await auditOf(res)).toEqual([expect.objectContaining({ action: 'device_model.create', entityType: 'DeviceModel', entityId: m.id, actorId: world.user.admin })]);
    expect(await expectJson(await technician.get(`/api/device-models/${m.id}`))).toEqual(m);
  });

  it('a manual model needs no battery; giving it battery fields or thresholds is 422', async () => {
    expect((await expectJson(await admin.post('/api/device-models', manual()), 201)).ratedAh).toBeNull();
    await expectInvalid(await admin.post('/api/device-models', manual({ ratedAh: 30 })), ['ratedAh']);
    await expectInvalid(await admin.post('/api/device-models', manual({ thresholds: { overTempC: 55 } })), ['thresholds']);
  });

  it.each(['batteryChemistry', 'ratedAh', 'ratedCycles'])('an electric model without %s is 422', async (field) => {
    await expectInvalid(await admin.post('/api/device-models', electric({ [field]: undefined })), [field]);
  });

  it.each(['12 23', '12-23-06', '1223067', 'ab cd ef', '12  23 06'])('ISO code "%s" is 422', async (isoCode) => {
    await expectInvalid(await admin.post('/api/device-models', manual({ isoCode })), ['isoCode']);
  });

  it('sizes: none, a duplicate pair or an impossible width is 422', async () => {
    await expectInvalid(await admin.post('/api/device-models', manual({ sizes: [] })), ['sizes']);
    const twice = [{ seatWidthMm: 300, seatDepthMm: 300 }, { seatWidthMm: 300, seatDepthMm: 300 }];
    await expectInvalid(await admin.post('/api/device-models', manual({ sizes: twice })), ['sizes', 1]);
    await expectInvalid(await admin.post('/api/device-models', manual({ sizes: [{ seatWidthMm: 90, seatDepthMm: 300 }] })), ['sizes', 0, 'seatWidthMm']);
  });

  it('thresholds: out of range, unknown, or a clear on the wrong side of its trigger is 422', async () => {
    await expectInvalid(await admin.post('/api/device-models', electric({ thresholds: { wearCapacityPct: 5 } })), ['thresholds', 'wearCapacityPct']);
    await expectInvalid(await admin.post('/api/device-models', electric({ thresholds: { chargingHabitsEvents: 2.5 } })), ['thresholds', 'chargingHabitsEvents']);
    await expectError(await admin.post('/api/device-models', electric({ thresholds: { quietMinutes: 5 } })), 422);
    // 76 % alone would sit above the default clear (75 %): the rule could never clear.
    await expectInvalid(await admin.post('/api/device-models', electric({ thresholds: { wearCapacityPct: 76 } })), ['thresholds', 'wearCapacityPct']);
    await expectInvalid(await admin.post('/api/device-models', electric({ thresholds: { overTempC: 55, overTempClearC: 60 } })), ['thresholds', 'overTempClearC']);
    await expectInvalid(await admin.post('/api/device-models', electric({ thresholds: { deepDischargeSocPct: 25, deepDischargeClearSocPct: 25 } })), ['thresholds', 'deepDischargeClearSocPct']);
  });

  it('the same manufacturer and name, in any case, is 409 and nothing is added', async () => {
    const body = manual();
    await expectJson(await admin.post('/api/device-models', body), 201);
    await expectError(await admin.post('/api/device-models', { ...body, name: body.name.toUpperCase(), manufacturer: ` ${body.manufacturer.toLowerCase()}` }), 409);
    expect(await h.db.prisma.deviceModel.count({ where: { name: body.name } })).toBe(1);
    // Another manufacturer may use the name.
    await expectJson(await admin.post('/api/device-models', { ...body, manufacturer: 'Pabrik Lain' }), 201);
  });

  it('HTML in a name is stored as text', async () => {
    const m = await expectJson(await admin.post('/api/device-models', manual({ name: '<b>Kursi</b> & co' })), 201);
    expect(m.name).toBe('<b>Kursi</b> & co');
  });
});

describe('changing a model', () => {
  it('an admin changes fields and thresholds; null returns to the defaults; audited with the fields', async () => {
    const m = await expectJson(await admin.post('/api/device-models', electric()), 201);
    const res = await admin.patch(`/api/device-models/${m.id}`, { ratedAh: 24, thresholds: { deepDischargeSocPct: 25 } });
    expect(await expectJson(res.clone())).toMatchObject({ ratedAh: 24, thresholds: { deepDischargeSocPct: 25 } });
    expect((await auditOf(res))[0]).toMatchObject({ action: 'device_model.update', details: JSON.stringify({ fields: ['ratedAh', 'thresholds'] }) });
    expect((await expectJson(await admin.patch(`/api/device-models/${m.id}`, { thresholds: null }))).thresholds).toBeNull();
    expect((await h.db.prisma.deviceModel.findUniqueOrThrow({ where: { id: m.id } })).thresholds).toBeNull();
  });

  it('an update that leaves an electric model without its battery, or a rename onto another model, is refused', async () => {
    const m = await expectJson(await admin.post('/api/device-models', electric()), 201);
    await expectInvalid(await admin.patch(`/api/device-models/${m.id}`, { ratedAh: null }), ['ratedAh']);
    await expectInvalid(await admin.patch(`/api/device-models/${m.id}`, { kind: 'manual_adaptive' }), ['batteryChemistry']);
    const other = await expectJson(await admin.post('/api/device-models', electric()), 201);
    await expectError(await admin.patch(`/api/device-models/${m.id}`, { name: other.name.toLowerCase() }), 409);
    await expectError(await admin.patch(`/api/device-models/${m.id}`, {}), 422);
    await expectError(await admin.patch('/api/device-models/nosuchmodel0', { ratedAh: 30 }), 404);
  });

  it('a used model keeps its kind and every size a chair has, but may gain sizes and be deactivated', async () => {
    const m = await expectJson(await admin.post('/api/device-models', electric()), 201);
    await h.db.prisma.device.create({
      data: { serial: `CM-${unique()}`, serialKey: `CM-${unique()}`.toUpperCase(), modelId: m.id, centreId: world.centreA, seatWidthMm: 440, seatDepthMm: 450 },
    });
    expect(await expectJson(await admin.get(`/api/device-models/${m.id}`))).toMatchObject({ used: true, devices: 1 });
    const kind = await expectError(await admin.patch(`/api/device-models/${m.id}`, { kind: 'manual_adaptive', batteryChemistry: null, ratedAh: null, ratedCycles: null, serviceIntervalKm: null }), 409);
    expect(kind.message).toMatch(/kind/);
    const lose = await expectError(await admin.patch(`/api/device-models/${m.id}`, { sizes: [{ seatWidthMm: 400, seatDepthMm: 420 }] }), 409);
    expect(lose.message).toContain('440 × 450');
    const grown = await expectJson(await admin.patch(`/api/device-models/${m.id}`, { sizes: [{ seatWidthMm: 440, seatDepthMm: 450 }, { seatWidthMm: 480, seatDepthMm: 480 }] }));
    expect(grown.sizes).toEqual([{ seatWidthMm: 440, seatDepthMm: 450 }, { seatWidthMm: 480, seatDepthMm: 480 }]);
    const res = await admin.patch(`/api/device-models/${m.id}`, { active: false });
    expect((await expectJson(res.clone())).active).toBe(false);
    expect((await auditOf(res))[0]!.action).toBe('device_model.deactivate');
    // Still readable, and listed among the inactive ones.
    expect((await expectJson(await technician.get('/api/device-models?active=false'))).items.map((x: { id: string }) => x.id)).toContain(m.id);
    expect((await expectJson(await technician.get('/api/device-models?active=true'))).items.map((x: { id: string }) => x.id)).not.toContain(m.id);
  });
});

describe('the audit log', () => {
  it('names a model by maker and name, also after a rename, rather than by its id', async () => {
    const m = await expectJson(await admin.post('/api/device-models', manual()), 201);
    await expectJson(await admin.patch(`/api/device-models/${m.id}`, { name: 'Kursi Anak Tumbuh' }));
    const log = await expectJson(await admin.get(`/api/audit?entityType=DeviceModel&entityId=${m.id}`));
    expect(log.items.map((x: { action: string }) => x.action)).toEqual(['device_model.update', 'device_model.create']);
    expect(log.items.map((x: { entityName: string | null }) => x.entityName)).toEqual(['Bengkel Uji Kursi Anak Tumbuh', 'Bengkel Uji Kursi Anak Tumbuh']);
  });
});

describe('an inactive model is offered for nothing new', () => {
  it('the sizing helper leaves it out and a prescription of it is refused; active again, it is offered', async () => {
    const m = await expectJson(await admin.post('/api/device-models', manual({ sizes: [{ seatWidthMm: 380, seatDepthMm: 400 }] })), 201);
    const therapist = await quickSession(h, EMAIL.therapistA);
    const r = await requestInState(h, world.centreA, 'assessed', { therapistId: world.user.therapistA });
    const offered = async () => (await expectJson(await therapist.get(`/api/requests/${r.id}/sizing`))).models.map((x: { id: string }) => x.id);
    expect(await offered()).toContain(m.id);
    await expectJson(await admin.patch(`/api/device-models/${m.id}`, { active: false }));
    expect(await offered()).not.toContain(m.id);
    await expectInvalid(await therapist.post(`/api/requests/${r.id}/transitions`, await prescribeBody(h, { modelId: m.id })), ['modelId']);
    await expectJson(await admin.patch(`/api/device-models/${m.id}`, { active: true }));
    expect(await offered()).toContain(m.id);
  });
});

describe('who may', () => {
  it('staff read the catalogue with active models first; families are 403; only admins write', async () => {
    const list = await expectJson(await technician.get('/api/device-models'));
    expect(list.items.length).toBeGreaterThanOrEqual(6);
    const firstInactive = list.items.findIndex((x: { active: boolean }) => !x.active);
    if (firstInactive >= 0) expect(list.items.slice(firstInactive).every((x: { active: boolean }) => !x.active)).toBe(true);
    const family = await quickSession(h, EMAIL.familyA1);
    await expectError(await family.get('/api/device-models'), 403);
    const manager = await quickSession(h, EMAIL.managerA);
    await expectError(await manager.post('/api/device-models', manual()), 403);
    expect((await expectJson(await technician.get('/api/device-models?kind=electric'))).items.every((x: { kind: string }) => x.kind === 'electric')).toBe(true);
  });
});
