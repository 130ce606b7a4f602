// Issue 13's first day at a real centre, through the HTTP API of the real server process with
// ATENSI_DEMO=0 and nothing pre-inserted: the first admin from the CLI, centres, staff and families
// by invitation, the catalogue, registers imported, a child's pathway to in_use, the chair returned,
// refurbished and re-issued to another family's child, a transfer, and the 409s of a busy chair.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { birthDateForAge, expectError, expectJson, isoDay } from '../helpers/api.ts';
import type { Client } from '../helpers/harness.ts';
import { runNpm } from '../helpers/process.ts';
import { startLiveServer, type LiveServer } from '../helpers/live-server.ts';
import { chairRegister, ELECTRIC, MANUAL, peopleRegister, type RegisterChair, type RegisterPerson } from '../helpers/first-day-registers.ts';
import { prepareToInUse, referToOrdered, refurbish, type Prescribed, type Team } from '../helpers/first-day-steps.ts';

let live: LiveServer;
beforeAll(async () => {
  live = await startLiveServer();
});
afterAll(() => live?.close());

// What each step leaves for the next ones (the steps run in order, as a day does).
const s = {} as {
  admin: Client; manager: Client; therapist: Client; technician: Client; family1: Client; family2: Client; managerB: Client;
  technicianId: string; family1Id: string; family2Id: string; centreA: { id: string; code: string }; centreB: { id: string; code: string };
  manualId: string; electricId: string; chairs: RegisterChair[]; people: RegisterPerson[];
  child1: { id: string; name: string; nik: string }; chairId: string; transitId: string; repairWorkOrderId: string; reportId: string; };
const prescribed = (): Prescribed => ({ modelId: s.manualId, seatWidthMm: 380, seatDepthMm: 400 });
const team = (): Team => ({ therapist: s.therapist, manager: s.manager });
const passwordOf = (who: string) => `kursi roda ${who} jalan pagi 2026`;
const devicesFor = async (c: Client) => expectJson<{ items: { id: string; serial: string; status: string }[]; total: number }>(await c.get('/api/devices?limit=200'));
const deviceIdOf = async (serial: string) => {
  const list = await expectJson<{ items: { id: string; serial: string }[] }>(await s.admin.get(`/api/devices?q=${encodeURIComponent(serial)}`));
  return list.items.find((d) => d.serial === serial)!.id;
};
const statusOf = async (deviceId: string) => (await expectJson<{ status: string }>(await s.admin.get(`/api/devices/${deviceId}`))).status;

