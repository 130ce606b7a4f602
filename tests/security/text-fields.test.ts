// Hostile text on every write route: each string field of each write operation in the OpenAPI
// document gets arbitrary strings (lone surrogates, controls, unnormalised forms) in an otherwise
// valid request taken from the access matrix; none may answer 5xx, refusals are 422 in the one error
// shape, and accepted free text comes back in NFC.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTORS, type ActorKey, fillPath, type MatrixRow, signInActors } from '../helpers/access-matrix.ts';
import { errorCodeFor } from '../../schemas/common.ts';
import { expectError, expectInvalid, expectJson } from '../helpers/api.ts';
import { createHarness, type Client, type Harness } from '../helpers/harness.ts';
import { requestInState, stepBody } from '../helpers/pathway.ts';
import { loadWorld, type World } from '../helpers/world.ts';
import type { RequestState } from '../../schemas/requests.ts';
import { allRows } from '../server/access/all.rows.ts';
import { hostileExamples, hostileString, stringFields, type StringField, withValue, writeOperations } from './text-fields.ts';

let h: Harness;
let world: World;
let as: Record<ActorKey, Client>;
let doc: Parameters<typeof writeOperations>[0];
const tally = { operations: 0, fields: 0, textFields: 0, requests: 0, byStatus: new Map<number, number>() };

beforeAll(async () => {
  h = await createHarness();
  world = await loadWorld(h);
  as = await signInActors(h);
  doc = await expectJson(await h.anonymous().get('/api/openapi.json'));
});
afterAll(async () => {
  const statuses = [...tally.byStatus].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ');
  console.log(`hostile text: ${tally.operations} write operations, ${tally.fields} string fields (${tally.textFields} free text), ${tally.requests} requests: ${statuses}`);
  await h?.close();
});

/**
 * A matrix row for the operation on the actor's own or no object, sent as an actor who gets past
 * access: one who succeeds (the admin where allowed), else one whose request reaches validation
 * (a row whose body is deliberately refused, e.g. a wrong current password).
 */
function rowFor(op: string): { row: MatrixRow; actor: ActorKey } | undefined {
  const candidates = allRows.filter((r) => r.op === op && (r.target === 'none' || r.target === 'own'));
  for (const reached of [(s: number) => s >= 200 && s < 300, (s: number) => s === 422 || s === 409]) {
    for (const row of candidates) {
      const actor = ACTORS.find((a) => a !== 'anonymous' && reached(row.expect[a]));
      if (actor) return { row, actor };
    }
  }
  return undefined;
}

async function send(op: string, row: MatrixRow, actor: ActorKey, field: StringField | null, value: string) {
  const ctx = { h, world, actor, target: row.target };
  const params = row.params ? await row.params(ctx) : {};
  const body = row.body ? await row.body(ctx) : {};
  const [method, template] = op.split(' ') as [string, string];
  const res = await as[actor].request(method, fillPath(template, params) + (row.query ? `?${row.query}` : ''), field ? withValue(body, field.path, value) : body);
  tally.requests++;
  tally.byStatus.set(res.status, (tally.byStatus.get(res.status) ?? 0) + 1);
  return res;
}

/** Feeds hostile strings to one field of one operation's request; what went wrong goes to `problems`. */
async function probe(op: string, row: MatrixRow, actor: ActorKey, field: StringField, problems: string[]) {
  const where = `${op} ${JSON.stringify(field.path)} as ${actor}`;
  await fc.assert(
    fc.asyncProperty(hostileString, async (value) => {
      const res = await send(op, row, actor, field, value);
      const body = await res.text();
      if (res.status >= 500) problems.push(`${where}: ${res.status} for ${JSON.stringify(value)}`);
      if (res.status >= 400 && !body.includes(`"code":"${errorCodeFor(res.status)}"`)) problems.push(`${where}: ${res.status} outside the error shape`);
      const raw = value.trim();
      if (field.text && res.status < 300 && raw !== raw.normalize('NFC') && body.includes(raw)) problems.push(`${where}: stored unnormalised ${JSON.stringify(raw)}`);
    }),
    { numRuns: hostileExamples.length + 3, examples: hostileExamples.map((x) => [x]) },
  );
}

/** The pathway's steps, each a variant of the transition body with its own free text (the matrix sends two of them). */
const steps: [RequestState, string][] = [
  ['referred', 'assessed'], ['assessed', 'prescribed'], ['prescribed', 'approved'], ['prescribed', 'rejected'], ['approved', 'ordered'],
  ['ordered', 'prepared'], ['fitted', 'prepared'], ['prepared', 'fitted'], ['fitted', 'trained'], ['referred', 'cancelled'],
];

