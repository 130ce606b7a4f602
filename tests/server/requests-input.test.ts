// Bad input on the pathway is refused with a clear 4xx and changes nothing: measurements out of
// physiological range, dates in the wrong order, details that do not match the diagnosis, missing
// consent, devices that are not available, and referrals that cannot be made.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measurementRanges } from '../../schemas/pathway-steps.ts';
import { expectError, expectInvalid, expectJson, isoDay, quickSession } from '../helpers/api.ts';
import { type Client, createHarness, type Harness } from '../helpers/harness.ts';
import { assessBody, FIT, hydroBlock, measurementsBody, modelId, newSerial, newSerialFields, referralBody, requestInState } from '../helpers/pathway.ts';
import { EMAIL, loadWorld, type World } from '../helpers/world.ts';

let h: Harness;
let world: World;
let therapist: Client;
let manager: Client;

beforeAll(async () => {
  h = await createHarness();
  world = await loadWorld(h);
  [therapist, manager] = await Promise.all([quickSession(h, EMAIL.therapistA), quickSession(h, EMAIL.managerA)]);
});
afterAll(() => h.close());

/** Everything a refused step could have touched: the request with its records, and the beneficiary's profiles. */
async function snapshot(id: string) {
  const r = await h.db.prisma.deviceRequest.findUniqueOrThrow({
    where: { id },
    include: { transitions: true, assessments: true, prescription: true, funding: true, fittings: true, trainings: true, followUps: true, device: true, beneficiary: { include: { cpProfile: true, hydroProfile: true } } },
  });
  return JSON.stringify(r);
}

async function refusedWithoutChange(state: Parameters<typeof requestInState>[2], body: Record<string, unknown>, status: number, path?: (string | number)[]) {
  const r = await requestInState(h, world.centreA, state);
  const before = await snapshot(r.id);
  const res = await therapist.post(`/api/requests/${r.id}/transitions`, body);
  const issues = path ? await expectInvalid(res, path) : (await expectError(res, status), []);
  expect(await snapshot(r.id)).toBe(before);
  return issues;
}

describe('assessment measurements', () => {
  const cases = Object.entries(measurementRanges).flatMap(([key, [lo, hi]]) => [[key, lo - 1] as const, [key, hi + 1] as const]);

  it.each(cases)('%s = %i mm is outside the physiological range: 422 at that field', async (key, value) => {
    const issues = await refusedWithoutChange('referred', assessBody({ measurements: measurementsBody({ [key]: value }) }), 422, ['measurements', key]);
    expect(issues[0]!.code).toMatch(/^too_(small|big)$/);
  });

  it('accepts the ends of every range (a small child, a large adult) where they are consistent', async () => {
    const r = await requestInState(h, world.centreA, 'referred');
    const small = { hipWidthMm: 150, seatDepthLeftMm: 150, seatDepthRightMm: 150, calfLengthLeftMm: 150, calfLengthRightMm: 150, seatToRibCageMm: 100, seatToShoulderMm: 200, seatToOcciputMm: 250 };
    expect((await expectJson(await therapist.post(`/api/requests/${r.id}/transitions`, assessBody({ measurements: small })))).request.state).toBe('assessed');
  });

  it('centimetres typed instead of millimetres, a decimal, or a missing measurement are refused', async () => {
    await refusedWithoutChange('referred', assessBody({ measurements: measurementsBody({ hipWidthMm: 32 }) }), 422, ['measurements', 'hipWidthMm']);
    await refusedWithoutChange('referred', assessBody({ measurements: measurementsBody({ seatDepthLeftMm: 400.5 }) }), 422, ['measurements', 'seatDepthLeftMm']);
    const { calfLengthRightMm: _, ...missing } = measurementsBody();
    await refusedWithoutChange('referred', assessBody({ measurements: missing }), 422, ['measurements', 'calfLengthRightMm']);
  });

  it('rib cage, shoulder and occiput must rise in that order', async () => {
    await refusedWithoutChange('referred', assessBody({ measurements: measurementsBody({ seatToShoulderMm: 300, seatToRibCageMm: 330 }) }), 422, ['measurements', 'seatToShoulderMm']);
    await refusedWithoutChange('referred', assessBody({ measurements: measurementsBody({ seatToOcciputMm: 500 }) }), 422, ['measurements', 'seatToOcciputMm']);
  });

  it('daily use beyond 24 hours, an unknown risk level or an unknown field are refused', async () => {
    await refusedWithoutChange('referred', assessBody({ dailyUseHours: 25 }), 422, ['dailyUseHours']);
    await refusedWithoutChange('referred', assessBody({ pressureInjuryRisk: 'extreme' }), 422, ['pressureInjuryRisk']);
    await refusedWithoutChange('referred', assessBody({ weightKg: 30 }), 422, []);
  });
});

