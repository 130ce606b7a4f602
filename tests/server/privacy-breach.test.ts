// The breach query (`npm run breach:affected`, docs/breach-report.md): run as the real CLI against
// a suite's database, it lists everyone whose data was read or exported in the window, with the
// contact details of them and their guardians, filtered by account or centre.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectJson } from '../helpers/api.ts';
import { adultBeneficiaryBody } from '../helpers/fixtures.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { EMAIL, loadWorld, type World } from '../helpers/world.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

let h: Harness;
let world: World;
let from: string;
let to: string;
let erasedId: string;

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'server/src/cli/breach-affected.ts', ...args], {
      cwd: root,
      env: { ...process.env, DATA_DIR: h.dir, LOG_LEVEL: 'silent' },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  h = await createHarness();
  world = await loadWorld(h);
  const [admin, therapistA, therapistB, managerA] = await Promise.all([
    h.as(EMAIL.admin), h.as(EMAIL.therapistA), h.as(EMAIL.therapistB), h.as(EMAIL.managerA),
  ]);
  // A read long before the window, which must not count.
  await h.db.prisma.auditLog.create({
    data: { at: new Date('2020-01-01T00:00:00Z'), action: 'beneficiary.read', entityType: 'Beneficiary', entityId: world.beneficiaryOf.familyB2, centreId: world.centreB },
  });
  from = new Date(Date.now() - 1000).toISOString();
  await expectJson(await therapistA.get(`/api/beneficiaries/${world.beneficiaryOf.familyA1}`));
  const requestA2 = await h.db.prisma.deviceRequest.findFirstOrThrow({ where: { beneficiaryId: world.beneficiaryOf.familyA2 } });
  await expectJson(await therapistA.get(`/api/requests/${requestA2.id}`));
  await expectJson(await therapistB.get(`/api/beneficiaries/${world.beneficiaryOf.familyB1}`));
  // Someone read, then erased: still listed, by id only.
  const gone = await expectJson(await therapistA.post('/api/beneficiaries', adultBeneficiaryBody({ fullName: 'Akan Dihapus Saja' })), 201);
  erasedId = gone.id;
  await expectJson(await managerA.get(`/api/beneficiaries/${erasedId}/export`));
  await expectJson(await therapistA.get(`/api/beneficiaries/${erasedId}`));
  await expectJson(await admin.post(`/api/beneficiaries/${erasedId}/erase`, { reason: 'Uji kueri pelanggaran data.', confirmName: 'Akan Dihapus Saja' }));
  to = new Date(Date.now() + 60_000).toISOString();
});
afterAll(() => h.close());

