// One child with CP and hydrocephalus from referral to an electric chair in use, through the API as
// the therapist and the centre manager would do it: profiles updated at assessment, sizing,
// funding, MQTT credentials shown once, a refit, training, delivery and the follow-ups it schedules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyDeviceSecret } from '../../core/devices/credentials.ts';
import { addMonths } from '../../server/src/requests/follow-up-schedule.ts';
import { expectError, expectInvalid, expectJson, isoDay, quickSession } from '../helpers/api.ts';
import { childBeneficiaryBody, guardianConsentBody } from '../helpers/fixtures.ts';
import { type Client, createHarness, type Harness } from '../helpers/harness.ts';
import { assessBody, cpBlock, hydroBlock, localDay, measurementsBody, modelId, newSerial, referralBody } from '../helpers/pathway.ts';
import { EMAIL, loadWorld, type World } from '../helpers/world.ts';

let h: Harness;
let world: World;
let therapist: Client;
let manager: Client;
let id: string;
let beneficiaryId: string;
let secret: string;
let deviceId: string;

beforeAll(async () => {
  h = await createHarness();
  world = await loadWorld(h);
  [therapist, manager] = await Promise.all([quickSession(h, EMAIL.therapistA), quickSession(h, EMAIL.managerA)]);
  const b = await expectJson(
    await therapist.post('/api/beneficiaries', childBeneficiaryBody({ fullName: 'Tegar Jalur Lengkap', diagnosis: 'both', consent: guardianConsentBody({ purposes: ['service', 'health_data', 'telemetry'] }) })),
    201,
  );
  beneficiaryId = b.id;
});
afterAll(() => h.close());

const move = (c: Client, body: Record<string, unknown>) => c.post(`/api/requests/${id}/transitions`, body);
const child = { hipWidthMm: 310, seatDepthLeftMm: 370, seatDepthRightMm: 365, calfLengthLeftMm: 300, calfLengthRightMm: 300, seatToRibCageMm: 250, seatToShoulderMm: 400, seatToOcciputMm: 560 };

