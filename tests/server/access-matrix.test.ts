// Who may do what to whose objects: the role × route matrix (rows in ./access/), the lists each role
// sees, and the view of a beneficiary each role gets. A route without matrix rows fails this suite:
// to add one, write its rows in ./access/<feature>.rows.ts (see tests/helpers/access-matrix.ts) and
// spread them into `allRows` in ./access/all.rows.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles } from '../../schemas/common.ts';
import {
  type ActorKey,
  contradictions,
  documentedOperations,
  type DocumentedOperation,
  rowName,
  runRow,
  signInActors,
} from '../helpers/access-matrix.ts';
import { expectError, expectJson } from '../helpers/api.ts';
import type { Client, Harness } from '../helpers/harness.ts';
import { createHarness } from '../helpers/harness.ts';
import { loadWorld, type World } from '../helpers/world.ts';
import { allRows } from './access/all.rows.ts';
import publishedOperations from './openapi-operations.json' with { type: 'json' };

const rows = allRows;

let h: Harness;
let world: World;
let as: Record<ActorKey, Client>;
let ops: DocumentedOperation[];

beforeAll(async () => {
  h = await createHarness();
  world = await loadWorld(h);
  as = await signInActors(h);
  ops = documentedOperations(await expectJson(await h.anonymous().get('/api/openapi.json')));
});
afterAll(async () => h.close());

const ids = (body: { items: { id: string }[] }) => body.items.map((x) => x.id).sort();
const sorted = (xs: string[]) => [...xs].sort();

