// The audit-log viewer: scope (admins all, managers their own centre), every filter, keyset pages
// without gaps or repeats (also among equal timestamps), validation, its own audit entry, and
// query plans that use the log's indexes.
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '@prisma/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../server/src/audit/audit-query.ts';
import type { Actor } from '../../server/src/access/actor.ts';
import { expectError, expectJson } from '../helpers/api.ts';
import { type Client, createHarness, type Harness } from '../helpers/harness.ts';
import { EMAIL, loadWorld, type World } from '../helpers/world.ts';

let h: Harness;
let world: World;
let admin: Client;
let manager: Client;
let therapist: Client;

/** A record type no real entry uses, so these rows are the only ones it matches. */
const TYPE = 'PrivacyProbe';
const T0 = Date.parse('2030-05-10T08:00:00Z');

beforeAll(async () => {
  h = await createHarness();
  world = await loadWorld(h);
  [admin, manager, therapist] = await Promise.all([h.as(EMAIL.admin), h.as(EMAIL.managerA), h.as(EMAIL.therapistA)]);
  // 25 probe entries: pairs share a timestamp (keyset tie-breaks), alternating centres and actors.
  const rows = Array.from({ length: 25 }, (_, i) => ({
    at: new Date(T0 + Math.floor(i / 2) * 60_000),
    action: i % 3 === 0 ? 'probe.read' : 'probe.write_thing',
    actorId: i % 2 === 0 ? world.user.therapistA : world.user.therapistB,
    actorRole: 'therapist',
    entityType: TYPE,
    entityId: i % 5 === 0 ? 'probeentity0001' : `probeentityx${String(i).padStart(3, '0')}`,
    centreId: i % 2 === 0 ? world.centreA : world.centreB,
    details: JSON.stringify({ n: i }),
  }));
  await h.db.prisma.auditLog.createMany({ data: rows });
});
afterAll(() => h.close());

const get = async (c: Client, query: string) => expectJson(await c.get(`/api/audit?${query}`));
const ns = (body: { items: { details: { n: number } | null }[] }) => body.items.map((x) => x.details!.n);

describe('scope', () => {
  it('the admin sees both centres\' entries, newest first, with the actor\'s name', async () => {
    const body = await get(admin, `entityType=${TYPE}&limit=200`);
    expect(body.items).toHaveLength(25);
    expect(new Set(body.items.map((x: { centreId: string }) => x.centreId))).toEqual(new Set([world.centreA, world.centreB]));
    const ats = body.items.map((x: { at: string }) => Date.parse(x.at));
    expect(ats).toEqual([...ats].sort((a, b) => b - a));
    expect(body.items[0]).toMatchObject({ actorRole: 'therapist', actorName: expect.any(String), entityType: TYPE, requestId: null, details: { n: expect.any(Number) } });
    expect(body.nextCursor).toBeNull();
  });

  it('a manager sees only their own centre\'s entries, even when asking for another centre', async () => {
    const body = await get(manager, `entityType=${TYPE}&limit=200`);
    expect(body.items).toHaveLength(13);
    expect(body.items.every((x: { centreId: string }) => x.centreId === world.centreA)).toBe(true);
    expect(await get(manager, `entityType=${TYPE}&centreId=${world.centreB}`)).toEqual({ items: [], nextCursor: null });
    const all = await get(manager, 'limit=200');
    expect(all.items.every((x: { centreId: string | null }) => x.centreId === world.centreA)).toBe(true);
  });

  it('names the objects of entries for people (a beneficiary, a user, a chair); an unknown object has none', async () => {
    const b = await h.db.prisma.beneficiary.findFirstOrThrow({ where: { centreId: world.centreA } });
    expect((await manager.get(`/api/beneficiaries/${b.id}`)).status).toBe(200);
    const read = (await get(manager, `entityType=Beneficiary&entityId=${b.id}`)).items[0];
    expect(read).toMatchObject({ action: 'beneficiary.read', entityName: b.fullName });
    expect((await get(admin, `entityType=${TYPE}&limit=1`)).items[0].entityName).toBeNull();
  });

  it('therapists get 403', async () => {
    await expectError(await therapist.get('/api/audit'), 403);
  });
});