describe('assessment rules', () => {
  it('an assessment dated in the future or before the referral is refused', async () => {
    expect((await refusedWithoutChange('referred', assessBody({ assessedAt: isoDay(2) }), 422, ['assessedAt']))[0]!.code).toBe('date_in_future');
    expect((await refusedWithoutChange('referred', assessBody({ assessedAt: isoDay(-30) }), 422, ['assessedAt']))[0]!.code).toBe('date_order');
  });

  it('CP details are required for CP, and hydrocephalus details refused without hydrocephalus', async () => {
    expect((await refusedWithoutChange('referred', assessBody({ cp: null }), 422, ['cp']))[0]!.code).toBe('required_for_diagnosis');
    expect((await refusedWithoutChange('referred', assessBody({ hydrocephalus: hydroBlock }), 422, ['hydrocephalus']))[0]!.code).toBe('not_for_diagnosis');
    await refusedWithoutChange('referred', assessBody({ cp: { gmfcs: 6, type: 'spastic', distribution: 'diplegia', tone: 'mixed', sittingLevel: 'propped' } }), 422, ['cp', 'gmfcs']);
  });

  it('without an active health-data consent the assessment is 409 and nothing is recorded', async () => {
    const r = await requestInState(h, world.centreA, 'referred');
    await h.db.prisma.consent.updateMany({ where: { beneficiaryId: r.beneficiaryId, purpose: 'health_data' }, data: { withdrawnAt: new Date() } });
    const before = await snapshot(r.id);
    const error = await expectError(await therapist.post(`/api/requests/${r.id}/transitions`, assessBody()), 409);
    expect(error.message).toContain('health_data');
    expect(await snapshot(r.id)).toBe(before);
  });
});

