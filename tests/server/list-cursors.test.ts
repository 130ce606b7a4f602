// Every list that pages with a cursor, found from the OpenAPI document, refuses a forged cursor with
// 422 in the one error shape (never a 500), and still accepts the cursors it hands out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectJson } from '../helpers/api.ts';
import { type Client, createHarness, type Harness } from '../helpers/harness.ts';
import { EMAIL } from '../helpers/world.ts';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');

/** Cursors an attacker can write: well-formed base64url around values no page ever ended on. */
const FORGED: [string, string][] = [
  ['2^53 − 1 ms (the issue\'s probe)', b64('9007199254740991:abc')],
  ['one past the last Date', b64('8640000000000001:abc')],
  ['a negative time', b64('-1:abc')],
  ['an exponent', b64('1e3:abc')],
  ['hexadecimal', b64('0x10:abc')],
  ['a leading space', b64(' 12:abc')],
  ['no time', b64(':abc')],
  ['no id', b64('12:')],
  ['three parts', b64('12:abc:def')],
  ['an id with a space', b64('12:a b')],
  ['not base64url text', 'bm90YWN1cnNvcg'],
  ['characters outside base64url', 'a%2Bb%2Fc'],
];

let h: Harness;
let admin: Client;
let cursorLists: string[] = [];

beforeAll(async () => {
  h = await createHarness();
  admin = await h.as(EMAIL.admin);
  const doc = await expectJson(await h.anonymous().get('/api/openapi.json'));
  cursorLists = Object.entries(doc.paths as Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>)
    .filter(([, ops]) => ops.get?.parameters?.some((p) => p.in === 'query' && p.name === 'cursor'))
    .map(([path]) => path);
});
afterAll(() => h.close());

describe('cursor lists', () => {
  it('are found in the OpenAPI document (the audit log at least) and take no path parameter', () => {
    expect(cursorLists).toContain('/api/audit');
    // A list with a path parameter would need its own object here: fail loudly so it gets one.
    for (const p of cursorLists) expect(p, p).not.toMatch(/\{/);
  });

  it.each(FORGED)('a forged cursor (%s) answers 422 at cursor on every cursor list', async (_name, cursor) => {
    for (const path of cursorLists) {
      const e = await expectError(await admin.get(`${path}?cursor=${cursor}`), 422);
      expect(e.issues?.map((i) => i.path[0]), path).toContain('cursor');
    }
  });

  it('the cursor a page hands out still opens the next page on every cursor list', async () => {
    for (const path of cursorLists) {
      // Reading a list is itself audited: two reads leave at least two entries to page through.
      await expectJson(await admin.get(path));
      const first = await expectJson(await admin.get(`${path}?limit=1`));
      expect(first.nextCursor, path).toEqual(expect.any(String));
      const second = await expectJson(await admin.get(`${path}?limit=1&cursor=${first.nextCursor}`));
      expect(second.items, path).toHaveLength(1);
      expect(second.items[0].id).not.toBe(first.items[0].id);
    }
  });
});