describe('filters', () => {
  it('actorId, entityId, centreId and an exact action', async () => {
    expect(ns(await get(admin, `entityType=${TYPE}&actorId=${world.user.therapistB}&limit=200`)).every((n: number) => n % 2 === 1)).toBe(true);
    expect(ns(await get(admin, `entityType=${TYPE}&entityId=probeentity0001`)).sort((a: number, b: number) => a - b)).toEqual([0, 5, 10, 15, 20]);
    expect(ns(await get(admin, `entityType=${TYPE}&centreId=${world.centreB}&limit=200`))).toHaveLength(12);
    expect(ns(await get(admin, `entityType=${TYPE}&action=probe.read&limit=200`))).toHaveLength(9);
  });

  it('an action prefix ending in "." or "*" matches the whole family, and "_" is no wildcard', async () => {
    expect(ns(await get(admin, `entityType=${TYPE}&action=probe.&limit=200`))).toHaveLength(25);
    expect(ns(await get(admin, `entityType=${TYPE}&action=probe.*&limit=200`))).toHaveLength(25);
    expect(ns(await get(admin, `entityType=${TYPE}&action=probe.write_*&limit=200`))).toHaveLength(16);
    // As a LIKE pattern "_" would match the "i" of write; here it is a plain character.
    expect(ns(await get(admin, `entityType=${TYPE}&action=probe.wr_te*`))).toEqual([]);
    // Without "." or "*" at the end the action is exact.
    expect(ns(await get(admin, `entityType=${TYPE}&action=probe.write_`))).toEqual([]);
    const real = await get(admin, 'action=auth.&limit=200');
    expect(real.items.length).toBeGreaterThan(0);
    expect(real.items.every((x: { action: string }) => x.action.startsWith('auth.'))).toBe(true);
  });

  it('from and to are inclusive; a date is a whole UTC day', async () => {
    const at = (k: number) => new Date(T0 + k * 60_000).toISOString();
    expect(ns(await get(admin, `entityType=${TYPE}&from=${at(10)}&limit=200`)).sort((a: number, b: number) => a - b)).toEqual([20, 21, 22, 23, 24]);
    expect(ns(await get(admin, `entityType=${TYPE}&to=${at(0)}`)).sort()).toEqual([0, 1]);
    expect(ns(await get(admin, `entityType=${TYPE}&from=${at(3)}&to=${at(4)}`)).sort((a: number, b: number) => a - b)).toEqual([6, 7, 8, 9]);
    expect(ns(await get(admin, `entityType=${TYPE}&from=2030-05-10&to=2030-05-10&limit=200`))).toHaveLength(25);
    expect(ns(await get(admin, `entityType=${TYPE}&from=2030-05-11`))).toEqual([]);
    expect(ns(await get(admin, `entityType=${TYPE}&to=2030-05-09`))).toEqual([]);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=201', 'limit'],
    ['from=yesterday', 'from'],
    ['from=2030-05-11&to=2030-05-10', 'from'],
    ['entityId=probeentity0001', 'entityType'],
    ['action=DROP%20TABLE', 'action'],
    ['cursor=not%20a%20cursor', 'cursor'],
    ['cursor=bm90YWN1cnNvcg', 'cursor'],
  ])('%s is 422 at %s', async (query, path) => {
    const e = await expectError(await admin.get(`/api/audit?${query}`), 422);
    expect(e.issues?.map((i) => i.path[0])).toContain(path);
  });
});