describe('every string field of every write route', () => {
  it('finds the write operations and their fields in the OpenAPI document', () => {
    const ops = writeOperations(doc).map((o) => o.op);
    expect(ops).toEqual(expect.arrayContaining(['PATCH /api/me', 'POST /api/reports', 'POST /api/reports/{id}/comments', 'PATCH /api/centres/{id}']));
    expect(ops.filter((op) => !rowFor(op)), 'write operations without an access-matrix row some actor may perform').toEqual([]);
  });

  it('never answers 5xx; refuses with 422 in the one error shape; keeps accepted free text in NFC', async () => {
    const problems: string[] = [];
    for (const { op, schema } of writeOperations(doc)) {
      const { row, actor } = rowFor(op)!;
      const base = row.body ? await row.body({ h, world, actor, target: row.target }) : {};
      const fields = stringFields(doc, schema, base);
      tally.operations++;
      tally.fields += fields.length;
      tally.textFields += fields.filter((f) => f.text).length;
      for (const field of fields) await probe(op, row, actor, field, problems);
    }
    expect(problems).toEqual([]);
    expect(tally.fields).toBeGreaterThan(60);
    expect(tally.textFields).toBeGreaterThan(25);
    // Sign-in and password routes hash each attempt (scrypt), so the whole walk takes a while on two cores.
  }, 300_000);

  it('the same for every step of the pathway, each from a fresh request in the state before it', async () => {
    const op = 'POST /api/requests/{id}/transitions';
    const schema = writeOperations(doc).find((o) => o.op === op)!.schema;
    const problems: string[] = [];
    let fields = 0;
    for (const [from, to] of steps) {
      const row: MatrixRow = {
        op,
        target: 'own',
        expect: { admin: 200, managerA: 200, therapistA: 200, technicianA: 403, familyA1: 403, anonymous: 401 },
        params: async () => ({ id: (await requestInState(h, world.centreA, from)).id }),
        body: () => stepBody(h, to, from),
      };
      const found = stringFields(doc, schema, await stepBody(h, to, from));
      fields += found.length;
      for (const field of found) await probe(op, row, 'admin', field, problems);
    }
    expect(problems).toEqual([]);
    expect(fields).toBeGreaterThan(20);
    console.log(`hostile text, pathway steps: ${steps.length} steps, ${fields} string fields`);
  }, 300_000);
});

describe('the issue\'s four examples', () => {
  it('a lone surrogate in a name (PATCH /api/me) is a 422 naming the field', async () => {
    await expectInvalid(await as.familyA1.request('PATCH', '/api/me', '{"name":"\\ud800"}'), ['name']);
  });

  it('a lone surrogate in a report description is a 422', async () => {
    const body = { beneficiaryId: world.beneficiaryOf.familyA1, category: 'brakes', clientRequestId: randomUUID(), description: 'rem \udc00 blong' };
    await expectInvalid(await as.familyA1.post('/api/reports', body), ['description']);
  });

  it('a lone surrogate in a comment is a 422', async () => {
    const report = await expectJson(await as.familyA1.post('/api/reports', { beneficiaryId: world.beneficiaryOf.familyA1, category: 'brakes', clientRequestId: randomUUID() }), 201);
    await expectInvalid(await as.familyA1.post(`/api/reports/${report.id}/comments`, { body: 'halo \ud83d' }), ['body']);
  });

  it('a lone surrogate in a centre\'s city is a 422', async () => {
    await expectInvalid(await as.admin.patch(`/api/centres/${world.centreA}`, { city: '\udfffBekasi' }), ['city']);
  });
});

describe('what free text accepts and how it is stored', () => {
  it('stores a decomposed name in NFC', async () => {
    const me = await expectJson(await as.therapistA.patch('/api/me', { name: '  Jose\u0301 Sa\u0301nchez ' }));
    expect(me.name).toBe('José Sánchez');
    expect((await h.db.prisma.user.findUniqueOrThrow({ where: { id: world.user.therapistA } })).name).toBe('José Sánchez');
  });

  it('refuses NUL, escape, C1 controls and line breaks in a one-line field', async () => {
    for (const city of ['Beka\u0000si', 'Beka\u001bsi', 'Beka\u0085si', 'Bekasi\nTimur', 'Bekasi\tTimur']) {
      await expectInvalid(await as.admin.patch(`/api/centres/${world.centreA}`, { city }), ['city']);
    }
  });

  it('keeps tabs and line breaks in a multi-line comment (CR LF becomes LF), refuses other controls', async () => {
    const report = await expectJson(await as.familyA1.post('/api/reports', { beneficiaryId: world.beneficiaryOf.familyA1, category: 'brakes', clientRequestId: randomUUID() }), 201);
    const comment = await expectJson(await as.familyA1.post(`/api/reports/${report.id}/comments`, { body: 'baris satu\r\n\tbaris dua' }), 201);
    expect(JSON.stringify(comment)).toContain('baris satu\\n\\tbaris dua');
    await expectError(await as.familyA1.post(`/api/reports/${report.id}/comments`, { body: 'a\u0000b' }), 422);
  });

  it('refuses a lone surrogate in a field that is not free text (a webhook URL, a password) with 422, not 500', async () => {
    await expectInvalid(await as.admin.request('PUT', `/api/centres/${world.centreA}/webhook`, '{"url":"https://example.org/\\udbff"}'), ['url']);
    await expectInvalid(await h.anonymous().request('POST', '/api/auth/login', '{"email":"x@example.org","password":"\\ud800\\ud800"}'), ['password']);
  });
});