describe('a child from referral to an electric chair in use', () => {
  it('1. referral: a new request in state referred, with the appointment, kept on the timeline', async () => {
    const appointmentAt = `${isoDay(2)}T02:00:00.000Z`;
    const r = await expectJson(await therapist.post('/api/requests', { beneficiaryId, referral: referralBody({ source: 'school', priority: 'priority', appointmentType: 'home_visit', appointmentAt }) }), 201);
    id = r.id;
    expect(r).toMatchObject({ state: 'referred', appointmentAt, appointmentType: 'home_visit', priority: 'priority', therapist: { id: world.user.therapistA } });
    expect(r.referral).toMatchObject({ source: 'school', appointmentType: 'home_visit' });
    expect(r.timeline).toEqual([expect.objectContaining({ from: null, to: 'referred', by: { id: world.user.therapistA, name: 'Ratna Kusuma' } })]);
    expect(r.allowedTransitions).toEqual(['assessed']);
    // A second referral says why, machine-readably, and which request to continue instead.
    const duplicate = await expectError(await therapist.post('/api/requests', { beneficiaryId, referral: referralBody() }), 409);
    expect(duplicate.details).toEqual({ reason: 'open_request_exists', openRequestId: id });
  });

  it('2. sizing before assessment is 409; the assessment updates the CP and hydrocephalus profiles', async () => {
    await expectError(await therapist.get(`/api/requests/${id}/sizing`), 409);
    const hydro = { ...hydroBlock, shuntSide: 'left', occiputSkinRisk: 'high' };
    const body = assessBody({ measurements: measurementsBody(child), cp: { ...cpBlock, gmfcs: 4 }, hydrocephalus: hydro, pressureInjuryRisk: 'high', diagnosisSummary: 'CP kuadriplegia spastik dengan shunt VP kiri.' });
    const r = await expectJson(await move(therapist, body));
    expect(r.request.state).toBe('assessed');
    expect(r.request.assessment).toMatchObject({ pressureInjuryRisk: 'high', measurements: { ...child }, assessedBy: { id: world.user.therapistA } });
    const b = await expectJson(await therapist.get(`/api/beneficiaries/${beneficiaryId}`));
    expect(b.cpProfile).toMatchObject({ gmfcs: 4, type: 'spastic', distribution: 'quadriplegia', tone: 'hypertonic', sittingLevel: 'propped', pelvicPosition: 'miring ke belakang' });
    expect(b.hydrocephalusProfile).toMatchObject({ shuntPresent: true, shuntSide: 'left', occiputSkinRisk: 'high', headSupport: 'sandaran kepala berkontur' });
    expect(b.diagnosisNotes).toBe('CP kuadriplegia spastik dengan shunt VP kiri.');
  });

  it('3. the sizing helper targets A and shorter B − 30–50 mm, ranks catalogue sizes and suggests supports', async () => {
    const s = await expectJson(await therapist.get(`/api/requests/${id}/sizing?kind=electric`));
    expect(s.target).toEqual({ seatWidthMm: 310, seatDepthMinMm: 315, seatDepthMaxMm: 335 });
    expect(s.matches[0]).toMatchObject({ modelName: 'Junior Tilt Power', seatWidthMm: 320, seatDepthMm: 320, fit: 'good', missingSupports: [] });
    expect(s.matches.every((m: { kind: string }) => m.kind === 'electric')).toBe(true);
    expect(s.suggested).toEqual({ pelvicBelt: true, lateralSupports: true, headSupport: true, tiltInSpace: false, cushion: 'air' });
    expect(s.models.length).toBeGreaterThanOrEqual(6);
  });

  it('4. prescription of a catalogue size; a size or support the model lacks is 422', async () => {
    const base = { to: 'prescribed', modelId: await modelId(h, 'Junior Tilt Power'), seatWidthMm: 320, seatDepthMm: 320, pelvicBelt: true, lateralSupports: true, headSupport: true, tiltInSpace: true, cushion: 'air' };
    const noSize = await expectInvalid(await move(therapist, { ...base, seatWidthMm: 330 }), ['seatWidthMm']);
    expect(noSize[0]!.code).toBe('size_not_in_catalogue');
    const roughTerrain = await modelId(h, 'Rough Terrain');
    expect((await expectInvalid(await move(therapist, { ...base, modelId: roughTerrain, seatWidthMm: 340, seatDepthMm: 360 }), ['lateralSupports']))[0]!.code).toBe('feature_unavailable');
    const r = await expectJson(await move(therapist, base));
    expect(r.request.prescription).toMatchObject({ model: { name: 'Junior Tilt Power', kind: 'electric' }, seatWidthMm: 320, tiltInSpace: true, cushion: 'air' });
    expect(r.warnings).toEqual([]);
  });

  it('5. funding: the therapist may not approve (403); the manager approves', async () => {
    await expectError(await move(therapist, { to: 'approved', fundingSource: 'ATENSI' }), 403);
    const r = await expectJson(await move(manager, { to: 'approved', fundingSource: 'ATENSI 2026', note: 'Prioritas: risiko luka tekan tinggi.' }));
    expect(r.request.funding).toEqual([expect.objectContaining({ decision: 'approved', fundingSource: 'ATENSI 2026', decidedBy: { id: world.user.managerA, name: 'Kepala Balai Bekasi' } })]);
  });

  it('6. ordering from a supplier needs the supplier, and an expected date not before the approval', async () => {
    await expectInvalid(await move(therapist, { to: 'ordered', orderSource: 'supplier', expectedAt: isoDay(20) }), ['supplier']);
    expect((await expectInvalid(await move(therapist, { to: 'ordered', orderSource: 'supplier', supplier: 'PT Kursi Roda', expectedAt: isoDay(-3) }), ['expectedAt']))[0]!.code).toBe('date_order');
    const r = await expectJson(await move(therapist, { to: 'ordered', orderSource: 'supplier', supplier: 'PT Kaiyang Indonesia', expectedAt: isoDay(20) }));
    expect(r.request).toMatchObject({ state: 'ordered', orderSource: 'supplier', supplier: 'PT Kaiyang Indonesia', expectedAt: isoDay(20) });
  });

  it('7. preparation registers the serial, assigns the chair and shows its MQTT secret once; only the hash is stored', async () => {
    const serial = newSerial();
    const res = await move(therapist, { to: 'prepared', serial: serial.toLowerCase() });
    expect(res.headers.get('cache-control')).toBe('no-store');
    const r = await expectJson(res);
    deviceId = r.request.device.id;
    secret = r.credentials.secret;
    expect(r.request.device).toMatchObject({ serial, kind: 'electric', status: 'reserved' });
    expect(r.credentials).toEqual({ deviceId, username: deviceId, secret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    const device = await h.db.prisma.device.findUniqueOrThrow({ where: { id: deviceId } });
    expect(device).toMatchObject({ beneficiaryId, status: 'reserved', seatWidthMm: 320, seatDepthMm: 320 });
    expect(verifyDeviceSecret(secret, device.mqttSecretHash)).toBe(true);
    expect(JSON.stringify(device)).not.toContain(secret);
    const again = await (await therapist.get(`/api/requests/${id}`)).text();
    expect(again).not.toContain(secret);
    expect(again).not.toContain('credentials');
    const audit = await h.db.prisma.auditLog.findMany({ where: { entityId: id } });
    expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it('8. a fitting that finds a pressure problem sends the chair back for a refit; training waits for a good fitting', async () => {
    const r = await expectJson(await move(therapist, { to: 'fitted', sizeOk: true, postureOk: true, pressureOk: false, movementOk: true, adjustments: 'Bantalan oksiput terlalu keras.' }));
    expect(r.request.fittings.at(-1)).toMatchObject({ outcome: 'refit_needed', pressureOk: false });
    expect(r.request.allowedTransitions).toEqual(['trained', 'prepared']);
    const early = await expectError(await move(therapist, { to: 'trained', trainee: 'caregiver', transfers: true, mobility: true, pressureRelief: true, careMaintenance: true, batteryCharging: true, whoToContact: true }), 409);
    expect(early.details).toEqual({ reason: 'refit_needed' });
    await expectInvalid(await move(therapist, { to: 'prepared' }), ['note']);
    await expectInvalid(await move(therapist, { to: 'prepared', serial: newSerial(), note: 'ganti' }), ['serial']);
    const refit = await expectJson(await move(therapist, { to: 'prepared', note: 'Ganti bantalan oksiput dengan gel, jauhkan dari katup shunt.' }));
    expect(refit.request.state).toBe('prepared');
    expect(refit.request.device.id).toBe(deviceId);
    expect(refit.credentials).toBeUndefined();
    const ok = await expectJson(await move(therapist, { to: 'fitted', sizeOk: true, postureOk: true, pressureOk: true, movementOk: true }));
    expect(ok.request.fittings.map((f: { outcome: string }) => f.outcome)).toEqual(['refit_needed', 'ok']);
  });

  it('9. training must cover every topic, battery charging too for an electric chair', async () => {
    const all = { to: 'trained', trainee: 'both', transfers: true, mobility: true, pressureRelief: true, careMaintenance: true, batteryCharging: true, whoToContact: true };
    const issues = await expectInvalid(await move(therapist, { ...all, batteryCharging: false, whoToContact: false }), ['batteryCharging']);
    expect(issues.map((i) => i.path[0]).sort()).toEqual(['batteryCharging', 'whoToContact']);
    expect(issues.every((i) => i.code === 'training_incomplete')).toBe(true);
    expect((await expectJson(await move(therapist, all))).request.state).toBe('trained');
  });

  it('10. delivery puts the chair in use and schedules a priority follow-up in a month (high pressure risk)', async () => {
    await expectInvalid(await move(therapist, { to: 'in_use', deliveredAt: isoDay(2) }), ['deliveredAt']);
    await expectInvalid(await move(therapist, { to: 'in_use', deliveredAt: isoDay(-30) }), ['deliveredAt']);
    const r = await expectJson(await move(therapist, { to: 'in_use' }));
    expect(r.request).toMatchObject({ state: 'in_use', deliveredAt: localDay(0), allowedTransitions: [] });
    expect((await h.db.prisma.device.findUniqueOrThrow({ where: { id: deviceId } })).status).toBe('in_use');
    expect(r.request.followUps).toEqual([expect.objectContaining({ kind: 'priority', completedAt: null, dueAt: addMonths(new Date(`${localDay(0)}T00:00:00Z`), 1).toISOString() })]);
    expect(r.request.timeline.map((t: { to: string }) => t.to)).toEqual(['referred', 'assessed', 'prescribed', 'approved', 'ordered', 'prepared', 'fitted', 'prepared', 'fitted', 'trained', 'in_use']);
    const refit = r.request.timeline[7];
    expect(refit).toMatchObject({ from: 'fitted', to: 'prepared', note: 'Ganti bantalan oksiput dengan gel, jauhkan dari katup shunt.' });
    expect(r.request.timeline[3].by.id).toBe(world.user.managerA);
  });

  it('11. the follow-up is on the therapist\'s worklist; recording it schedules a growth review for the child', async () => {
    const w = await expectJson(await therapist.get('/api/worklist'));
    const f = w.followUps.find((x: { requestId: string }) => x.requestId === id);
    expect(f).toMatchObject({ kind: 'priority', overdue: false, beneficiary: { id: beneficiaryId, fullName: 'Tegar Jalur Lengkap' } });
    expect(w.byStep.flatMap((g: { items: { id: string }[] }) => g.items.map((x) => x.id))).not.toContain(id);
    await expectInvalid(await therapist.post(`/api/follow-ups/${f.id}/complete`, { completedAt: isoDay(-2), findings: 'x', pressureInjuryRisk: 'low', fitOk: true }), ['completedAt']);
    const done = await expectJson(await therapist.post(`/api/follow-ups/${f.id}/complete`, { findings: 'Kulit oksiput baik; kursi masih pas.', pressureInjuryRisk: 'low', fitOk: true }));
    expect(done.followUp).toMatchObject({ completedAt: `${localDay(0)}T00:00:00.000Z`, findings: 'Kulit oksiput baik; kursi masih pas.', fitOk: true });
    expect(done.next).toMatchObject({ kind: 'growth_review', dueAt: addMonths(new Date(`${localDay(0)}T00:00:00Z`), 6).toISOString() });
    await expectError(await therapist.post(`/api/follow-ups/${f.id}/complete`, { findings: 'lagi', pressureInjuryRisk: 'low', fitOk: true }), 409);
  });
});