describe('pages', () => {
  it('limit and nextCursor walk every entry once, newest first, across equal timestamps', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const body: { items: { details: { n: number } }[]; nextCursor: string | null } = await get(admin, `entityType=${TYPE}&limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      expect(body.items.length).toBeLessThanOrEqual(4);
      seen.push(...body.items.map((x) => x.details.n));
      cursor = body.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);
    expect(pages).toBe(7);
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i));
    // Newest first: pairs share a minute, so the minute never rises along the walk.
    const minutes = seen.map((n) => Math.floor(n / 2));
    expect(minutes).toEqual([...minutes].sort((a, b) => b - a));
  });

  it('entries written while paging do not shift the next page', async () => {
    const first = await get(admin, `entityType=${TYPE}&limit=5`);
    await h.db.prisma.auditLog.create({ data: { at: new Date(T0 + 3_600_000), action: 'probe.read', entityType: TYPE, entityId: 'probeentitylate', details: JSON.stringify({ n: 99 }) } });
    const second = await get(admin, `entityType=${TYPE}&limit=5&cursor=${first.nextCursor}`);
    expect(ns(second).some((n: number) => ns(first).includes(n))).toBe(false);
    expect(ns(second)).not.toContain(99);
  });
});

describe('reading the log is recorded', () => {
  it('as audit.read, with the filters (ids and names only) and how many entries were seen', async () => {
    const res = await manager.get(`/api/audit?entityType=${TYPE}&action=probe.read&limit=3`);
    const body = await expectJson(res.clone());
    const [entry] = await h.db.prisma.auditLog.findMany({ where: { requestId: res.headers.get('x-request-id') } });
    expect(entry).toMatchObject({ action: 'audit.read', actorId: world.user.managerA, actorRole: 'manager', centreId: world.centreA, entityType: 'AuditLog' });
    expect(JSON.parse(entry!.details!)).toEqual({ filters: { entityType: TYPE, action: 'probe.read' }, page: 'first', items: body.items.length });
  });
});

describe('query plans', () => {
  // The SQL Prisma sends, captured from a second client on the same file and explained by SQLite.
  async function plansFor(actor: Actor, query: Record<string, unknown>): Promise<string[]> {
    const client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: h.config.databaseFile }), log: [{ emit: 'event', level: 'query' }] });
    const queries: { query: string; params: string }[] = [];
    client.$on('query', (e) => queries.push(e));
    try {
      await listAudit(client, actor, { limit: 50, ...query } as never);
    } finally {
      await client.$disconnect();
    }
    const main = queries.find((q) => /FROM [`"]?main[`"]?\.[`"]?AuditLog/i.test(q.query) || /FROM [`"]?AuditLog/i.test(q.query));
    expect(main, queries.map((q) => q.query).join('\n')).toBeTruthy();
    const params = (JSON.parse(main!.params) as unknown[]).map((p) => (typeof p === 'object' && p !== null ? JSON.stringify(p) : p));
    const rows = h.db.raw.prepare(`EXPLAIN QUERY PLAN ${main!.query}`).all(...(params as never[])) as { detail: string }[];
    return rows.map((r) => r.detail);
  }
  const adminActor = (): Actor => ({ id: world.user.admin, role: 'admin', email: EMAIL.admin, name: 'Admin', locale: 'id', centreId: null, beneficiaryIds: [] });
  const managerActor = (): Actor => ({ id: world.user.managerA, role: 'manager', email: EMAIL.managerA, name: 'Manajer', locale: 'id', centreId: world.centreA, beneficiaryIds: [] });

  it.each([
    ['no filter: the at index', () => adminActor(), {}, /AuditLog_at_idx/],
    ['an actor: the (actorId, at) index', () => adminActor(), { actorId: 'someactor00001' }, /AuditLog_actorId_at_idx/],
    ['one record: the (entityType, entityId) index', () => adminActor(), { entityType: 'Beneficiary', entityId: 'someentity0001' }, /AuditLog_entityType_entityId_idx/],
    ['a manager: the (centreId, at) index', () => managerActor(), {}, /AuditLog_centreId_at_idx/],
    ['a time window: an index on at', () => adminActor(), { from: '2030-05-10', to: '2030-05-11' }, /AuditLog_(centreId_)?at_idx/],
  ])('%s', async (_name, actor, query, index) => {
    const plan = await plansFor(actor(), query);
    expect(plan.join(' | ')).toMatch(index);
    expect(plan.some((d) => /^SCAN (main\.)?AuditLog$/.test(d))).toBe(false);
  });
});
