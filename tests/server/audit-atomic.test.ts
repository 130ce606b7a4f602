// Every write route commits its change and its audit row together: with the row's insert refused
// (a trigger on AuditLog), the route answers 500 in the one error shape and the database is exactly
// as before; the same call then succeeds once the trigger is gone. Rows: ./audit-atomic/rows.ts. A
// new write route without a row fails "covers every write route" below.
import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../core/log/logger.ts';
import { photoDir } from '../../server/src/reports/photos.ts';
import { documentedOperations, fillPath, type Method, type RowContext, signInActors } from '../helpers/access-matrix.ts';
import { expectError, expectJson, quickSession } from '../helpers/api.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { EMAIL, loadWorld } from '../helpers/world.ts';
import { allRows } from './access/all.rows.ts';
import { allowAudit, type AtomicContext, type AtomicRow, databaseDigest, type PreparedCall, refuseAudit, send } from './audit-atomic/kit.ts';
import { atomicRows } from './audit-atomic/rows.ts';

const UNSAFE = ['POST', 'PUT', 'PATCH', 'DELETE'];
const logLines: { event?: string; action?: string }[] = [];

let h: Harness;
let ctx: AtomicContext;
let writeOps: AtomicRow['op'][];

beforeAll(async () => {
  h = await createHarness({ log: createLogger('error', (line) => logLines.push(JSON.parse(line) as (typeof logLines)[number])) });
  ctx = { h, world: await loadWorld(h), as: await signInActors(h) };
  const ops = documentedOperations(await expectJson(await h.anonymous().get('/api/openapi.json')));
  writeOps = ops.map((o) => o.op as AtomicRow['op']).filter((op) => UNSAFE.includes(op.split(' ')[0]!));
});
afterEach(() => allowAudit(h.db.raw));
afterAll(async () => h?.close());

/** The row's request: its own set-up, or the access-matrix row's parameters, body and client. */
async function prepare(row: AtomicRow): Promise<PreparedCall> {
  if (row.prepare) return row.prepare(ctx);
  const { target, actor = 'admin' } = row.matrix!;
  const m = allRows.find((r) => r.op === row.op && r.target === target);
  if (!m) throw new Error(`no access-matrix row ${row.op} [${target}]`);
  const rc: RowContext = { h, world: ctx.world, actor, target };
  const [method, template] = row.op.split(' ') as [Method, string];
  const params = m.params ? await m.params(rc) : {};
  const body = m.body ? await m.body(rc) : undefined;
  const client = m.standIn ? await m.standIn(rc) : m.freshSession ? await quickSession(h, EMAIL[actor as keyof typeof EMAIL]) : ctx.as[actor];
  return { client, method, url: fillPath(template, params) + (m.query ? `?${m.query}` : ''), body };
}

const photoFiles = () => (fs.existsSync(photoDir(h.config.dataDir)) ? fs.readdirSync(photoDir(h.config.dataDir)).sort() : []);
const auditRowsOf = (action: string, requestId: string | null) => h.db.prisma.auditLog.count({ where: { action, requestId } });

describe('the table covers every write route', () => {
  it('has one row for each POST, PUT, PATCH and DELETE of the OpenAPI document, and no other', () => {
    expect(writeOps.length).toBeGreaterThan(30);
    const rowOps = atomicRows.map((r) => r.op);
    expect(rowOps.filter((op, i) => rowOps.indexOf(op) !== i), 'routes with two rows').toEqual([]);
    expect(writeOps.filter((op) => !rowOps.includes(op)), 'write routes without a row').toEqual([]);
    expect(rowOps.filter((op) => !writeOps.includes(op)), 'rows for routes that are not documented writes').toEqual([]);
  });

  it('says why a route writes no audit row, and only then', () => {
    for (const r of atomicRows) expect(r.action === null, r.op).toBe(Boolean(r.unaudited));
    for (const r of atomicRows) expect(Boolean(r.prepare) !== Boolean(r.matrix), `${r.op}: prepare or matrix, one of them`).toBe(true);
  });
});

describe('a refused audit row leaves no change behind', () => {
  for (const row of atomicRows.filter((r) => r.action !== null)) {
    it(`${row.op} (${row.action})`, async () => {
      const action = row.action!;
      const call = await prepare(row);
      const before = databaseDigest(h.db.raw);
      const filesBefore = photoFiles();
      logLines.length = 0;

      refuseAudit(h.db.raw, action);
      const refused = await send(h, call);
      const text = await refused.clone().text();
      await expectError(refused, 500, 'internal');
      expect(text).not.toMatch(/audit refused|at .+\.ts:\d+|stack/i);
      // The refusal is what failed the request, and it was logged with the action it lost.
      expect(logLines.some((l) => l.event === 'audit_write_failed' && l.action === action), JSON.stringify(logLines)).toBe(true);
      // The change is absent: every table as before (the audit log too), no file left on disk.
      expect(databaseDigest(h.db.raw)).toEqual(before);
      expect(photoFiles()).toEqual(filesBefore);

      // The control: the same call, allowed, changes the database and records its row.
      allowAudit(h.db.raw);
      const done = await send(h, call);
      expect(done.status, await done.clone().text()).toBe(row.ok);
      expect(databaseDigest(h.db.raw)).not.toEqual(before);
      expect(await auditRowsOf(action, done.headers.get('x-request-id'))).toBe(1);
    });
  }
});

describe('routes without an audit row', () => {
  for (const row of atomicRows.filter((r) => r.action === null)) {
    it(`${row.op} writes none: ${row.unaudited}`, async () => {
      const call = await prepare(row);
      const audited = await h.db.prisma.auditLog.count();
      refuseAudit(h.db.raw, null);
      const res = await send(h, call);
      expect(res.status, await res.clone().text()).toBe(row.ok);
      expect(await h.db.prisma.auditLog.count()).toBe(audited);
    });
  }
});
