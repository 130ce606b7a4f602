// Hostile request bodies and query values: broken JSON, bytes that are not UTF-8, numbers out of
// range, prototype keys, unknown fields and wrong content types. Rows run in hostile-http.test.ts.
import { expect } from 'vitest';
import { adultBeneficiaryBody, cpProfileBody } from '../helpers/fixtures.ts';
import type { HttpCase, HttpCtx } from './hostile-http.ts';

const therapist = (ctx: HttpCtx) => ctx.h.db.prisma.user.findFirstOrThrow({ where: { email: 'terapis1.bekasi@demo.atensi.id' } });
const cpProfilePath = (ctx: HttpCtx) => `/api/beneficiaries/${ctx.world.beneficiaryOf.familyA1}/cp-profile`;

/** The stored CP profile must still be the seeded one (GMFCS of family A1's child). */
async function gmfcsUnchanged(ctx: HttpCtx) {
  const p = await ctx.h.db.prisma.cpProfile.findUnique({ where: { beneficiaryId: ctx.world.beneficiaryOf.familyA1 } });
  expect(p?.gmfcs).toBe(ctx.facts.seededGmfcs);
}

/** The therapist's own record still has its seeded name and locale. */
async function therapistUnchanged(ctx: HttpCtx) {
  const u = await therapist(ctx);
  expect({ name: u.name, locale: u.locale, role: u.role }).toEqual(ctx.facts.therapistA);
}

/** A create body with a name of its own, so a row can tell whether it was stored. */
const named = (fullName: string, extra: Record<string, unknown> = {}) => JSON.stringify(adultBeneficiaryBody({ fullName, ...extra }));
/** No beneficiary of that name was stored by a refused body. */
const notStored = (fullName: string) => async (ctx: HttpCtx) => expect(await ctx.h.db.prisma.beneficiary.count({ where: { fullName } })).toBe(0);

const valid = named('Sari Badan Rusak');
const utf8Name = (bytes: number[]) => Buffer.concat([Buffer.from('{"name":"Bud'), Buffer.from(bytes), Buffer.from('i"}')]);