describe('breach:affected', () => {
  it('is an npm script', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.scripts['breach:affected']).toMatch(/server\/src\/cli\/breach-affected\.ts$/);
  });

  it('lists everyone read or exported in the window with their and their guardians\' contacts (JSON)', async () => {
    const { code, stdout, stderr } = await cli(['--from', from, '--to', to, '--format', 'json']);
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/read \d+ audit entries/);
    expect(stderr).toMatch(/4 affected people/);
    const out = JSON.parse(stdout);
    const byId = new Map(out.affected.map((p: { beneficiaryId: string }) => [p.beneficiaryId, p]));
    expect([...byId.keys()].sort()).toEqual([world.beneficiaryOf.familyA1, world.beneficiaryOf.familyA2, world.beneficiaryOf.familyB1, erasedId].sort());
    const a1 = byId.get(world.beneficiaryOf.familyA1) as any;
    const b1 = await h.db.prisma.beneficiary.findUniqueOrThrow({ where: { id: world.beneficiaryOf.familyA1 } });
    expect(a1).toMatchObject({ status: 'present', fullName: b1.fullName, phone: b1.phone, child: true, accesses: 1, actions: ['beneficiary.read'], actorIds: [world.user.therapistA] });
    expect(a1.guardians).toEqual([expect.objectContaining({ email: EMAIL.familyA1, relationship: expect.any(String) })]);
    expect((byId.get(world.beneficiaryOf.familyA2) as any).actions).toEqual(['request.read']);
    expect(byId.get(erasedId)).toMatchObject({ status: 'erased', fullName: null, guardians: [] });
    expect((byId.get(erasedId) as any).actions).toEqual(['beneficiary.export', 'beneficiary.read']);
  });

  it('narrows to one account or one centre', async () => {
    const byActor = JSON.parse((await cli(['--from', from, '--to', to, '--actor', world.user.therapistB, '--format', 'json'])).stdout);
    expect(byActor.affected.map((p: { beneficiaryId: string }) => p.beneficiaryId)).toEqual([world.beneficiaryOf.familyB1]);
    const byCentre = JSON.parse((await cli(['--from', from, '--to', to, '--centre', world.centreA, '--format', 'json'])).stdout);
    expect(byCentre.affected.map((p: { beneficiaryId: string }) => p.beneficiaryId).sort()).toEqual([world.beneficiaryOf.familyA1, world.beneficiaryOf.familyA2, erasedId].sort());
  });

  it('writes CSV by default, one row per person, phone numbers kept from running as formulas', async () => {
    const { code, stdout } = await cli(['--from', from, '--to', to, '--centre', world.centreB]);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\r\n');
    expect(lines[0]).toBe('beneficiaryId,status,fullName,child,centreCode,centreName,phone,address,city,guardians,accesses,firstAccessAt,lastAccessAt,actions,actorIds');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(world.beneficiaryOf.familyB1);
    expect(lines[1]).toContain(EMAIL.familyB1);
    expect(lines[1]).toMatch(/,'\+62 812/);
  });

  it('a window with nothing in it lists no one', async () => {
    const { code, stdout, stderr } = await cli(['--from', '2019-01-01', '--to', '2019-12-31', '--format', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).affected).toEqual([]);
    expect(stderr).toMatch(/0 affected people/);
  });

  it('refuses to run without a database rather than making an empty one', async () => {
    const { code, stderr } = await run(process.execPath, ['--import', 'tsx', 'server/src/cli/breach-affected.ts', '--from', '2026-01-01', '--to', '2026-01-02'], {
      cwd: root,
      env: { ...process.env, DATA_DIR: path.join(h.dir, 'nowhere'), LOG_LEVEL: 'silent' },
    }).then(() => ({ code: 0, stderr: '' }), (e: { code: number; stderr: string }) => e);
    expect(code).toBe(1);
    expect(stderr).toMatch(/no database at/);
    expect(fs.existsSync(path.join(h.dir, 'nowhere'))).toBe(false);
  });

  it.each([
    [['--from', '2026-01-01'], /--to/],
    [['--from', '2026-02-01', '--to', '2026-01-01'], /--from: must not be after --to/],
    [['--from', 'kemarin', '--to', '2026-01-01'], /--from/],
    [['--from', '2026-01-01', '--to', '2026-01-02', '--format', 'xml'], /--format/],
    [['--from', '2026-01-01', '--to', '2026-01-02', '--centre', 'DROP TABLE'], /--centre/],
    [['--from', '2026-01-01', '--to', '2026-01-02', '--bogus'], /Unknown option/],
  ])('%j exits 2 with the reason and the usage', async (args, reason) => {
    const { code, stdout, stderr } = await cli(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(reason);
    expect(stderr).toMatch(/usage: npm run breach:affected/);
  });

  // These read lists after the setup: run last, so their entries stay out of the tests above.
  it('counts everyone a list page showed (beneficiary.list keeps the ids it showed)', async () => {
    const listFrom = new Date(Date.now() - 1000).toISOString();
    const family = await h.as(EMAIL.familyA1);
    const listed = await expectJson(await family.get('/api/beneficiaries'));
    const listTo = new Date(Date.now() + 60_000).toISOString();
    const out = JSON.parse((await cli(['--from', listFrom, '--to', listTo, '--actor', world.user.familyA1, '--format', 'json'])).stdout);
    const shown = listed.items.map((b: { id: string }) => b.id).sort();
    expect(shown.length).toBeGreaterThan(0);
    expect(out.affected.map((p: { beneficiaryId: string }) => p.beneficiaryId).sort()).toEqual(shown);
    expect(out.affected.every((p: { actions: string[] }) => p.actions.join() === 'beneficiary.list')).toBe(true);
  });

  it('an admin\'s list page (no centre of its own) counts, for a centre, only for that centre\'s people', async () => {
    const listFrom = new Date(Date.now() - 1000).toISOString();
    const admin = await h.as(EMAIL.admin);
    const listed = await expectJson(await admin.get('/api/beneficiaries?limit=100'));
    const listTo = new Date(Date.now() + 60_000).toISOString();
    const args = ['--from', listFrom, '--to', listTo, '--actor', world.user.admin, '--format', 'json'];
    const inA = JSON.parse((await cli([...args, '--centre', world.centreA])).stdout).affected.map((p: { beneficiaryId: string }) => p.beneficiaryId).sort();
    const centreOf = new Map((await h.db.prisma.beneficiary.findMany({ select: { id: true, centreId: true } })).map((b) => [b.id, b.centreId]));
    const expected = listed.items.map((b: { id: string }) => b.id).filter((id: string) => centreOf.get(id) === world.centreA).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(listed.items.length); // the page held other centres' people too
    expect(inA).toEqual(expected);
  });
});