describe('the matrix covers the whole API', () => {
  it('reads every operation of the OpenAPI document (the operations pinned in openapi-operations.json)', () => {
    expect(sorted(ops.map((o) => o.op))).toEqual(sorted(Object.keys(publishedOperations)));
  });

  it('every operation declares x-access: "public" or a list of known roles', () => {
    const undeclared = ops.filter((o) => o.access === undefined).map((o) => o.op);
    expect(undeclared).toEqual([]);
    for (const o of ops) {
      if (o.access === 'public') continue;
      expect(Array.isArray(o.access), o.op).toBe(true);
      expect(o.access!.length, o.op).toBeGreaterThan(0);
      for (const role of o.access!) expect(roles, o.op).toContain(role);
    }
  });

  it('every documented operation has matrix rows, and every row is a documented operation', () => {
    const documented = new Set(ops.map((o) => o.op));
    const covered = new Set<string>(rows.map((r) => r.op));
    expect([...documented].filter((op) => !covered.has(op)), 'operations without matrix rows').toEqual([]);
    expect([...covered].filter((op) => !documented.has(op)), 'rows for undocumented operations').toEqual([]);
  });

  it('operations that act on an object have rows for the own object, another family\'s and another centre\'s', () => {
    const objectOps = ops.filter((o) => o.op.includes('{id}')).map((o) => o.op);
    expect(objectOps.length).toBeGreaterThan(0);
    const missing = objectOps.flatMap((op) =>
      (['own', 'otherFamily', 'otherCentre'] as const).filter((t) => !rows.some((r) => r.op === op && r.target === t)).map((t) => `${op} [${t}]`),
    );
    expect(missing, 'object operations without a row for each target').toEqual([]);
  });

  it('row names are unique', () => {
    const names = rows.map(rowName);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it('the expected statuses agree with the roles each operation declares', () => {
    expect(contradictions(rows, ops)).toEqual([]);
  });
});

describe('lists hold only what is in scope', () => {
  const centreIds = async (centreId?: string) =>
    sorted((await h.db.prisma.beneficiary.findMany({ where: centreId ? { centreId } : {}, select: { id: true } })).map((x) => x.id));

  it.each(['managerA', 'therapistA', 'technicianA'] as const)('%s sees exactly centre A\'s beneficiaries', async (actor) => {
    const body = await expectJson(await as[actor].get('/api/beneficiaries?limit=200'));
    expect(ids(body)).toEqual(await centreIds(world.centreA));
    expect(body.total).toBe(body.items.length);
    for (const id of world.beneficiariesB) expect(ids(body)).not.toContain(id);
    expect(body.items.every((b: { centreId: string }) => b.centreId === world.centreA)).toBe(true);
  });

  it('a centre-A therapist filtering on centre B gets nothing', async () => {
    const body = await expectJson(await as.therapistA.get(`/api/beneficiaries?centreId=${world.centreB}`));
    expect(body).toEqual({ items: [], total: 0 });
  });

  it('family A1 sees exactly the one beneficiary linked to them', async () => {
    const body = await expectJson(await as.familyA1.get('/api/beneficiaries'));
    expect(ids(body)).toEqual([world.beneficiaryOf.familyA1]);
    expect(body.total).toBe(1);
  });

  it('family A1 cannot reach another family\'s beneficiary by filtering or searching', async () => {
    const other = await h.db.prisma.beneficiary.findUniqueOrThrow({ where: { id: world.beneficiaryOf.familyA2 } });
    const byName = await expectJson(await as.familyA1.get(`/api/beneficiaries?q=${encodeURIComponent(other.fullName)}`));
    expect(byName).toEqual({ items: [], total: 0 });
    const byCentre = await expectJson(await as.familyA1.get(`/api/beneficiaries?centreId=${world.centreA}`));
    expect(ids(byCentre)).toEqual([world.beneficiaryOf.familyA1]);
  });

  it('the admin sees every beneficiary of every centre', async () => {
    const body = await expectJson(await as.admin.get('/api/beneficiaries?limit=200'));
    expect(ids(body)).toEqual(await centreIds());
    expect(ids(body)).toEqual(expect.arrayContaining(world.beneficiariesB));
  });

  it('centres: staff and families see centre A only, the admin all', async () => {
    for (const actor of ['managerA', 'therapistA', 'technicianA', 'familyA1'] as const) {
      const body = await expectJson(await as[actor].get('/api/centres'));
      expect(ids(body), actor).toEqual([world.centreA]);
    }
    const all = await expectJson(await as.admin.get('/api/centres'));
    expect(all.items.length).toBe(await h.db.prisma.centre.count());
  });

  it('users: manager A sees exactly centre A\'s staff and families (to re-invite them), never admins or centre B\'s', async () => {
    const body = await expectJson(await as.managerA.get('/api/users'));
    const inA = await h.db.prisma.user.findMany({
      where: {
        OR: [
          { centreId: world.centreA, role: { in: ['manager', 'therapist', 'technician', 'family'] } },
          { role: 'family', familyLinks: { some: { beneficiary: { centreId: world.centreA } } } },
        ],
      },
      select: { id: true },
    });
    expect(ids(body)).toEqual(sorted(inA.map((u) => u.id)));
    expect(ids(body)).toContain(world.user.familyA1);
    expect(ids(body)).not.toContain(world.user.admin);
    expect(ids(body)).not.toContain(world.user.therapistB);
    expect(ids(body)).not.toContain(world.user.familyB1);
    expect((await expectJson(await as.managerA.get('/api/users?role=admin'))).items).toEqual([]);
    expect((await expectJson(await as.managerA.get(`/api/users?centreId=${world.centreB}`))).items).toEqual([]);
  });

  it('another centre\'s object answers exactly like a missing one, so ids cannot be probed', async () => {
    const other = await expectError(await as.therapistA.get(`/api/beneficiaries/${world.beneficiaryOf.familyB1}`), 404);
    const missing = await expectError(await as.therapistA.get('/api/beneficiaries/nosuchbeneficiary0'), 404);
    expect(other.message).toBe(missing.message);
  });
});

describe('what each role sees of a beneficiary', () => {
  const clinicalKeys = ['diagnosis', 'diagnosisNotes', 'cpProfile', 'hydrocephalusProfile', 'consents'];

  it('a therapist gets the clinical detail (the control for the checks below)', async () => {
    const b = await expectJson(await as.therapistA.get(`/api/beneficiaries/${world.beneficiaryOf.familyA1}`));
    for (const key of [...clinicalKeys, 'address', 'phone', 'family']) expect(b, key).toHaveProperty(key);
    expect(b.cpProfile.gmfcs).toBeGreaterThanOrEqual(1);
  });

  it('a technician gets no clinical keys, in the detail or the list', async () => {
    const b = await expectJson(await as.technicianA.get(`/api/beneficiaries/${world.beneficiaryOf.familyA1}`));
    for (const key of clinicalKeys) expect(b, key).not.toHaveProperty(key);
    expect(b).toHaveProperty('address');
    const list = await expectJson(await as.technicianA.get('/api/beneficiaries'));
    expect(list.items.length).toBeGreaterThan(0);
    for (const item of list.items) expect(item).not.toHaveProperty('diagnosis');
  });

  it('a technician cannot infer diagnoses through the diagnosis filter', async () => {
    const all = await expectJson(await as.technicianA.get('/api/beneficiaries?limit=200'));
    for (const diagnosis of ['cp', 'hydrocephalus', 'both', 'other']) {
      const filtered = await expectJson(await as.technicianA.get(`/api/beneficiaries?limit=200&diagnosis=${diagnosis}`));
      expect(filtered.total, diagnosis).toBe(all.total);
    }
  });

  it('a family gets only what a family needs: no address, phone, family links or clinical keys', async () => {
    const b = await expectJson(await as.familyA1.get(`/api/beneficiaries/${world.beneficiaryOf.familyA1}`));
    // Anything new shown to families must be added here on purpose.
    // The NIK: their own person's national ID, which the family holds on the family card anyway (issue 13).
    const allowed = ['id', 'fullName', 'nik', 'birthDate', 'ageYears', 'sex', 'city', 'centreId', 'centreName', 'createdAt', 'updatedAt', 'reportCategories', 'anonymisedAt'];
    expect(Object.keys(b).filter((k) => !allowed.includes(k))).toEqual([]);
    for (const key of [...clinicalKeys, 'address', 'phone', 'family']) expect(b, key).not.toHaveProperty(key);
    const list = await expectJson(await as.familyA1.get('/api/beneficiaries'));
    expect(list.items[0]).not.toHaveProperty('diagnosis');
  });
});

describe('role × route matrix', () => {
  for (const r of rows) {
    it(rowName(r), async () => {
      const { statuses, problems } = await runRow(r, h, world, as);
      expect(statuses).toEqual(r.expect);
      expect(problems).toEqual([]);
    });
  }
});