export const inputCases: HttpCase[] = [
  // malformed JSON
  { name: 'truncated JSON object', category: 'malformed-json', input: { path: '/api/beneficiaries', body: valid.slice(0, 40) }, expect: { status: 400 } },
  { name: 'two JSON documents in one body', category: 'malformed-json', input: { method: 'PATCH', path: '/api/me', body: '{"locale":"en"} {"locale":"id"}' }, expect: { status: 400 }, check: therapistUnchanged },
  { name: 'JavaScript literal instead of JSON', category: 'malformed-json', input: { method: 'PATCH', path: '/api/me', body: "{locale:'en'}" }, expect: { status: 400 }, check: therapistUnchanged },
  {
    name: 'NaN literal in a JSON number field', category: 'malformed-json',
    input: (ctx) => ({ method: 'PUT', path: cpProfilePath(ctx), body: JSON.stringify(cpProfileBody()).replace('"gmfcs":4', '"gmfcs":NaN') }),
    expect: { status: 400 }, check: gmfcsUnchanged,
  },
  {
    name: '100 000 nested arrays', category: 'malformed-json',
    input: { path: '/api/beneficiaries', body: '['.repeat(100_000) + ']'.repeat(100_000) },
    expect: { status: 422 },
  },
  { name: 'duplicate keys, the last one invalid', category: 'malformed-json', input: { method: 'PATCH', path: '/api/me', body: '{"locale":"en","locale":"fr"}' }, expect: { status: 422 }, check: therapistUnchanged },
  { name: 'a JSON null body', category: 'malformed-json', input: { method: 'PATCH', path: '/api/me', body: 'null' }, expect: { status: 422 }, check: therapistUnchanged },

  // bytes that are not UTF-8
  { name: 'invalid UTF-8 byte (0xFF) inside a JSON string', category: 'encoding', input: { method: 'PATCH', path: '/api/me', body: utf8Name([0xff]) }, expect: { status: 400 }, check: therapistUnchanged },
  { name: 'overlong UTF-8 encoding of "/" (0xC0 0xAF)', category: 'encoding', input: { method: 'PATCH', path: '/api/me', body: utf8Name([0xc0, 0xaf]) }, expect: { status: 400 }, check: therapistUnchanged },
  {
    name: 'UTF-16 body labelled charset=utf-16', category: 'encoding',
    input: { method: 'PATCH', path: '/api/me', headers: { 'content-type': 'application/json; charset=utf-16' }, body: Buffer.from('{"name":"Budi"}', 'utf16le') },
    expect: { status: 415 }, check: therapistUnchanged,
  },
  { name: 'truncated multi-byte sequence at the end of the body', category: 'encoding', input: { method: 'PATCH', path: '/api/me', body: Buffer.from([0x7b, 0x7d, 0xe2, 0x82]) }, expect: { status: 400 }, check: therapistUnchanged },

  // numbers
  { name: 'limit=NaN', category: 'numbers', input: { path: '/api/beneficiaries?limit=NaN' }, expect: { status: 422 } },
  { name: 'limit=Infinity', category: 'numbers', input: { path: '/api/devices?limit=Infinity' }, expect: { status: 422 } },
  { name: 'negative limit', category: 'numbers', input: { path: '/api/requests?limit=-1' }, expect: { status: 422 } },
  { name: 'offset=1e309 (overflows to Infinity)', category: 'numbers', input: { path: '/api/work-orders?offset=1e309' }, expect: { status: 422 } },
  { name: 'offset beyond 2^53', category: 'numbers', input: { path: '/api/beneficiaries?offset=99999999999999999999' }, expect: { status: 422 } },
  {
    name: 'GMFCS 1e999 (parses to Infinity)', category: 'numbers',
    input: (ctx) => ({ method: 'PUT', path: cpProfilePath(ctx), body: JSON.stringify(cpProfileBody()).replace('"gmfcs":4', '"gmfcs":1e999') }),
    expect: { status: 422 }, check: gmfcsUnchanged,
  },
  { name: 'GMFCS -3', category: 'numbers', input: (ctx) => ({ method: 'PUT', path: cpProfilePath(ctx), body: cpProfileBody({ gmfcs: -3 }) }), expect: { status: 422 }, check: gmfcsUnchanged },
  { name: 'GMFCS 2.5', category: 'numbers', input: (ctx) => ({ method: 'PUT', path: cpProfilePath(ctx), body: cpProfileBody({ gmfcs: 2.5 }) }), expect: { status: 422 }, check: gmfcsUnchanged },
  {
    name: 'telemetry window from year -271821', category: 'numbers',
    input: (ctx) => ({ path: `/api/devices/${ctx.facts.deviceOfFamilyA1}/telemetry?from=-271821-04-20T00:00:00Z&to=+275760-09-13T00:00:00Z` }),
    expect: { status: 422 },
  },

  // prototype keys
  {
    name: '__proto__ at the top of a create body', category: 'prototype',
    input: { path: '/api/beneficiaries', body: `{"__proto__":{"polluted":true},${named('Proto Atas').slice(1)}` },
    expect: { status: 422 }, check: notStored('Proto Atas'),
  },
  {
    name: 'constructor.prototype in a create body', category: 'prototype',
    input: { path: '/api/beneficiaries', body: `{"constructor":{"prototype":{"polluted":true}},${named('Proto Konstruktor').slice(1)}` },
    expect: { status: 422 }, check: notStored('Proto Konstruktor'),
  },
  {
    name: '__proto__ nested in the consent object', category: 'prototype',
    input: { path: '/api/beneficiaries', body: named('Proto Persetujuan').replace('"consent":{', '"consent":{"__proto__":{"polluted":true},') },
    expect: { status: 422 }, check: notStored('Proto Persetujuan'),
  },
  { name: '__proto__ claiming the admin role on PATCH /api/me', category: 'prototype', input: { method: 'PATCH', path: '/api/me', body: '{"__proto__":{"role":"admin"},"locale":"id"}' }, expect: { status: 422 }, check: therapistUnchanged },
  {
    name: '__proto__ and constructor[prototype] in the query string', category: 'prototype',
    input: { path: '/api/beneficiaries?__proto__[polluted]=1&constructor[prototype][polluted]=1&__proto__.polluted=1' },
    expect: { status: 200 },
    check: async (ctx, res) => {
      const body = JSON.parse(res.text) as { total: number };
      expect(body.total).toBe(await ctx.h.db.prisma.beneficiary.count({ where: { centreId: ctx.world.centreA } }));
    },
  },

  // unknown fields (strict schemas)
  { name: 'isAdmin added to a create body', category: 'unknown-fields', input: { path: '/api/beneficiaries', body: named('Admin Palsu', { isAdmin: true }) }, expect: { status: 422 }, check: notStored('Admin Palsu') },
  { name: 'control characters in the display name on PATCH /api/me', category: 'unknown-fields', input: { method: 'PATCH', path: '/api/me', body: { name: 'Terapis\u0000\u001b[31m' } }, expect: { status: 422 }, check: therapistUnchanged },
  { name: 'role and centreId on PATCH /api/me', category: 'unknown-fields', input: (ctx) => ({ method: 'PATCH', path: '/api/me', body: { role: 'admin', centreId: ctx.world.centreB } }), expect: { status: 422 }, check: therapistUnchanged },
  {
    name: 'passwordHash on an admin PATCH of a user', category: 'unknown-fields', as: 'admin',
    input: (ctx) => ({ method: 'PATCH', path: `/api/users/${ctx.world.user.therapistA}`, body: { passwordHash: 'scrypt$16384$8$1$AAAA$BBBB' } }),
    expect: { status: 422 },
    check: async (ctx) => expect((await therapist(ctx)).passwordHash).toBe(ctx.facts.therapistAHash),
  },
  {
    name: 'a report created already closed', category: 'unknown-fields', as: 'familyA1',
    input: (ctx) => ({ path: '/api/reports', body: { beneficiaryId: ctx.world.beneficiaryOf.familyA1, category: 'brakes', clientRequestId: crypto.randomUUID(), status: 'closed' } }),
    expect: { status: 422 },
  },
  { name: 'remember-me flag on sign-in', category: 'unknown-fields', as: 'anonymous', input: { path: '/api/auth/login', body: { email: 'admin@demo.atensi.id', password: 'x', remember: true } }, expect: { status: 422, headers: { 'set-cookie': null } } },

  // content types
  { name: 'JSON sent as text/plain', category: 'content-type', input: { method: 'PATCH', path: '/api/me', headers: { 'content-type': 'text/plain' }, body: '{"locale":"en"}' }, via: 'http', expect: { status: 415 }, check: therapistUnchanged },
  { name: 'same-origin form post', category: 'content-type', input: { method: 'PATCH', path: '/api/me', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'locale=en' }, via: 'http', expect: { status: 415 }, check: therapistUnchanged },
  { name: 'application/jsonp', category: 'content-type', input: { method: 'PATCH', path: '/api/me', headers: { 'content-type': 'application/jsonp' }, body: '{"locale":"en"}' }, via: 'http', expect: { status: 415 }, check: therapistUnchanged },
  { name: 'a body with no content type', category: 'content-type', input: { method: 'PATCH', path: '/api/me', headers: { 'content-type': null }, body: '{"locale":"en"}' }, via: 'http', expect: { status: 415 }, check: therapistUnchanged },
  {
    name: 'JSON labelled image/jpeg outside the photo route', category: 'content-type',
    input: { path: '/api/beneficiaries', headers: { 'content-type': 'image/jpeg' }, body: named('Gambar Palsu') },
    via: 'http', expect: { status: 415 }, check: notStored('Gambar Palsu'),
  },
  {
    name: 'HTML labelled image/jpeg on the photo route', category: 'content-type', as: 'familyA1',
    input: async (ctx) => ({ path: `/api/reports/${await ctx.facts.reportOfFamilyA1()}/photos`, headers: { 'content-type': 'image/jpeg' }, body: '<html><script>alert(1)</script></html>' }),
    via: 'http', expect: { status: 415 },
  },
];