describe('later steps', () => {
  it('skipping steps is 409 and says what may come next', async () => {
    const r = await requestInState(h, world.centreA, 'referred');
    const error = await expectError(await therapist.post(`/api/requests/${r.id}/transitions`, { to: 'fitted', sizeOk: true, postureOk: true, pressureOk: true, movementOk: true }), 409);
    expect(error.message).toBe('a request that is referred cannot become fitted; it can next become assessed or cancelled');
  });

  it('prescribing a model that is not in the catalogue is 422', async () => {
    await refusedWithoutChange('assessed', { to: 'prescribed', modelId: 'nosuchmodel0001', seatWidthMm: 380, seatDepthMm: 400, pelvicBelt: true, lateralSupports: false, headSupport: false, tiltInSpace: false, cushion: 'flat_foam' }, 422, ['modelId']);
  });

  it('a size off the WHO target is accepted with a warning (the therapist decides)', async () => {
    const r = await requestInState(h, world.centreA, 'assessed');
    const body = { to: 'prescribed', modelId: await modelId(h), seatWidthMm: 420, seatDepthMm: 430, pelvicBelt: true, lateralSupports: false, headSupport: false, tiltInSpace: false, cushion: 'flat_foam' };
    const res = await expectJson(await therapist.post(`/api/requests/${r.id}/transitions`, body));
    expect(res.warnings.map((w: { code: string }) => w.code)).toEqual(expect.arrayContaining(['size_not_ideal']));
  });

  it('a rejection needs a reason; an order date too far ahead is refused', async () => {
    const r = await requestInState(h, world.centreA, 'prescribed');
    await expectInvalid(await manager.post(`/api/requests/${r.id}/transitions`, { to: 'rejected' }), ['reason']);
    await refusedWithoutChange('approved', { to: 'ordered', orderSource: 'stock', expectedAt: isoDay(400) }, 422, ['expectedAt']);
    await refusedWithoutChange('approved', { to: 'ordered', orderSource: 'stock', expectedAt: '2026-02-30' }, 422, ['expectedAt']);
  });

  it('preparation needs a device: one in stock of the prescribed model and size, or a new unique serial', async () => {
    await refusedWithoutChange('ordered', { to: 'prepared' }, 422, ['deviceId']);
    await refusedWithoutChange('ordered', { to: 'prepared', serial: 'no spaces!' }, 422, ['serial']);
    const wrongModel = await h.db.prisma.device.findFirstOrThrow({ where: { centreId: world.centreA, status: 'in_stock' } });
    expect((await refusedWithoutChange('ordered', { to: 'prepared', deviceId: wrongModel.id }, 422, ['deviceId']))[0]!.code).toBe('device_mismatch');
    const otherCentre = await h.db.prisma.device.findFirstOrThrow({ where: { centreId: world.centreB, status: 'in_stock' } });
    expect((await refusedWithoutChange('ordered', { to: 'prepared', deviceId: otherCentre.id }, 422, ['deviceId']))[0]!.code).toBe('device_unavailable');
    const taken = await h.db.prisma.device.findFirstOrThrow({ where: { centreId: world.centreA, status: 'in_use' } });
    // The centre's chair that someone already uses cannot be issued again: 409, as for every chair step.
    await refusedWithoutChange('ordered', { to: 'prepared', deviceId: taken.id }, 409);
    await refusedWithoutChange('ordered', { to: 'prepared', serial: taken.serial }, 409);
  });

  it('a stock device of the right model and size is assigned; cancelling returns it to stock', async () => {
    const model = await modelId(h);
    const d = await h.db.prisma.device.create({ data: { ...newSerialFields(), modelId: model, centreId: world.centreA, status: 'in_stock', seatWidthMm: FIT.seatWidthMm, seatDepthMm: FIT.seatDepthMm } });
    const r = await requestInState(h, world.centreA, 'ordered');
    const offered = (await expectJson(await therapist.get(`/api/requests/${r.id}`))).stockDevices;
    expect(offered).toContainEqual({ id: d.id, serial: d.serial });
    // Only chairs of the prescribed model and size are offered (the demo stock is other models).
    const matching = await h.db.prisma.device.findMany({ where: { centreId: world.centreA, status: 'in_stock', modelId: model, seatWidthMm: FIT.seatWidthMm, seatDepthMm: FIT.seatDepthMm } });
    expect(offered.map((x: { id: string }) => x.id).sort()).toEqual(matching.map((x) => x.id).sort());
    const res = await expectJson(await therapist.post(`/api/requests/${r.id}/transitions`, { to: 'prepared', deviceId: d.id }));
    expect(res.request.device).toMatchObject({ id: d.id, status: 'reserved' });
    expect(res.credentials).toBeUndefined();
    expect(await h.db.prisma.device.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({ status: 'reserved', beneficiaryId: r.beneficiaryId });
    await expectJson(await manager.post(`/api/requests/${r.id}/transitions`, { to: 'cancelled', reason: 'Penerima manfaat pindah ke Surabaya.' }));
    expect(await h.db.prisma.device.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({ status: 'in_stock', beneficiaryId: null });
  });

  it('delivery before the training is refused', async () => {
    expect((await refusedWithoutChange('trained', { to: 'in_use', deliveredAt: isoDay(-15) }, 422, ['deliveredAt']))[0]!.code).toBe('date_order');
  });
});

describe('referrals', () => {
  const fresh = async (centreId = world.centreA, purposes = ['service']) =>
    h.db.prisma.beneficiary.create({
      data: {
        centreId, fullName: 'Rujukan Uji', birthDate: new Date('1990-01-01T00:00:00Z'), sex: 'male', address: 'Jl. Uji', diagnosis: 'cp',
        consents: { create: purposes.map((purpose) => ({ purpose, givenBy: 'beneficiary', method: 'verbal', givenAt: new Date() })) },
      },
    });
  const count = () => h.db.prisma.deviceRequest.count();

  it('an appointment in the past or more than a year ahead, or an unknown source, is 422 and creates nothing', async () => {
    const b = await fresh();
    const before = await count();
    await expectInvalid(await therapist.post('/api/requests', { beneficiaryId: b.id, referral: referralBody({ appointmentAt: `${isoDay(-2)}T08:00:00Z` }) }), ['referral', 'appointmentAt']);
    await expectInvalid(await therapist.post('/api/requests', { beneficiaryId: b.id, referral: referralBody({ appointmentAt: `${isoDay(400)}T08:00:00Z` }) }), ['referral', 'appointmentAt']);
    await expectInvalid(await therapist.post('/api/requests', { beneficiaryId: b.id, referral: referralBody({ source: 'radio' }) }), ['referral', 'source']);
    await expectInvalid(await therapist.post('/api/requests', { beneficiaryId: b.id, referral: referralBody({ reason: '' }) }), ['referral', 'reason']);
    expect(await count()).toBe(before);
  });

  it('needs an active service consent (409), and a therapist of the beneficiary\'s centre when one is named (422)', async () => {
    const noConsent = await fresh(world.centreA, ['research']);
    await expectError(await therapist.post('/api/requests', { beneficiaryId: noConsent.id, referral: referralBody() }), 409);
    const b = await fresh();
    await expectInvalid(await therapist.post('/api/requests', { beneficiaryId: b.id, referral: referralBody(), therapistId: world.user.therapistB }), ['therapistId']);
    const r = await expectJson(await therapist.post('/api/requests', { beneficiaryId: b.id, referral: referralBody(), therapistId: world.user.therapistA2 }), 201);
    expect(r.therapist.id).toBe(world.user.therapistA2);
  });

  it('a therapist cannot refer another centre\'s beneficiary (404), and nothing is created', async () => {
    const b = await fresh(world.centreB);
    const before = await count();
    await expectError(await therapist.post('/api/requests', { beneficiaryId: b.id, referral: referralBody() }), 404);
    expect(await count()).toBe(before);
  });
});