describe('the first day at a new centre, without demo data', () => {
  // Steps 1 and 3 hash passwords at the server's real cost (about 0.3 s each on an idle machine).
  it('1. the first admin comes from `npm run admin:create`, and signs in', { timeout: 180_000 }, async () => {
    expect((await live.anonymous().post('/api/auth/login', { email: 'admin@demo.atensi.id', password: 'anything-at-all' })).status).toBe(401);
    const created = await runNpm('admin:create', ['--email', 'kepala@kemensos.example', '--name', 'Kepala Program', '--password-stdin'], live.env, `${passwordOf('admin')}\n`);
    expect(created.code, created.out).toBe(0);
    s.admin = await live.signIn('kepala@kemensos.example', passwordOf('admin'));
    const me = await expectJson<{ role: string; name: string }>(await s.admin.get('/api/me'));
    expect(me).toMatchObject({ role: 'admin', name: 'Kepala Program' });
    // Nothing else exists yet: no centre, no catalogue, no chair.
    expect((await expectJson<unknown[] | { items: unknown[] }>(await s.admin.get('/api/centres')))).toSatisfy((b) => (Array.isArray(b) ? b : b.items).length === 0);
    expect((await expectJson<{ items: unknown[] }>(await s.admin.get('/api/device-models'))).items).toHaveLength(0);
    expect((await devicesFor(s.admin)).total).toBe(0);
  });

  it('2. a centre is added by hand and the programme\'s list is loaded', async () => {
    s.centreA = await expectJson(await s.admin.post('/api/centres', { code: 'LKS-CAHAYA-SOLO', name: 'LKS Cahaya Surakarta', city: 'Surakarta', province: 'Jawa Tengah' }), 201);
    const loaded = await expectJson<{ created: number; items: { id: string; code: string }[] }>(await s.admin.post('/api/centres/load-programme'));
    expect(loaded.created).toBeGreaterThan(1);
    s.centreB = loaded.items.find((c) => c.code === 'BBD-KARTINI')!;
    expect(s.centreB).toBeTruthy();
    expect((await expectJson<{ created: number }>(await s.admin.post('/api/centres/load-programme'))).created).toBe(0);
  });

  it('3. staff and families are invited, accept their links, set their own passwords and sign in', { timeout: 180_000 }, async () => {
    const invite = async (by: Client, body: Record<string, unknown>) =>
      expectJson<{ user: { id: string }; invitation: { path: string } }>(await by.post('/api/users', body), 201);
    const join = async (by: Client, email: string, name: string, role: string, centreId?: string) => {
      const { user, invitation } = await invite(by, { email, name, role, ...(centreId ? { centreId } : {}) });
      // Accepting sets the person's own password and signs them in (each hash costs a deliberate ~0.3 s,
      // so the separate sign-in with that password is shown once, for the first manager, below).
      const accepted = await live.acceptInvitation(invitation.path, passwordOf(email));
      expect(accepted.invitedAs).toMatchObject({ name, role });
      expect((await expectJson<{ email: string }>(await accepted.get('/api/me'))).email).toBe(email);
      return { id: user.id, client: accepted as Client };
    };
    const first = await expectJson<{ invitation: { path: string } }>(
      await s.admin.post('/api/users', { email: 'manajer@cahaya.example', name: 'Rina Manajer', role: 'manager', centreId: s.centreA.id }), 201);
    // No one types a password for someone else: the account has none until its person sets it.
    expect((await live.anonymous().post('/api/auth/login', { email: 'manajer@cahaya.example', password: passwordOf('manajer@cahaya.example') })).status).toBe(401);
    await live.acceptInvitation(first.invitation.path, passwordOf('manajer@cahaya.example'));
    s.manager = await live.signIn('manajer@cahaya.example', passwordOf('manajer@cahaya.example'));
    s.managerB = (await join(s.admin, 'manajer@kartini.example', 'Tono Manajer', 'manager', s.centreB.id)).client;
    // The manager invites their own team; a manager may not invite another manager.
    expect((await s.manager.post('/api/users', { email: 'x@cahaya.example', name: 'X', role: 'manager', centreId: s.centreA.id })).status).toBe(403);
    s.therapist = (await join(s.manager, 'terapis@cahaya.example', 'Dian Terapis', 'therapist', s.centreA.id)).client;
    const tech = await join(s.manager, 'teknisi@cahaya.example', 'Joko Teknisi', 'technician', s.centreA.id);
    [s.technician, s.technicianId] = [tech.client, tech.id];
    const f1 = await join(s.manager, 'ibu.putri@keluarga.example', 'Ibu Sri (wali Putri)', 'family');
    const f2 = await join(s.manager, 'bapak.bima@keluarga.example', 'Bapak Hadi (wali Bima)', 'family');
    [s.family1, s.family1Id, s.family2, s.family2Id] = [f1.client, f1.id, f2.client, f2.id];
  });

  it('4. the admin writes the catalogue: a manual adaptive model and an electric one with its thresholds', async () => {
    const base = { pelvicBelt: true, lateralSupports: true, headSupport: true, tiltInSpace: false };
    const manual = { ...MANUAL, ...base, kind: 'manual_adaptive', isoCode: '12 22 03', serviceIntervalMonths: 6 };
    expect((await s.therapist.post('/api/device-models', manual)).status).toBe(403);
    s.manualId = (await expectJson<{ id: string }>(await s.admin.post('/api/device-models', manual), 201)).id;
    const thresholds = { wearCapacityPct: 65, wearClearCapacityPct: 70, overTempC: 55, overTempClearC: 50 };
    s.electricId = (await expectJson<{ id: string }>(await s.admin.post('/api/device-models', {
      ...ELECTRIC, ...base, kind: 'electric', isoCode: '122306', batteryChemistry: 'lifepo4', ratedAh: 50, ratedCycles: 2000, serviceIntervalMonths: 12, serviceIntervalKm: 1500, thresholds,
    }), 201)).id;
    const electric = await expectJson<{ isoCode: string; thresholds: unknown }>(await s.therapist.get(`/api/device-models/${s.electricId}`));
    expect(electric).toMatchObject({ isoCode: '12 23 06', thresholds });
    expect((await expectJson<{ items: unknown[] }>(await s.technician.get('/api/device-models'))).items).toHaveLength(2);
  });

  it('5. 200 chairs and 100 people are imported from semicolon CSV files with a BOM: dry run, real run, the same file again', async () => {
    const register = chairRegister(s.centreA.code, s.centreB.code);
    s.chairs = register.chairs;
    const importAs = async (c: Client, kind: string, file: string, dryRun: boolean) =>
      expectJson<{ applied: boolean; counts: Record<string, number>; rows: { outcome: string }[] }>(
        await c.request('POST', `/api/imports/${kind}?dryRun=${dryRun}`, file, { 'content-type': 'text/csv; charset=utf-8' }));
    const dry = await importAs(s.admin, 'devices', register.file, true);
    expect(dry.rows.filter((r) => r.outcome !== 'created')).toEqual([]);
    expect(dry).toMatchObject({ applied: false, counts: { created: 200, refused: 0 } });
    expect((await devicesFor(s.admin)).total).toBe(0);
    expect(await importAs(s.admin, 'devices', register.file, false)).toMatchObject({ applied: true, counts: { created: 200, refused: 0 } });
    expect((await devicesFor(s.admin)).total).toBe(200);
    expect(await importAs(s.admin, 'devices', register.file, false)).toMatchObject({ counts: { created: 0, updated: 0, unchanged: 200 } });
    expect((await devicesFor(s.manager)).total).toBe(140);
    expect((await devicesFor(s.managerB)).total).toBe(60);
    const stock = await expectJson<{ rows: unknown[]; totals: Record<string, number> }>(await s.manager.get('/api/stock'));
    expect(stock.totals.in_stock).toBe(140);
    expect(stock.rows).toHaveLength(MANUAL.sizes.length + ELECTRIC.sizes.length);

    // Ten people of the register already have a chair: the manual chairs of centre A of size 300 × 300.
    const owned = s.chairs.filter((c) => c.centreCode === s.centreA.code && c.kind === 'manual' && c.seatWidthMm === 300).slice(0, 10).map((c) => c.serial);
    const people = peopleRegister(s.centreA.code, owned);
    s.people = people.people;
    const dryPeople = await importAs(s.therapist, 'beneficiaries', people.file, true);
    expect(dryPeople).toMatchObject({ applied: false, counts: { created: 100, refused: 0 } });
    expect((await expectJson<{ total: number }>(await s.therapist.get('/api/beneficiaries'))).total).toBe(0);
    expect(await importAs(s.therapist, 'beneficiaries', people.file, false)).toMatchObject({ applied: true, counts: { created: 100 } });
    expect((await expectJson<{ total: number }>(await s.therapist.get('/api/beneficiaries'))).total).toBe(100);
    expect(await importAs(s.therapist, 'beneficiaries', people.file, false)).toMatchObject({ counts: { created: 0, updated: 0, unchanged: 100 } });
    expect(await statusOf(await deviceIdOf(owned[0]!))).toBe('in_use');
  });

  it('6. the therapist registers a child with the guardian\'s consent; the admin links the family account', async () => {
    const birthDate = birthDateForAge(7);
    const [y, m, d] = birthDate.split('-');
    const nik = `337205${Number(d) + 40}${m}${y!.slice(2)}0001`; // a girl's NIK: 40 added to her birth day
    const child = await expectJson<{ id: string; fullName: string }>(await s.therapist.post('/api/beneficiaries', {
      fullName: 'Putri Ayu Lestari', nik, birthDate, sex: 'female', address: 'Jl. Kenanga No. 7, Laweyan', city: 'Surakarta', diagnosis: 'cp',
      consent: { givenBy: 'guardian', guardianName: 'Sri Wahyuni', guardianRelationship: 'mother', purposes: ['service', 'health_data'], method: 'written', givenAt: isoDay(0) },
    }), 201);
    s.child1 = { id: child.id, name: child.fullName, nik };
    await expectJson(await s.admin.post(`/api/users/${s.family1Id}/family-links`, { beneficiaryId: child.id, relationship: 'parent' }), 201);
    const mine = await expectJson<{ items: { id: string }[] }>(await s.family1.get('/api/beneficiaries'));
    expect(mine.items.map((b) => b.id)).toEqual([child.id]);
  });

  it('7. the child goes through the pathway to in_use, each step by its role; the family sees the chair', async () => {
    const { requestId, stockDevices } = await referToOrdered(team(), s.child1.id, prescribed());
    const fitting = s.chairs.filter((c) => c.centreCode === s.centreA.code && c.kind === 'manual' && c.seatWidthMm === 380);
    expect(stockDevices.length).toBe(fitting.length);
    s.chairId = stockDevices[0]!.id;
    await prepareToInUse(team(), requestId, s.chairId);
    expect(await statusOf(s.chairId)).toBe('in_use');
    const seen = await devicesFor(s.family1);
    expect(seen.items.map((d) => d.id)).toEqual([s.chairId]);
    const history = await expectJson<{ items: { kind: string }[] }>(await s.family1.get(`/api/devices/${s.chairId}/history`));
    expect(history.items.map((e) => e.kind)).toEqual(expect.arrayContaining(['reserved', 'issued']));
    // The family reports loose brakes; the technician turns the report into a work order.
    const report = await expectJson<{ id: string }>(await s.family1.post('/api/reports', {
      beneficiaryId: s.child1.id, category: 'brakes', description: 'Rem kiri longgar, Putri hampir jatuh.', clientRequestId: randomUUID(),
    }), 201);
    s.reportId = report.id;
    await expectJson(await s.technician.post(`/api/reports/${report.id}/triage`, { outcome: 'work_order' }));
    const wos = await expectJson<{ items: { id: string; kind: string; deviceId: string }[] }>(await s.family1.get('/api/work-orders'));
    expect(wos.items.map((w) => w.deviceId)).toEqual([s.chairId]);
    s.repairWorkOrderId = wos.items[0]!.id;
  });

  it('8. the chair comes back outgrown, is refurbished and re-issued to another family\'s child, whose family sees nothing of the first', async () => {
    await expectJson(await s.therapist.post(`/api/devices/${s.chairId}/return`, { reason: 'outgrown', condition: 'good', notes: 'Putri sudah tumbuh.' }));
    expect(await statusOf(s.chairId)).toBe('refurbishing');
    // The old family no longer sees the chair, its state and telemetry, or its history.
    expect((await devicesFor(s.family1)).items).toEqual([]);
    await expectError(await s.family1.get(`/api/devices/${s.chairId}`), 404);
    await expectError(await s.family1.get(`/api/devices/${s.chairId}/history`), 404);
    expect((await s.family1.get(`/api/devices/${s.chairId}/telemetry?from=${isoDay(-1)}&to=${isoDay(0)}`)).status).toBe(403);
    await refurbish(s.technician, s.technicianId, s.chairId);
    expect(await statusOf(s.chairId)).toBe('in_stock');

    // The pathway helper assesses for CP: the next children come from the register's CP rows.
    const next = s.people.find((p) => p.child && p.diagnosis === 'cp' && !p.chairSerial)!;
    const child2 = (await expectJson<{ items: { id: string }[] }>(await s.therapist.get(`/api/beneficiaries?q=${encodeURIComponent(next.fullName)}`))).items[0]!;
    await expectJson(await s.admin.post(`/api/users/${s.family2Id}/family-links`, { beneficiaryId: child2.id, relationship: 'guardian' }), 201);
    const { requestId, stockDevices } = await referToOrdered(team(), child2.id, prescribed());
    expect(stockDevices.map((d) => d.id)).toContain(s.chairId);
    await prepareToInUse(team(), requestId, s.chairId);
    expect(await statusOf(s.chairId)).toBe('in_use');

    // The new family sees the chair, and nothing of the first child: name, NIK, guardian, report or work order.
    expect((await devicesFor(s.family2)).items.map((d) => d.id)).toEqual([s.chairId]);
    const firstChild = [s.child1.id, s.child1.name, s.child1.nik, 'Sri Wahyuni', 'Rem kiri longgar', s.reportId, s.repairWorkOrderId];
    for (const url of [`/api/devices/${s.chairId}`, `/api/devices/${s.chairId}/history`, '/api/devices', '/api/reports', '/api/work-orders?status=all', '/api/beneficiaries']) {
      const shown = await (await s.family2.get(url)).text();
      for (const secret of firstChild) expect(shown, `${url} shows ${secret}`).not.toContain(secret);
    }
    await expectError(await s.family2.get(`/api/work-orders/${s.repairWorkOrderId}`), 404);
    await expectError(await s.family2.get(`/api/reports/${s.reportId}`), 404);
    expect((await expectJson<{ items: unknown[] }>(await s.family2.get(`/api/devices/${s.chairId}/history`))).items.length).toBeGreaterThan(0);

    // Staff see the chair's whole life: both users, the return, the refurbishment, the repair.
    const all = await expectJson<{ items: { kind: string; beneficiary: { id: string } | null }[] }>(await s.manager.get(`/api/devices/${s.chairId}/history`));
    const kinds = all.items.map((e) => e.kind).reverse();
    expect(kinds.filter((k) => k === 'issued')).toHaveLength(2);
    expect(kinds).toEqual(expect.arrayContaining(['received', 'reserved', 'issued', 'work_order', 'returned', 'refurbished']));
    expect(kinds.indexOf('returned')).toBeLessThan(kinds.lastIndexOf('issued'));
    expect(new Set(all.items.map((e) => e.beneficiary?.id).filter(Boolean))).toEqual(new Set([s.child1.id, child2.id]));
  });

  it('9. a chair sent to the second centre is seen by both while in transit, then only by the second', async () => {
    const chair = s.chairs.find((c) => c.centreCode === s.centreA.code && c.kind === 'manual' && c.seatWidthMm === 340)!;
    s.transitId = await deviceIdOf(chair.serial);
    const targets = await expectJson<{ items: { id: string }[] }>(await s.technician.get('/api/transfer-targets'));
    expect(targets.items.map((t) => t.id)).toContain(s.centreB.id);
    expect(targets.items.map((t) => t.id)).not.toContain(s.centreA.id);
    await expectJson(await s.technician.post(`/api/devices/${s.transitId}/transfer`, { toCentreId: s.centreB.id, note: 'Dipinjamkan ke Kartini.' }));
    for (const staff of [s.manager, s.technician, s.managerB]) {
      expect((await expectJson<{ status: string }>(await staff.get(`/api/devices/${s.transitId}`))).status).toBe('in_transit');
    }
    expect((await devicesFor(s.managerB)).items.map((d) => d.id)).toContain(s.transitId);
    await expectError(await s.manager.post(`/api/devices/${s.transitId}/receive`, {}), 403);
    await expectJson(await s.managerB.post(`/api/devices/${s.transitId}/receive`, { note: 'Diterima baik.' }));
    expect((await expectJson<{ status: string; centreId: string }>(await s.managerB.get(`/api/devices/${s.transitId}`)))).toMatchObject({ status: 'in_stock', centreId: s.centreB.id });
    await expectError(await s.manager.get(`/api/devices/${s.transitId}`), 404);
    await expectError(await s.technician.get(`/api/devices/${s.transitId}/history`), 404);
    expect((await devicesFor(s.manager)).items.map((d) => d.id)).not.toContain(s.transitId);
  });

  it('10. a chair that is reserved, in use, in transit or retired cannot be issued, lent or sent again: 409', async () => {
    const spare = s.chairs.filter((c) => c.centreCode === s.centreA.code && c.kind === 'manual' && c.seatWidthMm === 380);
    const spareIds = (await Promise.all(spare.slice(0, 4).map((c) => deviceIdOf(c.serial)))).filter((id) => id !== s.chairId);
    const [reservedId, transitId, retiredId] = spareIds as [string, string, string];
    const [p3, p4] = s.people.filter((p) => p.diagnosis === 'cp' && !p.chairSerial).slice(-2);
    const idOf = async (p: RegisterPerson) => (await expectJson<{ items: { id: string }[] }>(await s.therapist.get(`/api/beneficiaries?q=${encodeURIComponent(p!.fullName)}`))).items[0]!.id;
    const [b3, b4] = [await idOf(p3!), await idOf(p4!)];
    // A chair reserved for one person's request (prepared, not yet handed over)...
    const third = await referToOrdered(team(), b3, prescribed());
    await expectJson(await s.therapist.post(`/api/requests/${third.requestId}/transitions`, { to: 'prepared', deviceId: reservedId }));
    // ...one on its way to the other centre, one written off, and the re-issued one in use.
    await expectJson(await s.technician.post(`/api/devices/${transitId}/transfer`, { toCentreId: s.centreB.id }));
    await expectJson(await s.technician.post(`/api/devices/${retiredId}/retire`, { reason: 'beyond_repair', notes: 'Rangka retak.' }));
    const fourth = await referToOrdered(team(), b4, prescribed());
    for (const [state, id] of [['reserved', reservedId], ['in_use', s.chairId], ['in_transit', transitId], ['retired', retiredId]] as const) {
      expect(await statusOf(id)).toBe(state);
      const issue = await expectError(await s.therapist.post(`/api/requests/${fourth.requestId}/transitions`, { to: 'prepared', deviceId: id }), 409);
      expect(issue.message).toContain(state.replace('_', ' '));
      await expectError(await s.technician.post(`/api/devices/${id}/loan`, { beneficiaryId: b4, dueAt: isoDay(30) }), 409);
      await expectError(await s.technician.post(`/api/devices/${id}/transfer`, { toCentreId: s.centreB.id }), 409);
      expect(await statusOf(id)).toBe(state);
    }
    // The fourth person still gets a chair in stock: nothing of the refusals stuck.
    const request = await expectJson<{ state: string; deviceId: string | null }>(await s.therapist.get(`/api/requests/${fourth.requestId}`));
    expect(request).toMatchObject({ state: 'ordered' });
  });
});
